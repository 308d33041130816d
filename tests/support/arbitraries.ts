/**
 * fast-check arbitraries for journey maps: valid inputs (as people write them:
 * ids or none, unicode names, optional fields present or not) and broken ones
 * with exactly one known defect and the path its error must name.
 * Shared by model, layout and renderer tests, so every map `arbMapInput`
 * yields must normalise without issues.
 */
import fc from 'fast-check';
import { LIMITS } from '../../src/model/limits';
import { slugify, uniqueId } from '../../src/model/ids';
import { normaliseMap } from '../../src/model/normalise';
import { formatPath } from '../../src/model/errors';
import { THEME_ROLES } from '../../src/layout/theme';

/** Names people really type: Latin with accents, emoji, RTL scripts, CJK, punctuation. */
const nameChars = fc.constantFrom(
  ...'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ éüñçøß-&/().,!?'.split(''),
  '😀',
  '🚀',
  '👩🏽‍💻',
  'ש',
  'ל',
  'ع',
  'ل',
  '中',
  '文',
  '\u200f', // right-to-left mark, as pasted from RTL editors
);
export const arbName: fc.Arbitrary<string> = fc
  .array(nameChars, { minLength: 1, maxLength: 24 })
  .map((cs) => cs.join('').trim())
  .filter((s) => s.length > 0);
/** Free text; may keep leading or trailing spaces (the format keeps them in cells). */
export const arbText: fc.Arbitrary<string> = fc
  .array(nameChars, { minLength: 1, maxLength: 60 })
  .map((cs) => cs.join(''))
  .filter((s) => s.trim().length > 0);
/** Emotion scores as the panel offers them: quarter steps from -2 to 2. */
export const arbScore: fc.Arbitrary<number> = fc.integer({ min: -8, max: 8 }).map((n) => n / 4);

/** Evidence: a text with a web or mail address (the words never blank: the format requires them). */
export const arbLinked = fc.record({
  text: arbText.filter((t) => t.trim() !== '').map((t) => t.trim()),
  url: fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.emailAddress().map((e) => `mailto:${e}`),
  ),
});

/** A metric cell: whole and decimal values, either sign, units as teams write them, targets either way. */
export const arbMetric = fc.record(
  {
    value: fc.oneof(
      fc.integer({ min: -500, max: 250_000 }),
      fc.integer({ min: -10_000, max: 10_000 }).map((n) => n / 100),
    ),
    unit: fc.constantFrom('%', 'min', 's', '/ 5', 'pts', 'NPS', '★', 'days', '€'),
    target: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
    better: fc.constantFrom('higher' as const, 'lower' as const),
  },
  { requiredKeys: ['value'] },
);

const hasProtoKey = (v: unknown): boolean =>
  typeof v === 'object' &&
  v !== null &&
  (Object.prototype.hasOwnProperty.call(v, '__proto__') || Object.values(v).some(hasProtoKey));

/**
 * Free-form user data as it arrives from JSON.parse: plain prototypes, and no
 * `__proto__` keys (the normaliser refuses those, see normalise.ts).
 */
const arbMeta = fc
  .dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3, noNullPrototype: true })
  .filter((m) => !hasProtoKey(m));

export interface MapArbOptions {
  maxStages?: number;
  maxLanes?: number;
}

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/**
 * The ids the normaliser will give: explicit ids are reserved first, then the
 * others are slugs of their names, made unique in order. Cells must use these.
 */
function effectiveIds(items: { id?: string; name: string }[], fallback: string): string[] {
  const taken = new Set(items.flatMap((i) => (i.id === undefined ? [] : [i.id])));
  return items.map((i) => i.id ?? uniqueId(slugify(i.name, fallback), taken));
}

/** Explicit ids for the chosen items: sometimes the slug another item's name would get, to force collisions. */
function explicitIds(names: string[], given: boolean[], picks: number[], fallback: string): (string | undefined)[] {
  const used = new Set<string>();
  return names.map((_, i) => {
    if (!given[i]) return undefined;
    const base = picks[i] % 2 === 0 ? `${fallback[0]}${i}` : slugify(names[picks[i] % names.length], fallback);
    return uniqueId(base, used);
  });
}

/**
 * A map's theme from a small set (issue 15): a preset, an accent (one too light for white text
 * among them), a few role colours (a lower-case one, normalised), a font family: Inter, Roboto
 * (the fake has its Regular only: every weight falls to it) or one Figma lacks (drawn in Inter,
 * with a warning). Any part may be missing.
 */
