/**
 * A map's theme → the colours it is drawn with (issue 15). Pure: the same theme gives the same
 * palette object (so it can be part of memo keys cheaply). No theme, or the default preset with
 * nothing else, is DEFAULT_PALETTE, exactly today's look.
 *
 * A preset is a set of role colours (PRESET_ROLES); `colors` and `accent` override roles; every
 * other colour follows from the roles: tints and borders mixed from the surface, and each text
 * made readable (WCAG AA, 4.5:1) on every background it sits on (readableOn keeps its hue).
 *
 * The dark scheme (the "Dark" mode of the map's Figma variables, `npm run preview -- --dark`)
 * starts from the preset's DARK_ROLES; a theme's own colours are carried over keeping their hue:
 * surface, text, muted text and stage at fixed dark-scheme lightnesses, every other role (accent,
 * tones, curve, moment…) lifted to 3:1 on the dark surface where it is darker. The same rules then
 * derive the rest, with tints a little stronger (a dark surface shows a tint less).
 */
import type { Theme } from '../model';
import { atLightness, contrastHex, hexToRgb, luminance, mixHex, readableOn, textOn } from './color';
import {
  DARK_PHASE_HUES,
  DARK_ROLES,
  DEFAULT_PALETTE,
  MOMENT,
  PRESET_CURVES,
  PRESET_ROLES,
  type Palette,
  type ThemeRoleName,
} from './theme';

export type ColorScheme = 'light' | 'dark';
type Roles = Partial<Record<ThemeRoleName, string>>;

const cache = new Map<string, Palette>();

export function paletteFor(theme: Theme | undefined, scheme: ColorScheme = 'light'): Palette {
  const own: Roles = { ...(theme?.accent ? { accent: theme.accent } : {}), ...theme?.colors };
  const preset = theme?.preset ?? 'default';
  if (scheme === 'dark')
    return cached(['dark', preset, own], () =>
      derive(darkRoles(preset, own), true, preset === 'default' && !own.accent, preset),
    );
  const roles: Roles = { ...(preset !== 'default' ? PRESET_ROLES[preset] : {}), ...own };
  if (Object.keys(roles).length === 0) return DEFAULT_PALETTE;
  return cached([preset, roles], () => derive(roles, false, false, preset));
}

function cached(key: unknown, make: () => Palette): Palette {
  const k = JSON.stringify(key);
  let p = cache.get(k);
  if (!p) {
    if (cache.size > 50) cache.clear();
    cache.set(k, (p = make()));
  }
  return p;
}

/** OKLCH lightness (and the most chroma kept) of the roles that set a dark scheme's tone. */
const DARK_TONE: Partial<Record<ThemeRoleName, [number, number]>> = {
  surface: [0.19, 0.03],
  text: [0.95, 0.02],
  mutedText: [0.78, 0.04],
  stage: [0.3, 0.06],
};

/** The preset's dark roles, with a theme's own colours carried over (see the top of this file). */
function darkRoles(preset: keyof typeof DARK_ROLES, own: Roles): Roles {
  const r: Roles = { ...DARK_ROLES[preset] };
  for (const role of Object.keys(own) as ThemeRoleName[]) {
    const tone = DARK_TONE[role];
    if (tone) r[role] = atLightness(own[role]!, tone[0], tone[1]);
  }
  const surface = r.surface!;
  for (const role of Object.keys(own) as ThemeRoleName[])
    if (!DARK_TONE[role]) r[role] = readableOn(own[role]!, [surface], 3);
  return r;
}

/**
 * The palette from role colours; `dark`: a dark surface (stronger tints); `hues`: phase bands in
 * DARK_PHASE_HUES; `preset`: whose extra curves (PRESET_CURVES; the default's are EXTRA_CURVES).
 */
