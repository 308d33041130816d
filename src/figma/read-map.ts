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
  type EmotionLane,
  type MetricCell,
  type MetricLane,
  type Scale,
  type TextCell,
  DEFAULT_SCALE,
  allowedUrl,
  formatMetric,
  formatNumber,
  parseMetric,
} from '../model';
import { TARGET_WORD } from '../layout/parts/cells';
import { scoreToY, yToScore, type EmotionArea, type ScaleRange } from '../layout/emotion';
import { EMOTION_AREA } from '../layout/map-spec';
import { columnOptions } from '../layout/grid';
import { readGeometry } from './written';
import { readMapData, type StoredMap } from './storage';
import { childrenOf, firstOf, MapIndex, textOf, type Tagged } from './tree';

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

/** Every managed node of one role under an indexed node, in layer order (looking through frames of other roles). */
function within(entry: Tagged, role: string): Tagged[] {
  const out: Tagged[] = [];
  const walk = (e: Tagged) => {
    for (const c of e.children) {
      if (c.tag.role === role) out.push(c);
      else walk(c);
    }
  };
  walk(entry);
  return out;
}

/** Every text of one role under an indexed node, in layer order (the walk looks through frames). */
function textsIn(entry: Tagged, role: string): string[] {
  const out: string[] = [];
  const walk = (e: Tagged) => {
    for (const c of e.children) {
      if (c.tag.role === role) out.push(textOf(c) ?? '');
      else walk(c);
    }
  };
  walk(entry);
  return out;
}

/** The persona cards, each read within its own card (their keys carry the persona ids). */
function readPersonas(ix: MapIndex, base: JourneyMap | undefined): Array<Record<string, unknown>> {
  const baseById = new Map((base?.personas ?? []).map((p) => [p.id, p]));
  return ix.role('persona').map((card) => {
    const id = card.tag.key.startsWith('persona:') ? card.tag.key.slice('persona:'.length) : undefined;
    const old = id ? baseById.get(id) : undefined;
    const one = (role: string) => textsIn(card, role)[0] as string | undefined;
    const name = one('persona-name')?.trim() || old?.name || 'Persona';
    const persona: Record<string, unknown> = { name };
    if (id) persona.id = id;
    const role = one('persona-role');
    const quote = one('persona-quote');
    const description = one('persona-description');
    if (role !== undefined) persona.role = role;
    if (quote !== undefined) persona.quote = stripQuotes(quote);
    if (description !== undefined) persona.description = description;
    const goals = textsIn(card, 'persona-goal').map(stripBullet);
    const frustrations = textsIn(card, 'persona-frustration').map(stripBullet);
    if (goals.length) persona.goals = goals;
    if (frustrations.length) persona.frustrations = frustrations;
    return persona;
  });
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
    if (band) current = textOf(firstOf(band, 'phase-label')) ?? band.tag.phase;
    else if (ix.first('spacer', { stage: id })) current = undefined;
    phaseOf.set(id, current);
  }
  const hasBands = ix.role('phase-row').length > 0;
  return headers.map((h) => {
    const id = h.tag.stage!;
    const old = baseStages.get(id);
    const name = textOf(firstOf(h, 'stage-name'))?.trim() || old?.name || id;
    const stage: {
      id: string;
      name: string;
      phase?: string;
      description?: string;
      moment?: boolean;
      momentNote?: string;
    } = {
      id,
      name,
    };
    const phase = hasBands ? phaseOf.get(id) : old?.phase;
    if (phase) stage.phase = phase;
    const description = textOf(firstOf(h, 'stage-description'));
    if (description !== undefined) stage.description = description;
    // Whether a stage is a moment of truth is a mark, not a text: it comes from the stored map (or,
    // without one, from the header's label). Its note may have been edited on the canvas.
    if (old?.moment || childrenOf(h, 'moment-label').length) stage.moment = true;
    const note = momentNote(h, ix, old?.momentNote);
    if (stage.moment && note) stage.momentNote = note;
    return stage;
  });
}

/**
 * A moment's note: shown in its stage header (when it fits there) and in the legend; the one
 * edited on the canvas (the header's first) wins over the stored note.
 */