export const arbTheme = fc.record(
  {
    preset: fc.constantFrom('default', 'mono', 'warm', 'contrast'),
    accent: fc.constantFrom('#C2410C', '#FFE066', '#0038B8', '#0e7c86'),
    colors: fc.dictionary(
      fc.constantFrom(...THEME_ROLES),
      fc.constantFrom('#FFFCF7', '#101828', '#7A5AF8', '#008C57', '#F7FBFC', '#0b3b44'),
      { maxKeys: 3 },
    ),
    font: fc.constantFrom('Inter', 'Roboto', 'Brand Sans'),
  },
  { requiredKeys: [] },
);

export function arbMapInput(options: MapArbOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const maxStages = options.maxStages ?? 10;
  const maxLanes = options.maxLanes ?? 6;
  const perStage = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: maxStages, maxLength: maxStages });
  return fc
    .record({
      /** Version 2 mostly; sometimes a version-1 file (one `persona`), which is migrated. */
      version: fc.constantFrom<1 | 2 | undefined>(2, 2, 2, 1, undefined),
      title: arbName,
      objective: opt(arbText),
      extraPersonas: fc.array(fc.record({ name: arbName, role: opt(arbName) }), { maxLength: 5 }),
      /** 'all', 'none' or 'some' of the stages and lanes carry an explicit id. */
      idStyle: fc.constantFrom('all', 'none', 'some'),
      persona: opt(
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
      ),
      stages: fc.array(
        fc.record({
          name: arbName,
          phase: opt(fc.constantFrom('Before', 'During', 'After', 'قبل', 'Après 🚀')),
          description: opt(arbText),
          moment: opt(fc.boolean()),
          momentNote: opt(arbText),
          idGiven: fc.boolean(),
          idPick: fc.nat(),
        }),
        { minLength: 1, maxLength: maxStages },
      ),
      lanes: fc.array(
        fc.record({
          title: arbName,
          kind: fc.constantFrom('text', 'cards', 'emotion', 'divider', 'metric'),
          tone: opt(fc.constantFrom('neutral', 'positive', 'negative', 'idea')),
          idGiven: fc.boolean(),
          idPick: fc.nat(),
          /** Empty lanes sometimes leave `cells` out altogether. */
          omitEmptyCells: fc.boolean(),
          fill: perStage(fc.boolean()),
          texts: perStage(fc.oneof({ arbitrary: arbText, weight: 4 }, arbLinked)),
          cards: perStage(
            fc.array(fc.oneof({ arbitrary: arbText, weight: 4 }, arbLinked), { minLength: 1, maxLength: 3 }),
          ),
          scores: perStage(arbScore),
          /** Quarter steps up a non-default scale, wrapped to its span. */
          steps: perStage(fc.nat(40)),
          scale: opt(
            fc.record(
              {
                min: fc.constantFrom(-2, 0, 1),
                span: fc.constantFrom(2, 4, 6, 9, 10),
                low: arbName,
                high: arbName,
              },
              { requiredKeys: ['min', 'span'] },
            ),
          ),
          /** Drawn on the chart of an earlier emotion lane (picked by this number), if any. */
          overlay: opt(fc.nat()),
          persona: opt(fc.nat()),
          style: opt(fc.constantFrom('solid', 'dashed')),
          notes: perStage(opt(arbText)),
          metrics: perStage(arbMetric),
          /** A divider's line. */
          line: opt(fc.constantFrom('solid', 'dashed')),
        }),
        { maxLength: maxLanes },
      ),
      meta: opt(arbMeta),
      theme: opt(arbTheme),
    })
    .map((r) => {
      // A versionless file with a single `persona` is read as version 1 (migrate.ts).
      const v2 = r.version === 2 || (r.version === undefined && !r.persona);
      // Version-2 personas carry explicit ids, so that emotion lanes can name them.
      const personas: Array<Record<string, unknown>> = v2
        ? [...(r.persona ? [r.persona] : []), ...r.extraPersonas]
            .slice(0, LIMITS.personas)
            .map((p, i) => ({ id: `p${i}`, ...p }))
        : [];
      const given = (flag: boolean) => (r.idStyle === 'some' ? flag : r.idStyle === 'all');
      const stageNames = r.stages.map((s) => s.name);
      const stageGiven = explicitIds(
        stageNames,
        r.stages.map((s) => given(s.idGiven)),
        r.stages.map((s) => s.idPick),
        'stage',
      );
      const stageIds = effectiveIds(
        stageNames.map((name, i) => ({ name, id: stageGiven[i] })),
        'stage',
      );
      const laneNames = r.lanes.map((l) => l.title);
      const laneGiven = explicitIds(
        laneNames,
        r.lanes.map((l) => given(l.idGiven)),
        r.lanes.map((l) => l.idPick),
        'lane',
      );

      const stages = r.stages.map((s, i) => {
        const out: Record<string, unknown> = {};
        if (stageGiven[i] !== undefined) out.id = stageGiven[i];
        out.name = s.name;
        if (s.phase !== undefined) out.phase = s.phase;
        if (s.description !== undefined) out.description = s.description;
        if (v2 && s.moment !== undefined) out.moment = s.moment;
        if (v2 && s.moment && s.momentNote !== undefined) out.momentNote = s.momentNote;
        return out;
      });
      const laneIds = effectiveIds(
        laneNames.map((name, i) => ({ name, id: laneGiven[i] })),
        'lane',
      );
      // Version 2 only: scales, charts shared by several lanes, curves tied to personas.
      const scales: Array<{ min: number; max: number; low?: string; high?: string } | undefined> = [];
      const hostOf: Array<number | undefined> = [];
      r.lanes.forEach((l, li) => {
        const hosts = r.lanes.flatMap((h, hi) =>
          hi < li && h.kind === 'emotion' && hostOf[hi] === undefined ? [hi] : [],
        );
        hostOf[li] =
          v2 && l.kind === 'emotion' && l.overlay !== undefined && hosts.length
            ? hosts[l.overlay % hosts.length]
            : undefined;
        const own =
          v2 && l.kind === 'emotion' && l.scale
            ? { min: l.scale.min, max: l.scale.min + l.scale.span, low: l.scale.low, high: l.scale.high }
            : undefined;
        scales[li] = hostOf[li] !== undefined ? scales[hostOf[li]!] : own;
      });
      const lanes = r.lanes.map((raw, li) => {
        // Divider and metric lanes are version 2; a version-1 file has text lanes there.
        const l = v2 || (raw.kind !== 'divider' && raw.kind !== 'metric') ? raw : { ...raw, kind: 'text' as const };
        const scale = scales[li];
        const score = (i: number) =>
          scale ? scale.min + (l.steps[i] % ((scale.max - scale.min) * 4 + 1)) / 4 : l.scores[i];
        const cells: Record<string, unknown> = {};
        stageIds.forEach((sid, i) => {
          if (!l.fill[i]) return;
          if (l.kind === 'text') cells[sid] = l.texts[i];
          else if (l.kind === 'cards') cells[sid] = l.cards[i];
          else if (l.kind === 'metric') cells[sid] = l.metrics[i];
          else if (l.kind === 'divider') return;
          else cells[sid] = l.notes[i] !== undefined ? { score: score(i), note: l.notes[i] } : { score: score(i) };
        });
        const out: Record<string, unknown> = {};
        if (laneGiven[li] !== undefined) out.id = laneGiven[li];
        out.title = l.title;
        out.kind = l.kind;
        if (l.kind === 'cards' && l.tone !== undefined) out.tone = l.tone;
        if (l.kind === 'divider' && l.line !== undefined) out.style = l.line;
        if (l.kind === 'emotion' && v2) {
          if (hostOf[li] !== undefined) out.overlay = laneIds[hostOf[li]!];
          else if (scale) out.scale = Object.fromEntries(Object.entries(scale).filter(([, v]) => v !== undefined));
          if (l.persona !== undefined && personas.length) out.persona = personas[l.persona % personas.length].id;
          if (l.style !== undefined) out.style = l.style;
        }
        if (Object.keys(cells).length > 0 || !l.omitEmptyCells) out.cells = cells;
        return out;
      });
      const map: Record<string, unknown> = {};
      if (r.version !== undefined) map.version = r.version;
      map.title = r.title;
      if (v2 && r.objective !== undefined) map.objective = r.objective;
      if (!v2 && r.persona) map.persona = r.persona;
      if (v2 && personas.length) map.personas = personas;
      map.stages = stages;
      map.lanes = lanes;
      // Through JSON, as a file would arrive (fast-check dictionaries have a null prototype).
      if (r.meta) map.meta = JSON.parse(JSON.stringify(r.meta));
      // A theme is version 2 (an empty one normalises to none).
      if (v2 && r.theme) map.theme = JSON.parse(JSON.stringify(r.theme));
      return map;
    });
}