function derive(r: Roles, dark: boolean, hues: boolean, preset: keyof typeof DARK_ROLES): Palette {
  const d = DEFAULT_PALETTE;
  const c = d.colors;
  const surface = r.surface ?? c.mapBackground;
  const ink = r.text ?? c.text;
  // Backgrounds: the surface, and tints of it towards the text colour.
  const tinted = r.surface !== undefined || r.text !== undefined;
  const cellBackground = tinted ? mixHex(surface, ink, dark ? 0.045 : 0.025) : c.cellBackground;
  const laneLabelBackground = tinted ? mixHex(surface, ink, dark ? 0.08 : 0.05) : c.laneLabelBackground;
  const lanes = [surface, cellBackground];
  const accent = r.accent ?? c.personaAccent;
  const personaBackground =
    r.accent !== undefined || tinted ? mixHex(surface, accent, dark ? 0.1 : 0.07) : c.personaBackground;
  const m = r.moment ?? d.moment.headerFill;
  const { stage, stageText } =
    r.stage !== undefined || r.moment !== undefined
      ? stageLook(r.stage ?? c.stageBackground, m, dark ? surface : ink)
      : { stage: c.stageBackground, stageText: c.stageText };
  // A moment's header: the stage row tinted by the moment's fill; its texts read on both.
  const header = [stage, mixHex(stage, m, MOMENT.headerFillOpacity)];
  const text = readableOn(ink, [...lanes, laneLabelBackground, personaBackground]);
  const muted = readableOn(r.mutedText ?? c.textSecondary, [...lanes, personaBackground]);
  const faint = r.mutedText !== undefined || tinted ? readableOn(mixHex(muted, surface, 0.15), lanes) : c.textMuted;
  const hairline = (t: number) => (tinted ? mixHex(surface, ink, t) : undefined);

  const phaseFills = dark
    ? hues
      ? DARK_PHASE_HUES.map((h) => mixHex(surface, h, 0.24))
      : [0.3, 0.18, 0.4, 0.24].map((t) => mixHex(surface, accent, t))
    : r.accent !== undefined
      ? // A light accent (a yellow) needs more of it to show on the surface; neighbouring bands differ.
        (luminance(hexToRgb(accent)) > 0.5 ? [0.5, 0.3, 0.7, 0.4] : [0.18, 0.1, 0.26, 0.14]).map((t) =>
          mixHex(surface, accent, t),
        )
      : tinted
        ? d.phaseFills.map((f) => mixHex(f, surface, 0.3))
        : d.phaseFills;

  const tone = (role: string | undefined, dflt: { fill: string; border: string; text: string }) => {
    if (role === undefined) return tinted ? { ...dflt, text: readableOn(dflt.text, [dflt.fill]) } : dflt;
    const fill = mixHex(surface, role, dark ? 0.14 : 0.1);
    return { fill, border: mixHex(surface, role, 0.38), text: readableOn(mixHex(role, ink, 0.35), [fill]) };
  };
  const neutralBorder = r.neutral ?? (tinted ? mixHex(surface, ink, 0.2) : d.tones.neutral.border);
  const neutralText = tinted ? readableOn(mixHex(ink, surface, 0.15), [surface]) : d.tones.neutral.text;

  const moment =
    r.moment === undefined && r.stage === undefined
      ? {
          ...d.moment,
          ring: readableOn(d.moment.ring, lanes, 3),
          legendTitle: readableOn(d.moment.legendTitle, [surface]),
        }
      : {
          headerBorder: m,
          headerFill: m,
          headerLabel: readableOn(r.moment === undefined ? d.moment.headerLabel : mixHex(m, '#FFFFFF', 0.35), header),
          headerNote: readableOn(r.moment === undefined ? d.moment.headerNote : mixHex(m, '#FFFFFF', 0.75), header),
          // On a dark surface the band at its opacity reads heavier: half of it, mixed into the surface.
          band: dark ? mixHex(surface, m, 0.55) : m,
          ring: readableOn(r.moment === undefined ? d.moment.ring : m, lanes, 3),
          legendTitle: readableOn(r.moment === undefined ? d.moment.legendTitle : m, [surface]),
        };

  return {
    colors: {
      mapBackground: surface,
      mapBorder: hairline(0.12) ?? c.mapBorder,
      text,
      textSecondary: muted,
      textMuted: faint,
      personaBackground,
      personaAccent: accent,
      personaAvatarText: r.accent !== undefined ? textOn(accent, dark ? surface : ink) : c.personaAvatarText,
      personaSectionTitle:
        r.accent !== undefined
          ? readableOn(accent, [personaBackground, surface])
          : readableOn(c.personaSectionTitle, [personaBackground]),
      stageBackground: stage,
      stageText,
      stageDescription:
        r.stage !== undefined || r.moment !== undefined
          ? readableOn(mixHex(stageText, stage, 0.2), header)
          : c.stageDescription,
      laneLabelBackground,
      laneLabelText: r.text !== undefined ? text : readableOn(c.laneLabelText, lanes),
      cellBackground,
      cellBorder: hairline(0.08) ?? c.cellBorder,
      emotionBackground: cellBackground,
      emotionBaseline: r.neutral !== undefined ? readableOn(r.neutral, lanes, 3) : c.emotionBaseline,
      emotionCurve: readableOn(r.curve ?? c.emotionCurve, lanes, 3),
      emotionMarkerStroke: surface,
      emotionNoteBackground: surface,
      phaseText: readableOn(r.text !== undefined ? text : c.phaseText, phaseFills),
      dividerLine: r.neutral !== undefined ? readableOn(r.neutral, lanes, 3) : c.dividerLine,
      dividerText: readableOn(r.mutedText ?? c.dividerText, lanes),
      link: readableOn(r.accent ?? c.link, lanes),
    },
    tones: {
      neutral: { fill: surface, border: neutralBorder, text: neutralText },
      positive: tone(r.positive, d.tones.positive),
      negative: tone(r.negative, d.tones.negative),
      idea: tone(r.idea, d.tones.idea),
    },
    phaseFills,
    // Dark: lifted further than 3:1, to the lighter tones a dark scheme draws lines in (a saturated
    // mid blue looked heavy on near-black).
    extraCurves: (preset === 'default' ? d.extraCurves : PRESET_CURVES[preset][dark ? 'dark' : 'light']).map((x) =>
      readableOn(x, lanes, dark ? 4.5 : 3),
    ),
    markerLanes: lanes.map((h) => luminance(hexToRgb(h))),
    metric: {
      met: readableOn(r.positive ?? d.metric.met, lanes),
      missed: readableOn(r.negative ?? d.metric.missed, lanes),
    },
    moment,
  };
}

/**
 * The stage row's colour and its text: white where white reads on the row and on a moment's
 * tint of it, else `ink` (the text colour; the surface in a dark scheme) made readable there; a
 * mid-tone row where neither reads on both is darkened until white does.
 */
function stageLook(wanted: string, moment: string, ink: string): { stage: string; stageText: string } {
  for (const ratio of [0, 5, 6, 7, 21]) {
    const stage = ratio ? readableOn(wanted, ['#FFFFFF'], ratio) : wanted;
    const bgs = [stage, mixHex(stage, moment, MOMENT.headerFillOpacity)];
    const ok = (t: string) => bgs.every((b) => contrastHex(t, b) >= 4.5);
    if (ok('#FFFFFF')) return { stage, stageText: '#FFFFFF' };
    const dark = readableOn(ink, bgs);
    if (ok(dark)) return { stage, stageText: dark };
  }
  return { stage: '#000000', stageText: '#FFFFFF' };
}
