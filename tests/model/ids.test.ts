/**
 * Ids: derived from names when a file gives none, and never changed once
 * given, since canvas nodes and cells are keyed by them.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { slugify, uniqueId, IdSchema } from '../../src/model';
import { arbMapInput, arbName } from '../support/arbitraries';
import { norm } from '../support/maps';

describe('slugify', () => {
  it('lower-cases and joins words with dashes', () => {
    expect(slugify('Check out', 'stage')).toBe('check-out');
    expect(slugify('  Sign-up / Log in!  ', 'stage')).toBe('sign-up-log-in');
  });

  it('strips accents', () => {
    expect(slugify('Café Crème', 'stage')).toBe('cafe-creme');
    expect(slugify('Ärztliche Überweisung', 'stage')).toBe('arztliche-uberweisung');
  });

  it('falls back when nothing Latin is left', () => {
    expect(slugify('🚀😀', 'stage')).toBe('stage');
    expect(slugify('الدفع', 'lane')).toBe('lane');
    expect(slugify('\u200fתשלום\u200f', 'stage')).toBe('stage'); // Hebrew with RTL marks
    expect(slugify('中文', 'stage')).toBe('stage');
    expect(slugify('🚀 Launch', 'stage')).toBe('launch');
  });

  it('caps the length without a trailing dash', () => {
    const slug = slugify(`${'a'.repeat(47)} bbbb`, 'stage');
    expect(slug).toBe('a'.repeat(47));
    expect(slugify('word '.repeat(30), 'stage').length).toBeLessThanOrEqual(48);
    expect(slugify('x'.repeat(200), 'stage')).toBe('x'.repeat(48));
  });

  it('always yields a valid id', () => {
    fc.assert(
      fc.property(fc.oneof(arbName, fc.string()), (name) => {
        expect(IdSchema.safeParse(slugify(name, 'stage')).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('uniqueId', () => {
  it('adds -2, -3… on collisions and marks ids as taken', () => {
    const taken = new Set<string>();
    expect(uniqueId('pay', taken)).toBe('pay');
    expect(uniqueId('pay', taken)).toBe('pay-2');
    expect(uniqueId('pay', taken)).toBe('pay-3');
    expect([...taken]).toEqual(['pay', 'pay-2', 'pay-3']);
    expect(uniqueId('pay-2', new Set(['pay-2']))).toBe('pay-2-2');
  });
});

describe('normalised ids', () => {
  it('derive from names, with collisions numbered in order', () => {
    const map = norm({
      title: 'T',
      stages: [{ name: 'Pay' }, { name: 'pay!' }, { name: '🚀' }, { name: '😀' }],
      lanes: [{ title: 'Actions', kind: 'text' }],
    });
    expect(map.stages.map((s) => s.id)).toEqual(['pay', 'pay-2', 'stage', 'stage-2']);
    expect(map.lanes.map((l) => l.id)).toEqual(['actions']);
  });

  it('never let a derived id take one written later in the file', () => {
    const map = norm({ title: 'T', stages: [{ name: 'Pay' }, { id: 'pay', name: 'Checkout' }] });
    expect(map.stages.map((s) => s.id)).toEqual(['pay-2', 'pay']);
  });

  it('stay stable when a stage or lane is renamed', () => {
    const first = norm({
      title: 'T',
      stages: [{ name: 'Browse' }, { name: 'Check out' }],
      lanes: [{ title: 'Doing', kind: 'text', cells: { 'check-out': 'Pays' } }],
    });
    expect(first.stages[1].id).toBe('check-out');
    const renamed = structuredClone(first);
    renamed.stages[1].name = 'Payment';
    renamed.lanes[0].title = 'Actions';
    const second = norm(renamed);
    expect(second.stages.map((s) => s.id)).toEqual(['browse', 'check-out']);
    expect(second.lanes[0].id).toBe(first.lanes[0].id);
    expect(second.lanes[0].cells).toEqual({ 'check-out': 'Pays' });
    expect(second.stages[1].name).toBe('Payment');
  });

  it('stay stable under any renames of a normalised random map', () => {
    fc.assert(
      fc.property(
        arbMapInput({ maxStages: 6, maxLanes: 4 }),
        fc.array(arbName, { minLength: 10, maxLength: 10 }),
        (input, names) => {
          const map = norm(input);
          const renamed = structuredClone(map);
          renamed.stages.forEach((s, i) => (s.name = names[i % names.length]));
          renamed.lanes.forEach((l, i) => (l.title = names[(i + 5) % names.length]));
          const again = norm(renamed);
          expect(again.stages.map((s) => s.id)).toEqual(map.stages.map((s) => s.id));
          expect(again.lanes.map((l) => l.id)).toEqual(map.lanes.map((l) => l.id));
          expect(again.lanes.map((l) => l.cells)).toEqual(map.lanes.map((l) => l.cells));
        },
      ),
      { numRuns: 150 },
    );
  });
});
