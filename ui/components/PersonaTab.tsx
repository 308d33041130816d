/**
 * Personas: add (up to six), name, remove, reorder (buttons or Alt+↑/↓), and each one's role,
 * quote, description, goals and frustrations. A persona's id is made from its name when the
 * name is first entered and then kept (emotion lanes on the Lanes tab name it).
 */
import { useState } from 'preact/hooks';
import { LIMITS } from '../../src/model';
import { personaIsEmpty, type PersonaDraft } from '../draft';
import { addPersona, movePersona, removePersona, setPersona, settlePersonaIds } from '../edit';
import { refocus, useIssueText, usePanel, useSlice } from '../hooks';
import { Field } from './fields';
import { ListEditor } from './ListEditor';
import { RowHeader } from './RowHeader';
import './editors.css';

export function PersonaTab() {
  const panel = usePanel();
  const count = useSlice((s) => s.map.personas.length);
  return (
    <div class="stack">
      <p class="hint">
        Shown side by side on the map. <kbd>Alt</kbd> + <kbd>↑</kbd>/<kbd>↓</kbd> moves the focused persona.
      </p>
      {count === 0 && <p class="empty">No personas: the map is drawn without a persona block.</p>}
      <ol class="rows">
        {Array.from({ length: count }, (_, i) => (
          // Personas have no id before their name is entered: rows are keyed by position.
          <PersonaRow key={i} index={i} count={count} />
        ))}
      </ol>
      <button
        type="button"
        class="btn"
        disabled={count >= LIMITS.personas}
        onClick={() => {
          panel.edit(addPersona);
          refocus(`persona-${count}-name`);
        }}
      >
        + Add persona
      </button>
      {count >= LIMITS.personas && <p class="hint">A map has at most {LIMITS.personas} personas.</p>}
    </div>
  );
}

/** "3 goals, 1 frustration": what a folded persona holds. */
function summary(p: PersonaDraft): string {
  const n = (k: number, word: string) => (k ? `${k} ${word}${k === 1 ? '' : 's'}` : '');
  const goals = p.goals.filter((g) => g.trim()).length;
  const frustrations = p.frustrations.filter((f) => f.trim()).length;
  const parts = [
    p.quote.trim() && 'quote',
    p.description.trim() && 'description',
    n(goals, 'goal'),
    n(frustrations, 'frustration'),
  ];
  return parts.filter(Boolean).join(', ') || 'nothing yet';
}

function PersonaRow({ index, count }: { index: number; count: number }) {
  const panel = usePanel();
  const p = useSlice((s) => s.map.personas[index]);
  const path = `personas[${index}]`;
  const issue = useIssueText(path);
  const curves = useSlice((s) => {
    const id = s.map.personas[index]?.id;
    if (id === undefined) return '';
    return s.map.lanes
      .filter((l) => l.kind === 'emotion' && l.persona === id)
      .map((l) => l.title.trim() || 'Untitled')
      .join(', ');
  });
  // With several personas the details fold away; a new persona and one with a problem show them.
  const [open, setOpen] = useState(count <= 1 || (p !== undefined && personaIsEmpty(p)));
  if (!p) return null;
  const n = index + 1;
  const idOf = (i: number, field: string) => `persona-${i}-${field}`;
  const set =
    <K extends Exclude<keyof PersonaDraft, 'id'>>(key: K) =>
    (v: PersonaDraft[K]) =>
      panel.edit((m) => setPersona(m, index, key, v));
  // Rows are keyed by position, so after a move focus goes to the same control of the moved persona.
  const move = (by: number) => {
    const focused = document.activeElement?.id ?? '';
    panel.edit((m) => movePersona(m, index, by));
    const prefix = `${idOf(index, '')}`;
    if (!focused.startsWith(prefix)) return;
    const again = `${idOf(index + by, '')}${focused.slice(prefix.length)}`;
    const up = index + by === 0 && again.endsWith('-up');
    const down = index + by === count - 1 && again.endsWith('-down');
    refocus(up || down ? idOf(index + by, 'name') : again);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(e.key === 'ArrowUp' ? -1 : 1);
  };
  const shown = open || issue !== '';
  const detailsId = idOf(index, 'details');
  return (
    <li class="row card persona" onKeyDown={onKeyDown}>
      <RowHeader
        noun="persona"
        field="name"
        index={index}
        count={count}
        inputId={idOf(index, 'name')}
        path={`${path}.name`}
        value={p.name}
        placeholder="e.g. Maya, night nurse"
        onValue={set('name')}
        onCommit={() => panel.edit(settlePersonaIds)}
        move={move}
        onRemove={() => {
          panel.edit((m) => removePersona(m, index));
          refocus(count > 1 ? idOf(Math.min(index, count - 2), 'name') : undefined);
        }}
      />
      <Field
        label="Role"
        labelSuffix={` of persona ${n}`}
        id={idOf(index, 'role')}
        path={`${path}.role`}
        value={p.role}
        placeholder="Optional"
        onValue={set('role')}
        maxLength={LIMITS.shortText}
      />
      {curves && (
        <p class="hint persona-curves">
          Curves: <span class="curve-names">{curves}</span>
        </p>
      )}
      <button
        type="button"
        class="btn-link disclosure"
        id={idOf(index, 'toggle')}
        aria-expanded={shown}
        aria-controls={detailsId}
        disabled={issue !== ''}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true" class="chevron">
          {shown ? '▾' : '▸'}
        </span>
        {shown ? 'Hide details' : `Details: ${summary(p)}`} <span class="sr-only">of persona {n}</span>
      </button>
      {shown && (
        <div class="stack persona-details" id={detailsId}>
          <Field
            label="Quote"
            labelSuffix={` of persona ${n}`}
            id={idOf(index, 'quote')}
            path={`${path}.quote`}
            value={p.quote}
            onValue={set('quote')}
            multiline
            rows={2}
            maxLength={LIMITS.longText}
          />
          <Field
            label="Description"
            labelSuffix={` of persona ${n}`}
            id={idOf(index, 'description')}
            path={`${path}.description`}
            value={p.description}
            onValue={set('description')}
            multiline
            rows={3}
            maxLength={LIMITS.longText}
          />
          <ListEditor
            noun="Goal"
            heading="Goals"
            labelSuffix={` of persona ${n}`}
            path={`${path}.goals`}
            items={p.goals}
            onChange={set('goals')}
          />
          <ListEditor
            noun="Frustration"
            heading="Frustrations"
            labelSuffix={` of persona ${n}`}
            path={`${path}.frustrations`}
            items={p.frustrations}
            onChange={set('frustrations')}
          />
        </div>
      )}
    </li>
  );
}
