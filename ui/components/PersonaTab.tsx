import { LIMITS } from '../../src/model';
import { setPersona } from '../edit';
import { usePanel, useSlice } from '../hooks';
import { Field } from './fields';
import { ListEditor } from './ListEditor';

export function PersonaTab() {
  const panel = usePanel();
  const p = useSlice((s) => s.map.persona);
  const set =
    <K extends keyof typeof p>(key: K) =>
    (v: (typeof p)[K]) =>
      panel.edit((m) => setPersona(m, key, v));
  return (
    <div class="stack">
      <p class="hint">Leave every persona field empty to make a map without a persona.</p>
      <div class="two-col">
        <Field
          label="Persona name"
          path="persona.name"
          value={p.name}
          onValue={set('name')}
          maxLength={LIMITS.shortText}
        />
        <Field label="Role" path="persona.role" value={p.role} onValue={set('role')} maxLength={LIMITS.shortText} />
      </div>
      <Field
        label="Quote"
        path="persona.quote"
        value={p.quote}
        onValue={set('quote')}
        multiline
        rows={2}
        maxLength={LIMITS.longText}
      />
      <Field
        label="Description"
        path="persona.description"
        value={p.description}
        onValue={set('description')}
        multiline
        rows={3}
        maxLength={LIMITS.longText}
      />
      <ListEditor noun="Goal" heading="Goals" path="persona.goals" items={p.goals} onChange={set('goals')} />
      <ListEditor
        noun="Frustration"
        heading="Frustrations"
        path="persona.frustrations"
        items={p.frustrations}
        onChange={set('frustrations')}
      />
    </div>
  );
}
