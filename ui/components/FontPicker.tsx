/**
 * The theme's font family (issue 15): a text field that filters the families Figma has (the
 * sandbox sends them when the Theme section opens, `list-fonts`) in a list below it. The ARIA
 * combobox pattern: typing filters and opens the list, ↓/↑ move through it (↓ opens it, Alt+↓
 * too), Enter takes the family, Escape closes the list, a click takes one. Any name may be typed:
 * one Figma does not have draws in Inter, and the hint says so before Create.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useIssueText, useSlice } from '../hooks';

/** Rows shown at once; more matches are counted, and typing narrows them. */
const SHOWN = 60;
const ID = 'theme-font';

/** Families containing `query` (case aside): the name itself, then names starting with it, then a word, then anywhere. */
export function filterFamilies(families: readonly string[], query: string): string[] {
  const q = query.trim().toLowerCase();
  if (!q) return families.slice();
  const rank = (f: string) => {
    const l = f.toLowerCase();
    if (l === q) return 0;
    if (l.startsWith(q)) return 1;
    const at = l.indexOf(q);
    if (at < 0) return -1;
    return /[\s\-_]/.test(l[at - 1]) ? 2 : 3;
  };
  const ranked: [number, number, string][] = [];
  families.forEach((f, i) => {
    const r = rank(f);
    if (r >= 0) ranked.push([r, i, f]);
  });
  return ranked.sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[2]);
}

export function FontPicker(p: { value: string; onValue: (v: string) => void }) {
  const families = useSlice((s) => s.fonts);
  const issue = useIssueText('theme.font');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const matches = useMemo(() => filterFamilies(families ?? [], p.value), [families, p.value]);
  const shown = matches.slice(0, SHOWN);
  const expanded = open && shown.length > 0;
  const optionId = (i: number) => `${ID}-option-${i}`;

  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  const pick = (family: string) => {
    p.onValue(family);
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!expanded || e.altKey) {
        setOpen(true);
        if (!e.altKey) setActive(e.key === 'ArrowDown' ? 0 : shown.length - 1);
        return;
      }
      setActive((a) => (e.key === 'ArrowDown' ? Math.min(a + 1, shown.length - 1) : Math.max(a - 1, 0)));
    } else if (e.key === 'Enter' && expanded && active >= 0) {
      e.preventDefault();
      pick(shown[active]);
    } else if (e.key === 'Escape' && expanded) {
      // Closes the list only; the panel's own Escape handling does not see it.
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };

  const known = families?.some((f) => f.toLowerCase() === p.value.trim().toLowerCase());
  const hint =
    families === null
      ? 'Any family in Figma; Inter when empty.'
      : p.value.trim() && !known
        ? `Not among this file's ${families.length.toLocaleString('en')} fonts: the map would use Inter.`
        : '';
  const described = [issue && `${ID}-err`, hint && `${ID}-hint`].filter(Boolean).join(' ');
  return (
    <div class="field font-picker">
      <label for={ID}>Font family</label>
      <input
        id={ID}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${ID}-list`}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={issue ? true : undefined}
        aria-describedby={described || undefined}
        data-path="theme.font"
        autocomplete="off"
        spellcheck={false}
        placeholder={
          families ? `Inter, or one of ${families.length.toLocaleString('en')}` : 'Inter, or any font in Figma'
        }
        value={p.value}
        onInput={(e) => {
          p.onValue(e.currentTarget.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul
        id={`${ID}-list`}
        role="listbox"
        aria-label="Font families"
        class="font-list"
        hidden={!expanded}
        // Focus stays in the field: dragging the list's scroll bar (or a click between rows) must not
        // blur it, which would close the list under the pointer.
        onMouseDown={(e) => e.preventDefault()}
      >
        {expanded &&
          shown.map((f, i) => (
            <li
              key={f}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'active' : undefined}
              // On mouse down, before any blur: the list stays until the click has picked.
              onMouseDown={() => pick(f)}
            >
              {f}
            </li>
          ))}
      </ul>
      <p class="sr-only" aria-live="polite">
        {open && families ? `${matches.length} ${matches.length === 1 ? 'font matches' : 'fonts match'}` : ''}
      </p>
      {expanded && matches.length > SHOWN && (
        <p class="field-hint">
          {SHOWN} of {matches.length.toLocaleString('en')} shown: type to narrow
        </p>
      )}
      {hint && (
        <p class="field-hint" id={`${ID}-hint`}>
          {hint}
        </p>
      )}
      {issue && (
        <p class="field-error" id={`${ID}-err`}>
          {issue}
        </p>
      )}
    </div>
  );
}
