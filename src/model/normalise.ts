/**
 * parse → migrate → validate → give ids → check references → canonical form.
 * The canonical form is what every other part of the plugin sees: ids on every
 * stage and lane, cells in stage order, empty values dropped. Normalising a
 * normalised map returns an equal map (tests hold this), so round trips are exact.
 */
import type * as z from 'zod/mini';
import { formatPath, type MapIssue, type Result } from './errors';
import { uniqueId, slugify } from './ids';
import { migrate } from './migrate';
import { LIMITS } from './limits';
import {
  DEFAULT_SCALE,
  FORMAT_VERSION,
  LANE_KINDS,
  JourneyMapInputSchema,
  THEME_ROLE_NAMES,
  type Theme,
  type JourneyMap,
  type Card,
  type Lane,
  type Persona,
  type PersonaInput,
  type Scale,
  type Stage,
  type TextCell,
} from './schema';

type ParsedInput = z.output<typeof JourneyMapInputSchema>;

/** zod's issue → a short, located message a designer can act on. */
function toIssue(iss: z.core.$ZodIssue): MapIssue[] {
  const path = formatPath(iss.path);
  if (iss.code === 'unrecognized_keys') {
    return iss.keys.map((key) => ({ path: formatPath([...iss.path, key]), message: 'unknown field' }));
  }
  if (
    iss.code === 'invalid_union' &&
    (iss as { discriminator?: string }).discriminator === undefined &&
    iss.path[0] === 'lanes' &&
    iss.path[2] === 'cells'
  )
    // A text cell or a card that is neither a text nor a linked text (zod reports the branch that fits otherwise).
    return [{ path, message: 'must be a text, or { "text": …, "url": … }' }];
  if (iss.code === 'invalid_union' && (iss as { discriminator?: string }).discriminator === 'kind') {
    const at = iss.path[iss.path.length - 1] === 'kind' ? iss.path : [...iss.path, 'kind'];
    const kinds = LANE_KINDS.map((k) => `"${k}"`);
    return [
      { path: formatPath(at), message: `must be ${kinds.slice(0, -1).join(', ')} or ${kinds[kinds.length - 1]}` },
    ];
  }
  return [{ path, message: iss.message }];
}

function zodIssues(error: z.core.$ZodError): MapIssue[] {
  return error.issues.flatMap(toIssue);
}

const clean = (s: string | undefined): string | undefined => (s === undefined || s.trim() === '' ? undefined : s);
const cleanList = (l: string[] | undefined): string[] | undefined => {
  const kept = (l ?? []).filter((s) => s.trim() !== '');
  return kept.length ? kept : undefined;
};