function momentNote(header: Tagged, ix: MapIndex, stored: string | undefined): string | undefined {
  const stage = header.tag.stage!;
  const shown = [textOf(firstOf(header, 'moment-note')), ix.text('moment-legend-note', { stage })];
  return shown.find((t) => t !== undefined && t !== (stored ?? '')) ?? stored;
}

/** What a chart's label says of one end of its scale: "5 · delighted" → 5 and "delighted". */
function axisEnd(text: string | undefined): { n?: number; word?: string } {
  if (text === undefined) return {};
  const cut = text.indexOf('·');
  const n = Number((cut < 0 ? text : text.slice(0, cut)).trim());
  const word = cut < 0 ? undefined : text.slice(cut + 1).trim() || undefined;
  return { n: Number.isInteger(n) ? n : undefined, word };
}

/** The scale a chart shows: the stored one, with the words (and whole-number ends) edited on the canvas. */
function readScale(row: Tagged, base: EmotionLane | undefined): Scale | undefined {
  const label = firstOf(row, 'lane-label');
  const axis = label ? within(label, 'emotion-axis') : [];
  if (!axis.length) return base?.scale;
  const top = axisEnd(textOf(axis.find((a) => a.tag.index === 0)));
  const bottom = axisEnd(textOf(axis.find((a) => a.tag.index === 1)));
  const scale: Scale = {
    min: bottom.n ?? base?.scale?.min ?? DEFAULT_SCALE.min,
    max: top.n ?? base?.scale?.max ?? DEFAULT_SCALE.max,
  };
  if (bottom.word) scale.low = bottom.word;
  if (top.word) scale.high = top.word;
  return scale;
}

/** The cells of one curve on a chart: its markers (dragged ones read by height) and notes. */
function readCurve(
  area: Tagged | undefined,
  laneId: string,
  base: EmotionLane | undefined,
  stageIds: ReadonlySet<string>,
  scale: ScaleRange,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!area) return out;
  const baseCells = base?.cells ?? {};
  const children = area.children.filter((c) => c.tag.lane === laneId);
  const geometry = areaGeometry(area);
  const notes = new Map(children.filter((c) => c.tag.role === 'emotion-note').map((c) => [c.tag.stage, c]));
  for (const m of children.filter((c) => c.tag.role === 'emotion-marker')) {
    const stage = m.tag.stage!;
    if (!stageIds.has(stage)) continue;
    const node = m.node as EllipseNode;
    const centre = node.y + node.height / 2;
    // Where the stored score puts the marker: there, the stored score stands (it need not be on the
    // quarter grid); anywhere else the designer dragged it, and its height is the score.
    const drawn = baseCells[stage] ? scoreToY(baseCells[stage].score, geometry, scale) : undefined;
    const moved = drawn === undefined || Math.abs(centre - drawn) > 0.5;
    const score = moved ? yToScore(centre, geometry, scale) : baseCells[stage].score;
    const cell: { score: number; note?: string } = { score };
    const box = notes.get(stage);
    const pill = box && firstOf(box, 'emotion-note-pill');
    const note = textOf(pill && firstOf(pill, 'emotion-note-text'));
    if (note !== undefined) cell.note = note;
    out[stage] = cell;
  }
  return out;
}

/** The emotion-lane fields that are data, not drawing: kept from the stored lane (absent stays absent). */
function emotionFields(lane: Record<string, unknown>, base: EmotionLane | undefined): void {
  if (base?.overlay !== undefined) lane.overlay = base.overlay;
  if (base?.persona !== undefined) lane.persona = base.persona;
  if (base?.style !== undefined) lane.style = base.style;
}

/**
 * A lane row, and for an emotion chart also the lanes drawn on it (their titles from the
 * legend, where there is one).
 */
/**
 * A text cell's or card's words, with its evidence link when the whole text links to a web or
 * mail address (a link a designer added on the canvas too). A link on part of the text, or to a
 * layer of the file, is not evidence the format holds; a `javascript:` or other address is left
 * out, said.
 */
