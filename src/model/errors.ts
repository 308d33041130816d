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