/** Drop undefined fields so that serialised maps have no `"x": undefined` noise. */
function compact<T extends object>(obj: T): T {
  const out = {} as T;
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** A theme in canonical form: colours upper-case, roles in THEME_ROLES order, nothing empty (then no theme). */
function normaliseTheme(t: Theme | undefined): Theme | undefined {
  if (!t) return undefined;
  const colors: NonNullable<Theme['colors']> = {};
  for (const role of THEME_ROLE_NAMES) {
    const c = t.colors?.[role];
    if (c !== undefined) colors[role] = c.toUpperCase();
  }
  const out = compact({
    preset: t.preset,
    font: t.font?.trim(),
    accent: t.accent?.toUpperCase(),
    variables: t.variables || undefined,
    colors: Object.keys(colors).length ? colors : undefined,
  });
  return Object.keys(out).length ? out : undefined;
}

function assignIds<T extends { id?: string }>(
  items: T[],
  label: 'stages' | 'lanes' | 'personas',
  nameOf: (item: T) => string,
  issues: MapIssue[],
): string[] {
  const taken = new Set<string>();
  const firstAt = new Map<string, number>();
  // Explicit ids first, so a generated one never takes an id written later in the file.
  items.forEach((item, i) => {
    if (item.id === undefined) return;
    if (firstAt.has(item.id)) {
      issues.push({
        path: `${label}[${i}].id`,
        message: `duplicate id "${item.id}" (also ${label}[${firstAt.get(item.id)}])`,
      });
    } else firstAt.set(item.id, i);
    taken.add(item.id);
  });
  const fallback = label === 'stages' ? 'stage' : label === 'lanes' ? 'lane' : 'persona';
  return items.map((item) => item.id ?? uniqueId(slugify(nameOf(item), fallback), taken));
}

function normalisePersona(p: PersonaInput, id: string): Persona {
  return compact({
    id,
    name: p.name.trim(),
    role: clean(p.role),
    quote: clean(p.quote),
    description: clean(p.description),
    goals: cleanList(p.goals),
    frustrations: cleanList(p.frustrations),
  });
}

/** The scale an emotion lane's scores are on: its own, its host chart's, or −2..+2. */
function scaleOf(lane: ParsedInput['lanes'][number] | undefined, host?: ParsedInput['lanes'][number]): Scale {
  const own = lane?.kind === 'emotion' ? lane.scale : undefined;
  const hosted = host?.kind === 'emotion' ? host.scale : undefined;
  return own ?? hosted ?? DEFAULT_SCALE;
}

const sameScale = (a: Scale, b: Scale) => a.min === b.min && a.max === b.max;

/**
 * References between lanes and to personas: an overlay names an emotion lane with a chart
 * of its own and does not set another scale; a persona reference names a persona.
 */
function checkReferences(doc: ParsedInput, laneIds: string[], personaIds: string[], issues: MapIssue[]): void {
  const byId = new Map(doc.lanes.map((l, i) => [laneIds[i], l]));
  doc.lanes.forEach((lane, i) => {
    if (lane.kind !== 'emotion') return;
    if (lane.overlay !== undefined) {
      const host = byId.get(lane.overlay);
      const at = formatPath(['lanes', i, 'overlay']);
      if (!host || host.kind !== 'emotion')
        issues.push({ path: at, message: `no emotion lane has id "${lane.overlay}"` });
      else if (host === lane) issues.push({ path: at, message: 'a lane cannot be drawn on its own chart' });
      else if (host.overlay !== undefined)
        issues.push({
          path: at,
          message: `"${lane.overlay}" is itself drawn on another chart; name that chart instead`,
        });
      else if (lane.scale && !sameScale(lane.scale, scaleOf(host)))
        issues.push({
          path: formatPath(['lanes', i, 'scale']),
          message: `must be the scale of the chart it is drawn on ("${lane.overlay}": ${scaleOf(host).min} to ${scaleOf(host).max})`,
        });
    }
    if (lane.persona !== undefined && !personaIds.includes(lane.persona))
      issues.push({ path: formatPath(['lanes', i, 'persona']), message: `no persona has id "${lane.persona}"` });
  });
}

function normaliseLane(
  lane: ParsedInput['lanes'][number],
  id: string,
  stageIds: string[],
  index: number,
  issues: MapIssue[],
  scale: Scale,
): Lane {
  const cells = (lane.cells ?? {}) as Record<string, unknown>;
  const known = new Set(stageIds);
  for (const key of Object.keys(cells)) {
    if (!known.has(key))
      issues.push({ path: formatPath(['lanes', index, 'cells', key]), message: `no stage has id "${key}"` });
  }
  const out: Record<string, unknown> = {};
  for (const sid of stageIds) {
    const cell = cells[sid];
    if (cell === undefined) continue;
    if (lane.kind === 'text') {
      const t = cell as TextCell;
      if (typeof t !== 'string') out[sid] = { text: t.text, url: t.url };
      else if (t.trim() !== '') out[sid] = t;
    } else if (lane.kind === 'cards') {
      const cards = (cell as Card[])
        .filter((c) => typeof c !== 'string' || c.trim() !== '')
        .map((c) => (typeof c === 'string' ? c : { text: c.text, url: c.url }));
      if (cards.length) out[sid] = cards;
    } else if (lane.kind === 'metric') {
      const m = cell as { value: number; unit?: string; target?: number; better?: 'higher' | 'lower' };
      out[sid] = compact({
        value: m.value + 0,
        unit: clean(m.unit)?.trim(),
        target: m.target === undefined ? undefined : m.target + 0,
        better: m.better,
      });
    } else if (lane.kind === 'emotion') {
      const e = cell as { score: number; note?: string };
      if (e.score < scale.min || e.score > scale.max)
        issues.push({
          path: formatPath(['lanes', index, 'cells', sid, 'score']),
          message: `score must be between ${scale.min} and ${scale.max}`,
        });
      out[sid] = compact({ score: e.score + 0, note: clean(e.note) }); // + 0: -0 is 0 (JSON has no -0)
    }
  }
  const base = { id, title: lane.title.trim(), kind: lane.kind } as Record<string, unknown>;
  if (lane.kind === 'cards' && lane.tone) base.tone = lane.tone;
  if (lane.kind === 'divider' && lane.style) base.style = lane.style;
  if (lane.kind === 'emotion') {
    if (lane.scale) base.scale = compact({ ...lane.scale, low: clean(lane.scale.low), high: clean(lane.scale.high) });
    if (lane.overlay !== undefined) base.overlay = lane.overlay;
    if (lane.persona !== undefined) base.persona = lane.persona;
    if (lane.style) base.style = lane.style;
  }
  base.cells = out;
  return base as unknown as Lane;
}

/**
 * Path of the first `"__proto__"` key, if any. JSON.parse keeps it as plain
 * data, but zod rebuilds records (cells, meta) and Object.assign copies
 * documents by assignment, where that key sets the prototype instead: the
 * value would vanish silently. Refusing it keeps "nothing is lost" true.
 */
function protoKeyPath(value: unknown, path: PropertyKey[] = []): PropertyKey[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = protoKeyPath(value[i], [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (Object.prototype.hasOwnProperty.call(value, '__proto__')) return [...path, '__proto__'];
  for (const [k, v] of Object.entries(value)) {
    const found = protoKeyPath(v, [...path, k]);
    if (found) return found;
  }
  return undefined;
}

/**
 * A version-1 document's persona is checked as `personas[0]` after migration; its mistakes
 * are reported where the document has them, at `persona`.
 */
function locateInInput(input: unknown, result: Result<JourneyMap>): Result<JourneyMap> {
  const v1 = typeof input === 'object' && input !== null && 'persona' in input && !('personas' in input);
  if (result.ok || !v1) return result;
  return {
    ok: false,
    issues: result.issues.map((i) => ({ ...i, path: i.path.replace(/^personas\[0\]/, 'persona') })),
  };
}

/** Validate and normalise anything (parsed JSON, a panel draft, stored plugin data). */
export function normaliseMap(input: unknown): Result<JourneyMap> {
  return locateInInput(input, normaliseDocument(input));
}

function normaliseDocument(input: unknown): Result<JourneyMap> {
  const proto = protoKeyPath(input);
  if (proto)
    return {
      ok: false,
      issues: [{ path: formatPath(proto), message: '"__proto__" is a reserved name; rename this key' }],
    };
  const migrated = migrate(input);
  if (!migrated.ok) return migrated;
  const parsed = JourneyMapInputSchema.safeParse(migrated.value, {
    // zod says "expected string, received undefined"; a person wants "required".
    error: (iss) => (iss.input === undefined && iss.code === 'invalid_type' ? 'required' : undefined),
  });
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const doc = parsed.data;
  const issues: MapIssue[] = [];

  const stageIds = assignIds(doc.stages, 'stages', (s) => s.name, issues);
  const laneIds = assignIds(doc.lanes, 'lanes', (l) => l.title, issues);
  const personaIds = assignIds(doc.personas ?? [], 'personas', (p) => p.name, issues);
  const stages: Stage[] = doc.stages.map((s, i) =>
    compact({
      id: stageIds[i],
      name: s.name.trim(),
      phase: clean(s.phase)?.trim(),
      description: clean(s.description),
      moment: s.moment ? true : undefined,
      momentNote: s.moment ? clean(s.momentNote) : undefined,
    }),
  );
  checkReferences(doc, laneIds, personaIds, issues);
  const byId = new Map(doc.lanes.map((l, i) => [laneIds[i], l]));
  const lanes = doc.lanes.map((l, i) =>
    normaliseLane(
      l,
      laneIds[i],
      stageIds,
      i,
      issues,
      scaleOf(l, l.kind === 'emotion' && l.overlay ? byId.get(l.overlay) : undefined),
    ),
  );
  const personas = (doc.personas ?? []).map((p, i) => normalisePersona(p, personaIds[i]));
  if (doc.meta !== undefined && JSON.stringify(doc.meta).length > LIMITS.metaChars) {
    issues.push({ path: 'meta', message: `at most ${LIMITS.metaChars} characters of JSON` });
  }
  if (issues.length) return { ok: false, issues };

  return {
    ok: true,
    value: compact({
      version: FORMAT_VERSION as typeof FORMAT_VERSION,
      title: doc.title.trim(),
      objective: clean(doc.objective),
      personas: personas.length ? personas : undefined,
      stages,
      lanes,
      theme: normaliseTheme(doc.theme),
      meta: doc.meta,
    }) as JourneyMap,
  };
}

/** Parse JSON text, then normalise; a syntax error is reported with its line and column. */
export function parseMapJson(text: string): Result<JourneyMap> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return normaliseMap(data);
}

/** Canonical JSON text of a normalised map (stable key order, two-space indent). */
export function serialiseMap(map: JourneyMap): string {
  return JSON.stringify(map, null, 2) + '\n';
}
