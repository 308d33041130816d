/**
 * Located errors. Every message a user sees about a map names the place it
 * concerns (`stages[3].name: required`), never a stack trace: designers fix
 * hand-written files from these lines.
 */
export interface MapIssue {
  /** Where, as a path users can read: `lanes[1].cells.checkout`. Empty for the whole map. */
  path: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; issues: MapIssue[] };

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `['stages', 3, 'name']` → `stages[3].name`; odd keys are quoted: `cells["a b"]`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && IDENT.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

/** One line per issue, for summaries and `figma.notify`. */
export function describeIssues(issues: ReadonlyArray<MapIssue>, max = 5): string {
  const lines = issues.slice(0, max).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  if (issues.length > max) lines.push(`…and ${issues.length - max} more`);
  return lines.join('\n');
}

export class MapError extends Error {
  readonly issues: MapIssue[];
  constructor(issues: MapIssue[]) {
    super(describeIssues(issues));
    this.name = 'MapError';
    this.issues = issues;
  }
}

/** Names the panel shows, for labels of cell paths (lane titles, stage names by id). */
export interface LabelNames {
  stages: ReadonlyArray<{ id: string; name: string }>;
  lanes: ReadonlyArray<{ title: string }>;
}

/**
 * The panel's field labels, "<label> of <row> n" (its visible label and the words only a screen
 * reader hears); name and title fields are "<Row> n name".
 */
const LABELS: Record<string, string> = {
  role: 'Role',
  quote: 'Quote',
  description: 'Description',
  phase: 'Phase',
  moment: 'Moment of truth',
  momentNote: 'Moment note',
  kind: 'Kind',
  tone: 'Tone',
  style: 'Line',
  persona: 'Persona',
  overlay: 'Chart',
  scale: 'Scale',
  'scale.min': 'Scale',
  'scale.max': 'Scale',
  'scale.low': 'Low end word',
  'scale.high': 'High end word',
};

/**
 * A path as the panel labels its field, for messages in the panel: `stages[1].name` → "Stage 2
 * name", `stages[0].phase` → "Phase of stage 1", `lanes[0].cells.buy[2]` → "Touchpoints, Buy,
 * card 3" (with `names`), `personas[1].goals[0]` → "Goal 1 of persona 2". A path the panel has no
 * field for comes back as it is.
 */
export function fieldLabel(path: string, names?: LabelNames): string {
  if (path === 'title') return 'Map title';
  if (path === 'objective') return 'Objective';
  const row = /^(stages|lanes|personas?)(?:\[(\d+)\])?(?:\.(\w+(?:\.(?:min|max|low|high))?))?(.*)$/.exec(path);
  if (!row) return path;
  const [, list, index = '0', field, rest] = row;
  // Format 1's single `persona` is the first persona.
  if ((list === 'persona') !== (row[2] === undefined)) return path;
  const n = Number(index) + 1;
  const noun = list.startsWith('persona') ? 'persona' : list === 'stages' ? 'stage' : 'lane';
  const Noun = noun[0].toUpperCase() + noun.slice(1);
  if (field === undefined) return rest ? path : `${Noun} ${n}`;
  if (field === 'goals' || field === 'frustrations') {
    const item = /^\[(\d+)\]$/.exec(rest);
    return item ? `${field === 'goals' ? 'Goal' : 'Frustration'} ${Number(item[1]) + 1} of persona ${n}` : path;
  }
  if (field !== 'cells') {
    if (rest) return path;
    if (field === 'name' || field === 'title' || field === 'id') return `${Noun} ${n} ${field}`;
    return LABELS[field] ? `${LABELS[field]} of ${noun} ${n}` : path;
  }
  if (list !== 'lanes') return path;
  // A cell: `.key` or `["odd key"]`, then a card index, `.score` or `.note`.
  const cell = /^(?:\.([A-Za-z_$][\w$-]*)|\[("(?:[^"\\]|\\.)*")\])(?:\[(\d+)\]|\.(score|note))?$/.exec(rest);
  if (!cell) return path;
  const id = cell[1] ?? (JSON.parse(cell[2]) as string);
  const laneTitle = names?.lanes[Number(index)]?.title.trim();
  const stageName = names?.stages.find((s) => s.id === id)?.name.trim();
  const label = `${laneTitle || `Lane ${n}`}, ${stageName || `stage “${id}”`}`;
  if (cell[3] !== undefined) return `${label}, card ${Number(cell[3]) + 1}`;
  return cell[4] ? `${label}, ${cell[4]}` : label;
}

/** An issue as one line of a panel message: the field's label, its path in brackets where it differs, then the message. */
export function describeIssue(issue: MapIssue, names?: LabelNames): string {
  if (!issue.path) return issue.message;
  const label = fieldLabel(issue.path, names);
  return `${label === issue.path ? label : `${label} (${issue.path})`}: ${issue.message}`;
}
