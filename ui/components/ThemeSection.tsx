/**
 * The map's theme (issue 15): a preset, an accent colour, a font family (searchable among the
 * families Figma has, asked for when this section opens) and a preview, light and dark. Applied
 * with Update like any other change; a bad colour is reported at its field.
 */
import { useEffect } from 'preact/hooks';
import { setThemePart } from '../edit';
import { usePanel, useSlice } from '../hooks';
import { Field, SelectField } from './fields';
import { FontPicker } from './FontPicker';
import { ThemePreview, previewTheme } from './ThemePreview';
import { paletteFor } from '../../src/layout/palette';
import { VariablesField } from './VariablesField';

const PRESETS = [
  { value: '', label: 'Default' },
  { value: 'mono', label: 'Mono' },
  { value: 'warm', label: 'Warm' },
  { value: 'contrast', label: 'High contrast' },
] as const;
const HEX = /^#[0-9A-Fa-f]{6}$/;

export function ThemeSection() {
  const panel = usePanel();
  const preset = useSlice((s) => s.map.theme?.preset ?? '');
  const accent = useSlice((s) => s.map.theme?.accent ?? '');
  const font = useSlice((s) => s.map.theme?.font ?? '');
  // The picker starts from the accent the map is drawn with (the preset's, or a role colour's).
  const drawnAccent = useSlice((s) => paletteFor(previewTheme(s.map.theme)).colors.personaAccent);
  useEffect(() => panel.requestFonts(), [panel]);
  return (
    <fieldset class="theme">
      <legend>Theme</legend>
      <SelectField
        label="Preset"
        path="theme.preset"
        id="theme-preset"
        value={preset === 'default' ? '' : preset}
        options={PRESETS}
        onValue={(v) => panel.edit((m) => setThemePart(m, 'preset', v))}
      />
      <div class="theme-accent">
        <Field
          label="Accent colour"
          path="theme.accent"
          id="theme-accent"
          placeholder="#RRGGBB"
          maxLength={7}
          value={accent}
          onValue={(v) => panel.edit((m) => setThemePart(m, 'accent', v.trim()))}
        />
        <input
          type="color"
          aria-label="Pick the accent colour"
          value={(HEX.test(accent) ? accent : drawnAccent).toLowerCase()}
          onInput={(e) => {
            const v = e.currentTarget.value.toUpperCase();
            panel.edit((m) => setThemePart(m, 'accent', v));
          }}
        />
      </div>
      <FontPicker value={font} onValue={(v) => panel.edit((m) => setThemePart(m, 'font', v))} />
      <ThemePreview />
      <VariablesField />
    </fieldset>
  );
}
