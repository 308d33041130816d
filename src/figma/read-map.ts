/**
 * Canvas → map. Starts from the data stored on the frame and overlays what
 * the canvas shows now, so edits made directly in Figma come back: texts typed
 * into the map, deleted cards, a dragged emotion marker (its height → score).
 * Without usable stored data it rebuilds what it can from the tags alone.
 */
import {
  FORMAT_VERSION,
  normaliseMap,
  type JourneyMap,
  type JourneyMapInput,
  type Lane,
  type MapIssue,
} from '../model';
import { scoreToY, yToScore, type EmotionArea } from '../layout/emotion';
import { EMOTION_AREA } from '../layout/map-spec';
import { columnOptions } from '../layout/grid';
import { readGeometry } from './written';
import { readMapData, type StoredMap } from './storage';
import { childrenOf, MapIndex, textOf, type Tagged } from './tree';

export type ReadResult =
  | { ok: true; map: JourneyMap; revision: number; warnings: string[] }
  | { ok: false; message: string; issues: MapIssue[] };

const stripBullet = (s: string) => s.replace(/^\s*[•·\-–]\s?/, '');
const stripQuotes = (s: string) => s.replace(/^\s*[“"]/, '').replace(/[”"]\s*$/, '');

/**
 * Deep equality of JSON data, ignoring key order and keys whose value is undefined. An input
 * equal to a normalised map normalises to that map (normalising is idempotent, and does not
 * depend on key order).
 */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => sameData(v, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/**
 * The geometry an emotion area was drawn with (stored with it), so a later change of the
 * theme's constants never changes the scores read back from maps already on the canvas.
 */
function areaGeometry(area: Tagged | undefined): EmotionArea {
  return (area && readGeometry(area.node)) ?? EMOTION_AREA;
}

function readPersona(ix: MapIndex, base: JourneyMap | undefined): JourneyMapInput['persona'] {
  const card = ix.first('persona');
  if (!card) return undefined; // no persona, or the designer deleted the card
  const name = ix.text('persona-name') ?? base?.persona?.name ?? '';
  const persona: NonNullable<JourneyMapInput['persona']> = { name: name.trim() || base?.persona?.name || 'Persona' };
  const role = ix.text('persona-role');
  const quote = ix.text('persona-quote');
  const description = ix.text('persona-description');
  if (role !== undefined) persona.role = role;
  if (quote !== undefined) persona.quote = stripQuotes(quote);
  if (description !== undefined) persona.description = description;
  const list = (role: 'persona-goal' | 'persona-frustration') => ix.role(role).map((t) => stripBullet(textOf(t) ?? ''));
  const goals = list('persona-goal');
  const frustrations = list('persona-frustration');
  if (goals.length) persona.goals = goals;
  if (frustrations.length) persona.frustrations = frustrations;
  return persona;
}

function readStages(ix: MapIndex, base: JourneyMap | undefined): NonNullable<JourneyMapInput['stages']> {
  const headers = ix.role('stage-header');
  const baseStages = new Map((base?.stages ?? []).map((s) => [s.id, s]));
  // Phase bands: a band's label applies to the stages of its run.
  const phaseOf = new Map<string, string | undefined>();
  const bandByFirst = new Map(ix.role('phase').map((b) => [b.tag.stage!, b]));
  let current: string | undefined;
  for (const h of headers) {
    const id = h.tag.stage!;
    const band = bandByFirst.get(id);
    if (band) current = textOf(childrenOf(band, 'phase-label')[0]) ?? band.tag.phase;
    else if (ix.first('spacer', { stage: id })) current = undefined;
    phaseOf.set(id, current);
  }
  const hasBands = ix.role('phase-row').length > 0;
  return headers.map((h) => {
    const id = h.tag.stage!;
    const old = baseStages.get(id);
    const name = textOf(childrenOf(h, 'stage-name')[0])?.trim() || old?.name || id;
    const stage: { id: string; name: string; phase?: string; description?: string } = { id, name };
    const phase = hasBands ? phaseOf.get(id) : old?.phase;
    if (phase) stage.phase = phase;
    const description = textOf(childrenOf(h, 'stage-description')[0]);
    if (description !== undefined) stage.description = description;
    return stage;
  });
}

function readLane(row: Tagged, base: Lane | undefined, stageIds: ReadonlySet<string>): Record<string, unknown> {
  const id = row.tag.lane!;
  const title = textOf(laneTitleOf(row))?.trim() || base?.title || id;
  const cells = childrenOf(row, 'cell');
  const area = childrenOf(row, 'emotion-area')[0];
  const kind: Lane['kind'] =
    base?.kind ?? (area ? 'emotion' : cells.some((c) => childrenOf(c, 'card').length) ? 'cards' : 'text');
  const lane: Record<string, unknown> = { id, title, kind };
  const out: Record<string, unknown> = {};
  if (kind === 'emotion') {
    const baseCells = base?.kind === 'emotion' ? (base.cells ?? {}) : {};
    const children = area ? childrenOf(area) : [];
    const geometry = areaGeometry(area);
    const notes = new Map(children.filter((c) => c.tag.role === 'emotion-note').map((c) => [c.tag.stage, c]));
    for (const m of children.filter((c) => c.tag.role === 'emotion-marker')) {
      const stage = m.tag.stage!;
      if (!stageIds.has(stage)) continue;
      const node = m.node as EllipseNode;
      const centre = node.y + node.height / 2;
      // Where the stored score puts the marker: there, the stored score stands (it need not be on the
      // quarter grid); anywhere else the designer dragged it, and its height is the score.
      const drawn = baseCells[stage] ? scoreToY(baseCells[stage].score, geometry) : undefined;
      const moved = drawn === undefined || Math.abs(centre - drawn) > 0.5;
      const score = moved ? yToScore(centre, geometry) : baseCells[stage].score;
      const cell: { score: number; note?: string } = { score };
      const box = notes.get(stage);
      const pill = box && childrenOf(box, 'emotion-note-pill')[0];
      const note = textOf(pill && childrenOf(pill, 'emotion-note-text')[0]);
      if (note !== undefined) cell.note = note;
      out[stage] = cell;
    }
  } else {
    for (const c of cells) {
      const stage = c.tag.stage!;
      if (!stageIds.has(stage)) continue;
      if (kind === 'text') {
        const t = textOf(childrenOf(c, 'cell-text')[0]);
        if (t !== undefined) out[stage] = t;
      } else {
        const cards = childrenOf(c, 'card').map((card) => textOf(childrenOf(card, 'card-text')[0]) ?? '');
        if (cards.length) out[stage] = cards;
      }
    }
  }
  // Tone is not visible as data on the canvas: it comes from the stored map (absent stays absent).
  if (kind === 'cards' && base?.kind === 'cards' && base.tone) lane.tone = base.tone;
  lane.cells = out;
  return lane;
}

function laneTitleOf(row: Tagged): Tagged | undefined {
  const label = childrenOf(row, 'lane-label')[0];
  return label ? childrenOf(label, 'lane-title')[0] : undefined;
}

/**
 * Read a map frame. Never throws for a broken canvas: failures come back as `ok: false`.
 * An update passes the index and stored data it already read (and the stored map, validated),
 * so the canvas is walked once and the stored map parsed once.
 */
export function readMap(
  frame: FrameNode,
  ix: MapIndex = new MapIndex(frame),
  stored: StoredMap | undefined = readMapData(frame),
  storedMap?: ReturnType<typeof normaliseMap>,
): ReadResult {
  const warnings: string[] = [];
  let base: JourneyMap | undefined;
  if (stored) {
    if (stored.format > FORMAT_VERSION) {
      warnings.push(
        `The stored data is format version ${stored.format}; this plugin reads up to version ${FORMAT_VERSION}. Read from the canvas only.`,
      );
    } else {
      const parsed = storedMap ?? normaliseMap(stored.data);
      if (parsed.ok) base = parsed.value;
      else warnings.push('The data stored on this map is damaged; it was rebuilt from the canvas.');
    }
  } else {
    warnings.push('No data is stored on this map; it was rebuilt from the canvas.');
  }

  if (!ix.role('stage-header').length) {
    if (base)
      return {
        ok: true,
        map: base,
        revision: stored?.revision ?? 0,
        warnings: [...warnings, 'The stage row is gone from the canvas; the stored map was used.'],
      };
    return {
      ok: false,
      message: 'This map has no stages left on the canvas and no stored data to rebuild it from.',
      issues: [],
    };
  }
  const stages = readStages(ix, base);
  const stageIds = new Set(stages.map((s) => s.id as string));
  const baseLanes = new Map((base?.lanes ?? []).map((l) => [l.id, l]));
  const lanes = ix.role('lane').map((row) => readLane(row, baseLanes.get(row.tag.lane!), stageIds));

  const input: Record<string, unknown> = {
    version: FORMAT_VERSION,
    title: ix.text('title')?.trim() || base?.title || frame.name,
    stages,
    lanes,
  };
  const persona = readPersona(ix, base);
  if (persona) input.persona = persona;
  if (base?.meta) input.meta = base.meta;

  // The canvas says exactly what is stored (the usual case before an update): the stored map,
  // already valid and normalised, is the answer, without validating it all again.
  const result = base && sameData(input, base) ? ({ ok: true, value: base } as const) : normaliseMap(input);
  if (!result.ok)
    return {
      ok: false,
      message: 'The map on the canvas has content the format does not allow.',
      issues: result.issues,
    };
  return { ok: true, map: result.value, revision: stored?.revision ?? 0, warnings };
}

/**
 * The stage column widths on the canvas now (a designer may have resized some), by stage id,
 * and the width a new stage gets (grid.ts columnOptions).
 */
export function canvasColumnWidths(ix: MapIndex): { columnWidth?: number; columnWidths: Record<string, number> } {
  const widths: Record<string, number> = {};
  for (const h of ix.role('stage-header')) if (h.tag.stage) widths[h.tag.stage] = h.node.width;
  return columnOptions(widths);
}
