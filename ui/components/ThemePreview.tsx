/**
 * A small preview of the map's theme (issue 15), light and dark: a swatch for each colour role as
 * the map draws it, and a stage, a card and a curve in the theme's font and colours (the palette
 * the sandbox draws with: src/layout/palette.ts). Parts still being typed (a half-written colour)
 * are left out until they are valid.
 */
import { useMemo } from 'preact/hooks';
import type { Theme } from '../../src/model';
import { paletteFor, type ColorScheme } from '../../src/layout/palette';
import type { Palette } from '../../src/layout/theme';
import { useSlice } from '../hooks';
import type { DraftMap } from '../draft';

const HEX = /^#[0-9A-Fa-f]{6}$/;
const PRESETS = ['default', 'mono', 'warm', 'contrast'];

/** The draft's theme with only its valid parts: what paletteFor can take while the designer types. */
export function previewTheme(t: DraftMap['theme']): Theme | undefined {
  if (!t) return undefined;
  const out: Theme = {};
  if (typeof t.preset === 'string' && PRESETS.includes(t.preset)) out.preset = t.preset;
  if (typeof t.accent === 'string' && HEX.test(t.accent)) out.accent = t.accent.toUpperCase();
  const colors = Object.entries(t.colors ?? {}).filter(([, v]) => typeof v === 'string' && HEX.test(v));
  if (colors.length) out.colors = Object.fromEntries(colors.map(([k, v]) => [k, v.toUpperCase()]));
  return out;
}

/** Each role's colour as the map draws it: [label, colour]. */
function swatches(p: Palette): [string, string][] {
  const c = p.colors;
  return [
    ['Surface', c.mapBackground],
    ['Text', c.text],
    ['Muted text', c.textSecondary],
    ['Accent', c.personaAccent],
    ['Stage', c.stageBackground],
    ['Positive', p.metric.met],
    ['Negative', p.metric.missed],
    ['Idea', p.tones.idea.text],
    ['Neutral', p.tones.neutral.border],
    ['Curve', c.emotionCurve],
    ['Moment', p.moment.ring],
  ];
}

function Sample(p: { theme: Theme | undefined; scheme: ColorScheme; font: string }) {
  const pal = paletteFor(p.theme, p.scheme);
  const c = pal.colors;
  const card = pal.tones.negative;
  const name = p.scheme === 'light' ? 'Light' : 'Dark';
  return (
    <figure
      class="theme-sample"
      style={{ background: c.mapBackground, borderColor: c.mapBorder, color: c.text, fontFamily: p.font }}
    >
      <figcaption style={{ color: c.textSecondary }}>{name}</figcaption>
      <ul class="theme-swatches" aria-label={`${name} colours`}>
        {swatches(pal).map(([label, colour]) => (
          <li key={label} title={`${label} ${colour}`} style={{ background: colour }}>
            <span class="sr-only">
              {label} {colour}
            </span>
          </li>
        ))}
      </ul>
      <div class="theme-stage" style={{ background: c.stageBackground, color: c.stageText }}>
        Stage
      </div>
      <div class="theme-lane" style={{ background: c.cellBackground }} aria-hidden="true">
        <span class="theme-card" style={{ background: card.fill, borderColor: card.border, color: card.text }}>
          card
        </span>
        <svg viewBox="0 0 56 24" class="theme-curve">
          <path d="M3 18 C 14 18, 16 5, 28 8 S 44 20, 53 5" fill="none" stroke={c.emotionCurve} stroke-width="2" />
          <circle cx="53" cy="5" r="3" fill={c.emotionCurve} stroke={c.emotionMarkerStroke} stroke-width="1.5" />
        </svg>
      </div>
      <span class="sr-only">A stage, a card and a curve in the theme's {name.toLowerCase()} colours.</span>
    </figure>
  );
}

export function ThemePreview() {
  const raw = useSlice((s) => s.map.theme);
  const theme = useMemo(() => previewTheme(raw), [raw]);
  const family = typeof raw?.font === 'string' ? raw.font.trim().replace(/["\\]/g, '') : '';
  // The chosen family where this computer has it (Figma's fonts are mostly installed ones), else Inter.
  const font = `${family ? `"${family}", ` : ''}Inter, system-ui, sans-serif`;
  return (
    <div class="theme-preview" role="group" aria-label="Theme preview">
      <Sample theme={theme} scheme="light" font={font} />
      <Sample theme={theme} scheme="dark" font={font} />
    </div>
  );
}