function linkedText(entry: Tagged | undefined, warnings: string[]): TextCell | undefined {
  const words = textOf(entry);
  if (words === undefined) return undefined;
  const link = (entry!.node as TextNode).hyperlink;
  if (!link || typeof link !== 'object' || link.type !== 'URL') return words;
  if (!allowedUrl(link.value)) {
    warnings.push(`The link on "${words.slice(0, 40)}" was left out: only https:, http: and mailto: links are kept.`);
    return words;
  }
  return words.trim() === '' ? words : { text: words, url: link.value };
}

/** A lane's kind from what its row holds, for a map with no stored data to say it. */
function inferKind(row: Tagged, cells: Tagged[], area: Tagged | undefined): Lane['kind'] {
  if (area) return 'emotion';
  if (childrenOf(row, 'divider-line').length) return 'divider';
  if (cells.some((c) => childrenOf(c, 'metric-value').length)) return 'metric';
  return cells.some((c) => childrenOf(c, 'card').length) ? 'cards' : 'text';
}

/**
 * A metric lane's cells: the value and unit as typed on the canvas ("18 %", "3,5 min"), the
 * target from "Target 15% · met". What is not visible on the canvas (which way is better)
 * comes from the stored cell. A value that is no longer a number keeps the stored one, said.
 */
function readMetrics(
  cells: Tagged[],
  stageIds: ReadonlySet<string>,
  base: MetricLane | undefined,
  warnings: string[],
): Record<string, MetricCell> {
  const out: Record<string, MetricCell> = {};
  for (const c of cells) {
    const stage = c.tag.stage!;
    if (!stageIds.has(stage)) continue;
    const was = base?.cells[stage];
    const valueText = textOf(firstOf(c, 'metric-value'));
    if (valueText === undefined) continue;
    const read = parseMetric(valueText);
    if (!read) {
      warnings.push(
        was
          ? `"${valueText}" in ${base!.title} is not a number; kept ${formatMetric(was)}.`
          : `"${valueText}" in a metric lane is not a number; left out.`,
      );
      if (was) out[stage] = was;
      continue;
    }
    // Text as drawn: the stored value, exactly (the words round 0.1234567 to 0.123457).
    const same = was !== undefined && valueText === formatMetric(was);
    const cell: MetricCell = { value: same ? was.value : read.value };
    const unit = same ? was.unit : read.unit;
    if (unit !== undefined) cell.unit = unit;
    const targetText = textOf(firstOf(c, 'metric-target'));
    const target = targetText === undefined ? undefined : parseMetric(targetText.replace(TARGET_PREFIX, ''));
    if (target)
      cell.target =
        was?.target !== undefined && target.value === parseMetric(formatNumber(was.target))?.value
          ? was.target
          : target.value;
    if (was?.better !== undefined) cell.better = was.better;
    out[stage] = cell;
  }
  return out;
}

/** "Target " before a metric's target (cells.ts TARGET_WORD), as a designer may leave it or not. */
const TARGET_PREFIX = new RegExp(`^\\s*${TARGET_WORD}\\s*:?\\s*`, 'i');