export interface BrokenMap {
  input: unknown;
  /** The located path an issue must name. */
  path: string;
}

export const DEFECTS = [
  'missingStageName',
  'unknownKey',
  'scoreOutOfRange',
  'duplicateStageId',
  'cellForMissingStage',
  'tooManyStages',
  'wrongKind',
  'newerVersion',
  'titleTooLong',
] as const;
export type Defect = (typeof DEFECTS)[number];

type Json = Record<string, any>;

/** Where an unknown key can be slipped in, with the path it is reported at. */
function injectUnknownKey(map: Json, pick: number): string {
  const stages = map.stages as Json[];
  const lanes = map.lanes as Json[];
  const spots: (() => string)[] = [
    () => ((map.stage = []), 'stage'),
    () => {
      const k = pick % stages.length;
      stages[k].title = 'typo for name';
      return `stages[${k}].title`;
    },
  ];
  if (lanes.length) {
    spots.push(() => {
      const i = pick % lanes.length;
      lanes[i].stage = 'x'; // the "stage instead of cells" typo
      return `lanes[${i}].stage`;
    });
  }
  if (map.persona) spots.push(() => ((map.persona.goal = 'x'), 'persona.goal'));
  if (map.personas?.length) spots.push(() => ((map.personas[0].goal = 'x'), 'personas[0].goal'));
  return spots[pick % spots.length]();
}

