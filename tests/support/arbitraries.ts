/**
 * fast-check arbitraries for journey maps: valid inputs (as people write them:
 * ids or none, unicode names, optional fields present or not) and broken ones
 * with exactly one known defect and the path its error must name.
 */
import fc from 'fast-check';
import { LIMITS } from '../../src/model/limits';
import { slugify, uniqueId } from '../../src/model/ids';

/** Names people really type: Latin with accents, emoji, RTL scripts, CJK, punctuation. */
const nameChars = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ éüñçøß-&/().,!?'.split(''), '😀', '🚀', 'ש', 'ل', 'ع', '中', '文', '\u200f');
export const arbName = fc
  .array(nameChars, { minLength: 1, maxLength: 24 })
  .map((cs) => cs.join('').trim())
  .filter((s) => s.length > 0);
const arbText = fc.array(nameChars, { minLength: 1, maxLength: 60 }).map((cs) => cs.join('')).filter((s) => s.trim().length > 0);
const arbScore = fc.integer({ min: -8, max: 8 }).map((n) => n / 4);

export interface MapArbOptions {
  maxStages?: number;
  maxLanes?: number;
}

export function arbMapInput(options: MapArbOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const maxStages = options.maxStages ?? 10;
  const maxLanes = options.maxLanes ?? 6;
  return fc
    .record({
      title: arbName,
      withIds: fc.boolean(),
      persona: fc.option(
        fc.record(
          {
            name: arbName,
            role: arbName,
            quote: arbText,
            description: arbText,
            goals: fc.array(arbText, { minLength: 1, maxLength: 4 }),
            frustrations: fc.array(arbText, { minLength: 1, maxLength: 4 }),
          },
          { requiredKeys: ['name'] },
        ),
        { nil: undefined },
      ),
      stages: fc.array(fc.record({ name: arbName, phase: fc.option(fc.constantFrom('Before', 'During', 'After'), { nil: undefined }), description: fc.option(arbText, { nil: undefined }) }), {
        minLength: 1,
        maxLength: maxStages,
      }),
      lanes: fc.array(
        fc.record({
          title: arbName,
          kind: fc.constantFrom('text', 'cards', 'emotion'),
          tone: fc.constantFrom('neutral', 'positive', 'negative', 'idea'),
          fill: fc.array(fc.boolean(), { minLength: maxStages, maxLength: maxStages }),
          texts: fc.array(arbText, { minLength: maxStages, maxLength: maxStages }),
          cards: fc.array(fc.array(arbText, { minLength: 1, maxLength: 3 }), { minLength: maxStages, maxLength: maxStages }),
          scores: fc.array(arbScore, { minLength: maxStages, maxLength: maxStages }),
          notes: fc.array(fc.option(arbText, { nil: undefined }), { minLength: maxStages, maxLength: maxStages }),
        }),
        { maxLength: maxLanes },
      ),
      meta: fc.option(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), { nil: undefined }),
    })
    .map((r) => {
      // Ids: explicit (s0, s1…) or derived by the normaliser from names; cells must use the same keys.
      const taken = new Set<string>();
      const stageIds = r.withIds ? r.stages.map((_, i) => `s${i}`) : r.stages.map((s) => uniqueId(slugify(s.name.trim(), 'stage'), taken));
      const stages = r.stages.map((s, i) => {
        const out: Record<string, unknown> = { name: s.name };
        if (r.withIds) out.id = stageIds[i];
        if (s.phase) out.phase = s.phase;
        if (s.description) out.description = s.description;
        return out;
      });
      const lanes = r.lanes.map((l, li) => {
        const cells: Record<string, unknown> = {};
        {
          stageIds.forEach((sid, i) => {
            if (!l.fill[i]) return;
            cells[sid] = l.kind === 'text' ? l.texts[i] : l.kind === 'cards' ? l.cards[i] : l.notes[i] ? { score: l.scores[i], note: l.notes[i] } : { score: l.scores[i] };
          });
        }
        const out: Record<string, unknown> = { title: l.title, kind: l.kind, cells };
        if (r.withIds) out.id = `l${li}`;
        if (l.kind === 'cards') out.tone = l.tone;
        return out;
      });
      const map: Record<string, unknown> = { version: 1, title: r.title, stages, lanes };
      if (r.persona) map.persona = r.persona;
      if (r.meta) map.meta = r.meta;
      return map;
    });
}

export interface BrokenMap {
  input: unknown;
  /** The located path the first error must name. */
  path: string;
}

/** A valid map with exactly one defect injected, and where the error must point. */
export function arbBrokenMap(): fc.Arbitrary<BrokenMap> {
  const base = arbMapInput({ maxStages: 5, maxLanes: 3 }).filter((m) => (m.stages as unknown[]).length >= 2);
  return fc.tuple(base, fc.nat(), fc.constantFrom('noName', 'unknownKey', 'badScore', 'dupId', 'badCell', 'tooMany', 'badKind', 'newer', 'longTitle')).map(([m, n, defect]) => {
    const map = JSON.parse(JSON.stringify(m)) as Record<string, any>;
    const stages = map.stages as Array<Record<string, unknown>>;
    const k = n % stages.length;
    switch (defect) {
      case 'noName':
        delete stages[k].name;
        return { input: map, path: `stages[${k}].name` };
      case 'unknownKey':
        map.stage = [];
        return { input: map, path: 'stage' };
      case 'badScore':
        map.lanes.push({ id: 'zz-emotion', title: 'E', kind: 'emotion', cells: {} });
        stages[k].id = stages[k].id ?? `given-${k}`;
        map.lanes[map.lanes.length - 1].cells[stages[k].id as string] = { score: 3 };
        return { input: map, path: `lanes[${map.lanes.length - 1}].cells.${stages[k].id}.score` };
      case 'dupId':
        stages.forEach((s, i) => (s.id = `id${i}`));
        for (const lane of map.lanes) lane.cells = {};
        stages[k === 0 ? 1 : k].id = 'id0';
        return { input: map, path: `stages[${k === 0 ? 1 : k}].id` };
      case 'badCell':
        map.lanes.push({ title: 'T', kind: 'text', cells: { 'no-such-stage': 'x' } });
        return { input: map, path: `lanes[${map.lanes.length - 1}].cells.no-such-stage` };
      case 'tooMany':
        map.stages = Array.from({ length: LIMITS.stages + 1 }, (_, i) => ({ name: `S${i}` }));
        map.lanes = [];
        return { input: map, path: 'stages' };
      case 'badKind':
        map.lanes.push({ title: 'T', kind: 'diagram' });
        return { input: map, path: `lanes[${map.lanes.length - 1}].kind` };
      case 'newer':
        map.version = 99;
        return { input: map, path: 'version' };
      default:
        map.title = 'x'.repeat(LIMITS.shortText + 1);
        return { input: map, path: 'title' };
    }
  });
}
