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
import { yToScore, type EmotionArea } from '../layout/emotion';
import { EMOTION_AREA } from '../layout/map-spec';
import { SPACE } from '../layout/theme';
import { readWritten } from './written';
import { readMapData } from './storage';
import { MapIndex, type Tagged } from './tree';

export type ReadResult =
  | { ok: true; map: JourneyMap; revision: number; warnings: string[] }
  | { ok: false; message: string; issues: MapIssue[] };

const textOf = (t: Tagged | undefined): string | undefined =>
  t && t.node.type === 'TEXT' ? t.node.characters : undefined;
const stripBullet = (s: string) => s.replace(/^\s*[•·\-–]\s?/, '');
const stripQuotes = (s: string) => s.replace(/^\s*[“"]/, '').replace(/[”"]\s*$/, '');

/** The y the plugin last wrote on a node (from its `spec` record), to tell "dragged" from "as drawn". */
function writtenY(node: SceneNode): number | undefined {
  const y = readWritten(node)?.props.y;
  return typeof y === 'number' ? y : undefined;
}

/**
 * The geometry an emotion area was drawn with (stored with it), so a later change of the
 * theme's constants never changes the scores read back from maps already on the canvas.
 */
function areaGeometry(area: SceneNode | undefined): EmotionArea {
  const g = area && readWritten(area)?.meta?.emotionArea;
  const ok = g && [g.height, g.padTop, g.padBottom].every((n) => typeof n === 'number' && Number.isFinite(n));
  return ok && g.height - g.padTop - g.padBottom > 0 ? g : EMOTION_AREA;
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
    if (band) current = textOf(MapIndex.children(band.node, 'phase-label')[0]) ?? band.tag.phase;
    else if (ix.first('spacer', { stage: id })) current = undefined;
    phaseOf.set(id, current);
  }
  const hasBands = ix.role('phase-row').length > 0;
  return headers.map((h) => {
    const id = h.tag.stage!;
    const old = baseStages.get(id);
    const name = textOf(MapIndex.children(h.node, 'stage-name')[0])?.trim() || old?.name || id;
    const stage: { id: string; name: string; phase?: string; description?: string } = { id, name };
    const phase = hasBands ? phaseOf.get(id) : old?.phase;
    if (phase) stage.phase = phase;
    const description = textOf(MapIndex.children(h.node, 'stage-description')[0]);
    if (description !== undefined) stage.description = description;
    return stage;
  });
}

function readLane(row: Tagged, base: Lane | undefined, stageIds: string[]): Record<string, unknown> {
  const id = row.tag.lane!;
  const title = textOf(laneTitleOf(row))?.trim() || base?.title || id;
  const cells = MapIndex.children(row.node, 'cell');
  const area = MapIndex.children(row.node, 'emotion-area')[0];
  const kind: Lane['kind'] =
    base?.kind ?? (area ? 'emotion' : cells.some((c) => MapIndex.children(c.node, 'card').length) ? 'cards' : 'text');
  const lane: Record<string, unknown> = { id, title, kind };
  const out: Record<string, unknown> = {};
  if (kind === 'emotion') {
    const baseCells = base?.kind === 'emotion' ? (base.cells ?? {}) : {};
    const children = area ? MapIndex.children(area.node) : [];
    const geometry = areaGeometry(area?.node);
    for (const m of children.filter((c) => c.tag.role === 'emotion-marker')) {
      const stage = m.tag.stage!;
      if (!stageIds.includes(stage)) continue;
      const node = m.node as EllipseNode;
      const moved = writtenY(node) === undefined || Math.abs(node.y - writtenY(node)!) > 0.5;
      const score = !moved && baseCells[stage] ? baseCells[stage].score : yToScore(node.y + node.height / 2, geometry);
      const cell: { score: number; note?: string } = { score };
      const box = children.find((c) => c.tag.role === 'emotion-note' && c.tag.stage === stage);
      const pill = box && MapIndex.children(box.node, 'emotion-note-pill')[0];
      const note = textOf(pill && MapIndex.children(pill.node, 'emotion-note-text')[0]);
      if (note !== undefined) cell.note = note;
      out[stage] = cell;
    }
  } else {
    for (const c of cells) {
      const stage = c.tag.stage!;
      if (!stageIds.includes(stage)) continue;
      if (kind === 'text') {
        const t = textOf(MapIndex.children(c.node, 'cell-text')[0]);
        if (t !== undefined) out[stage] = t;
      } else {
        const cards = MapIndex.children(c.node, 'card').map(
          (card) => textOf(MapIndex.children(card.node, 'card-text')[0]) ?? '',
        );
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
  const label = MapIndex.children(row.node, 'lane-label')[0];
  return label ? MapIndex.children(label.node, 'lane-title')[0] : undefined;
}

/** Read a map frame. Never throws for a broken canvas: failures come back as `ok: false`. */
export function readMap(frame: FrameNode): ReadResult {
  const warnings: string[] = [];
  const stored = readMapData(frame);
  let base: JourneyMap | undefined;
  if (stored) {
    if (stored.format > FORMAT_VERSION) {
      warnings.push(
        `The stored data is format version ${stored.format}; this plugin reads up to version ${FORMAT_VERSION}. Read from the canvas only.`,
      );
    } else {
      const parsed = normaliseMap(stored.data);
      if (parsed.ok) base = parsed.value;
      else warnings.push('The data stored on this map is damaged; it was rebuilt from the canvas.');
    }
  } else {
    warnings.push('No data is stored on this map; it was rebuilt from the canvas.');
  }

  const ix = new MapIndex(frame);
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
  const stageIds = stages.map((s) => s.id as string);
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

  const result = normaliseMap(input);
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
 * and the commonest of them: the width a new stage gets, so that after the designer widened
 * every column a new one matches them.
 */
export function canvasColumnWidths(frame: FrameNode): { columnWidth?: number; columnWidths: Record<string, number> } {
  const columnWidths: Record<string, number> = {};
  const counts = new Map<number, number>();
  for (const h of new MapIndex(frame).role('stage-header')) {
    const w = h.node.width;
    if (!h.tag.stage || !Number.isFinite(w) || w < SPACE.minColumnWidth) continue;
    columnWidths[h.tag.stage] = w;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  // The width most columns have; on a tie the default width, if it is one of them, else the narrower.
  const most = Math.max(0, ...counts.values());
  const tied = [...counts].filter(([, n]) => n === most).map(([w]) => w);
  const columnWidth = tied.includes(SPACE.defaultColumnWidth)
    ? SPACE.defaultColumnWidth
    : tied.sort((a, b) => a - b)[0];
  return { columnWidth, columnWidths };
}
