/**
 * The migration hook: older documents are upgraded step by step before
 * validation; newer ones are refused rather than downgraded.
 */
import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION, MIGRATIONS, migrate } from '../../src/model';

/** A pretend v2 where `title` became `name` and stages gained `order`. */
const FAKE: typeof MIGRATIONS = {
  1: (doc) => {
    const { title, ...rest } = doc;
    const stages = (doc.stages as Record<string, unknown>[]).map((s, i) => ({ ...s, order: i }));
    return { ...rest, name: title, stages };
  },
};

describe('migrate', () => {
  it('has one real step, 1 → 2: a single `persona` becomes the first of `personas`', () => {
    expect(FORMAT_VERSION).toBe(2);
    expect(Object.keys(MIGRATIONS)).toEqual(['1']);
    const persona = { name: 'Sam', goals: ['Fast'] };
    expect(migrate({ version: 1, title: 'T', persona, stages: [] })).toEqual({
      ok: true,
      value: { version: 2, title: 'T', personas: [persona], stages: [] },
    });
    // No persona: nothing else changes.
    expect(migrate({ version: 1, title: 'T', stages: [] })).toEqual({
      ok: true,
      value: { version: 2, title: 'T', stages: [] },
    });
  });

  it('reads a file without a version as version 1 when it has a single `persona`, else as the current one', () => {
    expect(migrate({ title: 'T', persona: { name: 'P' } })).toEqual({
      ok: true,
      value: { version: 2, title: 'T', personas: [{ name: 'P' }] },
    });
    expect(migrate({ title: 'T', personas: [{ name: 'P' }] })).toEqual({
      ok: true,
      value: { title: 'T', personas: [{ name: 'P' }] },
    });
  });

  it('upgrades a v1 document to v2 with a fake table', () => {
    const v1 = { version: 1, title: 'Shoes', stages: [{ name: 'A' }, { name: 'B' }] };
    const r = migrate(v1, FAKE, 2);
    expect(r).toEqual({
      ok: true,
      value: {
        version: 2,
        name: 'Shoes',
        stages: [
          { name: 'A', order: 0 },
          { name: 'B', order: 1 },
        ],
      },
    });
    // the caller's object is left alone
    expect(v1).toEqual({ version: 1, title: 'Shoes', stages: [{ name: 'A' }, { name: 'B' }] });
  });

  it('runs the step of the brief: title gets a "!" and the version becomes 2', () => {
    const r = migrate(
      { version: 1, title: 'Shoes', stages: [{ name: 'A' }] },
      { 1: (d) => ({ ...d, title: `${d.title as string}!` }) },
      2,
    );
    expect(r).toEqual({ ok: true, value: { version: 2, title: 'Shoes!', stages: [{ name: 'A' }] } });
  });

  it('chains steps: v1 → v2 → v3', () => {
    const table: typeof MIGRATIONS = { ...FAKE, 2: (doc) => ({ ...doc, steps: 2 }) };
    const r = migrate({ version: 1, title: 'T', stages: [] }, table, 3);
    expect(r).toEqual({ ok: true, value: { version: 3, name: 'T', stages: [], steps: 2 } });
  });

  it('leaves a current document, or one without a version (read as current), as it is', () => {
    expect(migrate({ version: 2, name: 'T' }, FAKE, 2)).toEqual({ ok: true, value: { version: 2, name: 'T' } });
    // no step runs: a versionless file is taken to be written for this plugin
    expect(migrate({ title: 'T' }, FAKE, 2)).toEqual({ ok: true, value: { title: 'T' } });
  });

  it('says which step is missing', () => {
    expect(migrate({ version: 1 }, {}, 2)).toEqual({
      ok: false,
      issues: [{ path: 'version', message: 'no migration from version 1 to 2' }],
    });
  });

  it('refuses newer documents, naming both versions', () => {
    const r = migrate({ version: 3 }, FAKE, 2);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues[0].message).toBe(
        'this map is format version 3, but this plugin reads up to version 2; update the plugin to open it',
      );
  });
});
