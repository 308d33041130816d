/** Maps to start from: a blank one and the bundled examples (validated at load, never trusted). */
import { normaliseMap } from '../src/model';
import { TEMPLATE_LIST } from '../src/templates';
import { blankDraft, draftFromMap, type DraftMap } from './draft';

export interface Template {
  id: string;
  label: string;
  make: () => DraftMap;
}

/** The same bundled examples the sandbox's "New map from template" menu offers. */
const EXAMPLES = TEMPLATE_LIST.map((t) => ({ id: t.id, label: t.name, data: t.map }));

export const TEMPLATES: Template[] = [
  { id: 'blank', label: 'Blank map', make: blankDraft },
  ...EXAMPLES.flatMap(({ id, label, data }) => {
    const r = normaliseMap(data);
    // A broken example is a bug of ours; leaving it out beats crashing the panel.
    return r.ok ? [{ id, label, make: () => draftFromMap(r.value) }] : [];
  }),
];