function readLane(
  row: Tagged,
  base: Lane | undefined,
  stageIds: ReadonlySet<string>,
  baseLanes: ReadonlyMap<string, Lane>,
  warnings: string[],
): Array<Record<string, unknown>> {
  const id = row.tag.lane!;
  const title = textOf(laneTitleOf(row))?.trim() || base?.title || id;
  const cells = childrenOf(row, 'cell');
  const area = firstOf(row, 'emotion-area');
  const kind: Lane['kind'] = base?.kind ?? inferKind(row, cells, area);
  const lane: Record<string, unknown> = { id, title, kind };
  if (kind === 'divider') {
    // The line's style is not data a designer edits on the canvas: it comes from the stored map.
    if (base?.kind === 'divider' && base.style) lane.style = base.style;
    lane.cells = {};
    return [lane];
  }
  if (kind === 'metric') {
    lane.cells = readMetrics(cells, stageIds, base?.kind === 'metric' ? base : undefined, warnings);
    return [lane];
  }
  if (kind === 'emotion') {
    const host = base?.kind === 'emotion' ? base : undefined;
    const scale = readScale(row, host);
    if (scale) lane.scale = scale;
    emotionFields(lane, host);
    lane.cells = readCurve(area, id, host, stageIds, scale ?? DEFAULT_SCALE);
    // The other curves on this chart: every lane with markers or a legend line here.
    const label = firstOf(row, 'lane-label');
    const legend = new Map(
      (label ? within(label, 'emotion-legend') : []).map((l) => [
        l.tag.lane,
        textOf(firstOf(l, 'emotion-legend-text')),
      ]),
    );
    const others: string[] = [];
    for (const c of area?.children ?? [])
      if (c.tag.lane && c.tag.lane !== id && !others.includes(c.tag.lane)) others.push(c.tag.lane);
    for (const l of legend.keys()) if (l && l !== id && !others.includes(l)) others.push(l);
    const out = [lane];
    for (const oid of others) {
      const ob = baseLanes.get(oid);
      const obase = ob?.kind === 'emotion' ? ob : undefined;
      const words = legend.get(oid);
      // The legend says "Title · Persona": the title is what comes before the persona's name.
      const legendTitle = words?.split(' · ')[0]?.trim();
      const overlay: Record<string, unknown> = { id: oid, title: legendTitle || obase?.title || oid, kind: 'emotion' };
      if (obase?.scale) overlay.scale = obase.scale;
      emotionFields(overlay, obase);
      overlay.overlay = id;
      overlay.cells = readCurve(area, oid, obase, stageIds, scale ?? DEFAULT_SCALE);
      out.push(overlay);
    }
    // The host's legend line names the host's title too; the row's own title text wins.
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const c of cells) {
    const stage = c.tag.stage!;
    if (!stageIds.has(stage)) continue;
    if (kind === 'text') {
      const t = linkedText(firstOf(c, 'cell-text'), warnings);
      if (t !== undefined) out[stage] = t;
    } else {
      const cards = childrenOf(c, 'card').map((card) => linkedText(firstOf(card, 'card-text'), warnings) ?? '');
      if (cards.length) out[stage] = cards;
    }
  }
  // Tone is not visible as data on the canvas: it comes from the stored map (absent stays absent).
  if (kind === 'cards' && base?.kind === 'cards' && base.tone) lane.tone = base.tone;
  lane.cells = out;
  return [lane];
}

/**
 * Lanes in the canvas's row order, each chart's overlaid lanes placed where the stored map
 * had them (right after the lane that came before them there), so a map read back
 * unchanged is the map stored.
 */
function orderLanes(
  read: Array<Record<string, unknown>>,
  base: JourneyMap | undefined,
): Array<Record<string, unknown>> {
  const overlaid = new Set(read.filter((l) => l.overlay !== undefined).map((l) => l));
  const rows = read.filter((l) => !overlaid.has(l));
  const baseOrder = (base?.lanes ?? []).map((l) => l.id);
  const out = [...rows];
  for (const o of read.filter((l) => overlaid.has(l))) {
    const at = baseOrder.indexOf(o.id as string);
    // After the nearest lane before it in the stored order that is already placed.
    let pos = 0;
    for (let i = at - 1; i >= 0 && at >= 0; i--) {
      const k = out.findIndex((l) => l.id === baseOrder[i]);
      if (k >= 0) {
        pos = k + 1;
        break;
      }
    }
    if (at < 0) pos = out.length;
    out.splice(pos, 0, o);
  }
  return out;
}

function laneTitleOf(row: Tagged): Tagged | undefined {
  const label = firstOf(row, 'lane-label');
  return label ? within(label, 'lane-title')[0] : undefined;
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
  const lanes = orderLanes(
    ix.role('lane').flatMap((row) => readLane(row, baseLanes.get(row.tag.lane!), stageIds, baseLanes, warnings)),
    base,
  );

  const input: Record<string, unknown> = {
    version: FORMAT_VERSION,
    title: ix.text('title')?.trim() || base?.title || frame.name,
  };
  const objective = ix.text('objective');
  if (objective !== undefined) input.objective = objective;
  const personas = readPersonas(ix, base);
  if (personas.length) input.personas = personas;
  input.stages = stages;
  input.lanes = lanes;
  // The theme is not read from the canvas's colours: it is the stored map's.
  if (base?.theme) input.theme = base.theme;
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
