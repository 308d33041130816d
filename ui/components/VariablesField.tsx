/**
 * "Use Figma variables" in the Theme section (issue 15): stored with the map as `theme.variables`, so
 * Create and Update bind the map's colours to the file's "Journey map" variables (src/figma/variables.ts).
 * Where the collection has a Dark mode (a paid plan), the map frame can be shown in Light or Dark: that
 * is the frame's mode on the canvas, set at once (one undo step), not a change to the map's data.
 * In FigJam a board is drawn in plain colours: neither does anything there, so the field is left out,
 * or, for a map that has variables on (kept for Figma Design), shown disabled with the reason.
 */
import { setThemeVariables } from '../edit';
import { usePanel, useSlice } from '../hooks';
import { SelectField } from './fields';

const MODES = [
  { value: 'Light', label: 'Light' },
  { value: 'Dark', label: 'Dark' },
] as const;

export function VariablesField() {
  const panel = usePanel();
  const on = useSlice((s) => s.map.theme?.variables === true);
  const modes = useSlice((s) => s.target?.variables);
  const figjam = useSlice((s) => s.editor === 'figjam');
  const dark = on && !figjam && !!modes?.modes.includes('Dark');
  if (figjam && !on) return null;
  return (
    <div class="theme-variables">
      <label class="check" for="theme-variables">
        <input
          type="checkbox"
          id="theme-variables"
          data-path="theme.variables"
          checked={on}
          disabled={figjam}
          aria-describedby={figjam ? 'theme-variables-figjam' : undefined}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            panel.edit((m) => setThemeVariables(m, checked));
          }}
        />
        Use Figma variables
      </label>
      {figjam && (
        <p class="field-hint" id="theme-variables-figjam">
          FigJam boards use plain colours: Figma variables apply in Figma Design.
        </p>
      )}
      {dark && (
        <SelectField
          label="Show the map in"
          path="theme.variables"
          id="theme-variable-mode"
          value={modes?.mode ?? 'Light'}
          options={MODES}
          hint="The map frame's variable mode in Figma."
          onValue={(v) => panel.setVariableMode(v === 'Dark' ? 'Dark' : 'Light')}
        />
      )}
    </div>
  );
}