function inject(map: Json, defect: Defect, pick: number): string {
  const stages = map.stages as Json[];
  const lanes = map.lanes as Json[];
  const k = pick % stages.length;
  switch (defect) {
    case 'missingStageName':
      delete stages[k].name;
      return `stages[${k}].name`;
    case 'unknownKey':
      return injectUnknownKey(map, pick);
    case 'scoreOutOfRange': {
      // A fresh emotion lane (on the default −2..+2 scale) with a cell for stage k, keyed by the id it will get.
      const norm = normaliseMap(structuredClone(map));
      if (!norm.ok) throw new Error('arbMapInput made an invalid map');
      const id = norm.value.stages[k].id;
      const i = pick % (lanes.length + 1);
      lanes.splice(i, 0, { title: 'Feelings', kind: 'emotion', cells: { [id]: { score: pick % 2 ? 3 : -2.25 } } });
      return formatPath(['lanes', i, 'cells', id, 'score']);
    }
    case 'duplicateStageId': {
      // Every stage gets an id; stage j (≠ 0) repeats stage 0's. Cells are cleared so nothing else fails.
      stages.forEach((s, i) => (s.id = `id${i}`));
      for (const lane of lanes) lane.cells = {};
      const j = 1 + (pick % (stages.length - 1));
      stages[j].id = 'id0';
      return `stages[${j}].id`;
    }
    case 'cellForMissingStage': {
      const i = pick % (lanes.length + 1);
      lanes.splice(i, 0, { title: 'Notes', kind: 'text', cells: { 'no-such-stage': 'x' } });
      return `lanes[${i}].cells.no-such-stage`;
    }
    case 'tooManyStages':
      map.stages = Array.from({ length: LIMITS.stages + 1 }, (_, i) => ({ name: `Stage ${i}` }));
      map.lanes = [];
      return 'stages';
    case 'wrongKind': {
      const i = pick % (lanes.length + 1);
      lanes.splice(i, 0, { title: 'Diagram', kind: pick % 2 ? 'diagram' : 'Text' });
      return `lanes[${i}].kind`;
    }
    case 'newerVersion':
      map.version = 99;
      return 'version';
    case 'titleTooLong':
      map.title = 'x'.repeat(LIMITS.shortText + 1);
      return 'title';
  }
}

/**
 * A valid map with exactly one defect injected, and the path an issue must
 * name. `defects` narrows the kinds (all by default).
 */
export function arbBrokenMap(defects: readonly Defect[] = DEFECTS): fc.Arbitrary<BrokenMap & { defect: Defect }> {
  const base = arbMapInput({ maxStages: 5, maxLanes: 3 }).filter((m) => (m.stages as unknown[]).length >= 2);
  return fc.tuple(base, fc.nat(), fc.constantFrom(...defects)).map(([m, pick, defect]) => {
    const map = structuredClone(m) as Json;
    const path = inject(map, defect, pick);
    return { input: map, path, defect };
  });
}
