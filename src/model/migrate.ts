/**
 * Format versions. A map written by an older build is migrated step by step up
 * to FORMAT_VERSION before validation; a map from a newer build is refused with
 * both versions named, so it is never overwritten with a lossy downgrade.
 */
import { FORMAT_VERSION } from './schema';
import type { Result } from './errors';

/** `MIGRATIONS[n]` turns a version-n document into a version-(n+1) one. */
export const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  // 1 → 2: one `persona` becomes the first of `personas`. Nothing else changed shape.
  1: (doc) => {
    const { persona, ...rest } = doc;
    return persona === undefined ? rest : { ...rest, personas: [persona] };
  },
};

/**
 * The version of a document that does not say: a hand-written file means the current one,
 * unless it uses a field only an older version had (a single `persona` is version 1).
 */
function impliedVersion(doc: Record<string, unknown>, current: number): number {
  return current >= 2 && 'persona' in doc && !('personas' in doc) ? 1 : current;
}

export function migrate(input: unknown, migrations = MIGRATIONS, current = FORMAT_VERSION): Result<unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ path: '', message: 'a journey map must be a JSON object' }] };
  }
  let doc = input as Record<string, unknown>;
  // A hand-written file may leave the version out; it means "the current one" (see impliedVersion).
  const raw = doc.version === undefined ? impliedVersion(doc, current) : doc.version;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1) {
    return { ok: false, issues: [{ path: 'version', message: `must be a whole number from 1 to ${current}` }] };
  }
  if (raw > current) {
    return {
      ok: false,
      issues: [
        {
          path: 'version',
          message: `this map is format version ${raw}, but this plugin reads up to version ${current}; update the plugin to open it`,
        },
      ],
    };
  }
  for (let v = raw; v < current; v++) {
    const step = migrations[v];
    if (!step)
      return { ok: false, issues: [{ path: 'version', message: `no migration from version ${v} to ${v + 1}` }] };
    doc = Object.assign({}, step(doc), { version: v + 1 });
  }
  return { ok: true, value: doc.version === undefined ? doc : Object.assign({}, doc, { version: current }) };
}
