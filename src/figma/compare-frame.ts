/**
 * A comparison drawn on the canvas: a separate frame beside the map showing the newer map with
 * what changed since the older one marked. A banner names the two sides and says what changed in
 * words (and what was removed, which the newer map cannot show); new stages and lanes, renamed
 * and moved ones carry a label; changed cells are highlighted with what they held before; each
 * curve's older line is drawn faint behind the newer one.
 *
 * The map itself is never written: the comparison is its own frame (role `comparison`, never
 * `map`, so the plugin never takes it for a map), drawn by the same reconciler, and replaced
 * when a comparison of the same map is drawn again.
 */
import { LIMITS, formatMetric, type EmotionLane, type JourneyMap, type Link, type MetricCell } from '../model';
import type { MapDiff } from '../model/diff';
import { DEFAULT_RANGE, curveRuns, emotionPoints, smoothPath, type ScaleRange } from '../layout/emotion';
import { gridGeometry } from '../layout/grid';
import { buildMapSpec, EMOTION_AREA } from '../layout/map-spec';
import { type Fonts, frame, text, vector } from '../layout/nodes';
import { chartLanes } from '../layout/parts/emotion-lane';
import type { NodeSpec, Tag } from '../layout/spec';
import { paletteFor } from '../layout/palette';
import { SPACE, TYPE, solid, type Palette } from '../layout/theme';
import { loadMapFonts } from './fonts';
import { countNodes, UserFacingError } from './map-ops';
import { getData, setData } from './node-data';
import { reconcileNode, type ReconcileContext } from './reconcile';
import { readMapData, type RenderOptions } from './storage';
import { roleOf } from './tags';
import { pageOf } from './tree';

/**
 * The look of a comparison: blue for "changed" (amber already marks moments of truth), green for
 * "new", each on the light lanes and on the dark stage row. A map drawn in its theme's dark
 * colours keeps its own cell fills (these light tints would sit under light text): its changes
 * are marked by the borders, and its labels take the colours made for dark.
 */
export const COMPARE = {
  changedFill: '#EFF8FF',
  changedBorder: '#2E90FA',
  newFill: '#ECFDF3',
  newBorder: '#17B26A',
  /** Labels on the dark stage row. */
  changedOnDark: '#84CAFF',
  newOnDark: '#75E0A7',
  changedText: '#175CD3',
  newText: '#067647',
  bannerFill: '#F9FAFB',
  /** The older curve, behind the newer one. */
  olderOpacity: 0.3,
  olderMarker: 10,
  /** The ring around a moved score's marker. */
  movedRing: 4,
  /** Gap between the map and its comparison, in canvas units. */
  gap: 160,
  /** Longest "before" text shown in a cell. */
  beforeChars: 160,
} as const;

/** The two sides of a comparison, as the banner names them. */
export interface Sides {
  older: string;
  newer: string;
}

/** A plain copy of a spec tree (specs are shared between renders and never changed in place). */
const copy = (spec: NodeSpec): NodeSpec => JSON.parse(JSON.stringify(spec)) as NodeSpec;

function walk(spec: NodeSpec, visit: (n: NodeSpec) => void): void {
  visit(spec);
  for (const c of spec.children ?? []) walk(c, visit);
}

function find(spec: NodeSpec, role: Tag['role'], where: Partial<Tag> = {}): NodeSpec | undefined {
  let hit: NodeSpec | undefined;
  walk(spec, (n) => {
    if (!hit && n.tag.role === role && (Object.keys(where) as Array<keyof Tag>).every((k) => n.tag[k] === where[k]))
      hit = n;
  });
  return hit;
}

const clip = (s: string, n: number) => {
  const chars = Array.from(s);
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : s;
};

function mark(spec: NodeSpec, fill: string | undefined, border: string, dark = false): void {
  if (fill && !dark) spec.props.fills = solid(fill);
  spec.props.strokes = solid(border);
  spec.props.strokeWeight = 2;
  spec.props.strokeAlign = 'OUTSIDE';
  spec.props.cornerRadius ??= SPACE.radiusCard;
}

function label(key: string, tag: Tag, characters: string, color: string, fonts: Fonts): NodeSpec {
  return text({
    key,
    name: 'Comparison label',
    tag,
    characters,
    style: { font: 'semibold', size: 11, line: 14 },
    fonts,
    color,
    width: 'FILL',
    upper: true,
    letterSpacing: 4,
  });
}

/** The scale an emotion lane's scores are on in its map. */
function scaleIn(lane: EmotionLane, map: JourneyMap): ScaleRange {
  const host = lane.overlay ? map.lanes.find((l) => l.id === lane.overlay) : lane;
  return (host?.kind === 'emotion' ? host.scale : undefined) ?? DEFAULT_RANGE;
}

/** Words for one side's cell value, for "Before: …". */
function valueWords(v: unknown): string {
  if (v === undefined) return '(empty)';
  const words = (x: unknown) => (typeof x === 'object' && x !== null && 'text' in x ? (x as Link).text : String(x));
  if (Array.isArray(v)) return v.length ? v.map(words).join(' · ') : '(empty)';
  if (typeof v === 'object' && v !== null && 'text' in v) return words(v);
  if (typeof v === 'object' && v !== null && 'value' in v) return formatMetric(v as MetricCell);
  return String(v);
}

/**
 * The comparison's spec: the newer map as drawn, marked. `render` is what the map was drawn with
 * (column widths), so columns line up with the map beside it.
 */
export function comparisonSpec(
  older: JourneyMap,
  newer: JourneyMap,
  diff: MapDiff,
  sides: Sides,
  fonts: Fonts,
  render: RenderOptions = {},
): NodeSpec {
  // The map's own colours, light or dark as it was drawn (storage.ts RenderOptions.scheme).
  const dark = render.scheme === 'dark';
  const pal: Palette = paletteFor(newer.theme, render.scheme);
  // The key's swatches are light in both schemes: their words and edges take the light colours.
  const light = dark ? paletteFor(newer.theme) : pal;
  const spec = copy(
    buildMapSpec(newer, { fonts, palette: pal, columnWidth: render.columnWidth, columnWidths: render.columnWidths }),
  );
  const changedText = dark ? COMPARE.changedOnDark : COMPARE.changedText;
  const newText = dark ? COMPARE.newOnDark : COMPARE.newText;
  // Stages and lanes: new, renamed, moved.
  const headerNotes = new Map<string, string[]>();
  const note = (id: string, words: string) => headerNotes.set(id, [...(headerNotes.get(id) ?? []), words]);
  for (const s of diff.stages.added) note(`s:${s.id}`, 'New stage');
  for (const s of diff.stages.renamed) note(`s:${s.id}`, `Renamed · was “${clip(s.before, 40)}”`);
  for (const s of diff.stages.moved) note(`s:${s.id}`, `Moved from ${s.from + 1} to ${s.to + 1}`);
  for (const s of diff.stages.changed)
    note(`s:${s.id}`, s.field === 'moment' ? 'Moment changed' : `${s.field} changed`);
  for (const l of diff.lanes.added) note(`l:${l.id}`, 'New lane');
  for (const l of diff.lanes.renamed) note(`l:${l.id}`, `Renamed · was “${clip(l.before, 40)}”`);
  for (const l of diff.lanes.moved) note(`l:${l.id}`, 'Moved');
  for (const l of diff.lanes.changed) note(`l:${l.id}`, `${l.field} changed`);
  const addedStages = new Set(diff.stages.added.map((s) => s.id));
  const addedLanes = new Set(diff.lanes.added.map((l) => l.id));
  for (const st of newer.stages) {
    const words = headerNotes.get(`s:${st.id}`);
    const header = find(spec, 'stage-header', { stage: st.id });
    if (!words || !header) continue;
    const isNew = addedStages.has(st.id);
    header.children!.unshift(
      label(
        'compare',
        { role: 'comparison', stage: st.id },
        words.join(' · '),
        isNew ? COMPARE.newOnDark : COMPARE.changedOnDark,
        fonts,
      ),
    );
  }
  for (const lane of newer.lanes) {
    const words = headerNotes.get(`l:${lane.id}`);
    const row = find(spec, 'lane', { lane: lane.id });
    if (!words || !row) continue;
    const isNew = addedLanes.has(lane.id);
    if (isNew) mark(row, COMPARE.newFill, COMPARE.newBorder, dark);
    const column = row.children![0];
    // An emotion chart's label column may hold its title and legend in a frame of their own.
    const top = column.children?.find((c) => c.key === 'top') ?? column;
    top.children!.push(
      label('compare', { role: 'comparison', lane: lane.id }, words.join(' · '), isNew ? newText : changedText, fonts),
    );
  }
  // Cells: highlighted, with what they held before.
  for (const c of diff.cells) {
    if (c.kind === 'note') {
      const pill = find(spec, 'emotion-note-pill', { lane: c.lane, stage: c.stage });
      if (pill && c.before === undefined) mark(pill, COMPARE.newFill, COMPARE.newBorder, dark);
      else if (pill) mark(pill, COMPARE.changedFill, COMPARE.changedBorder, dark);
      continue;
    }
    const cell = find(spec, 'cell', { lane: c.lane, stage: c.stage });
    if (!cell) continue;
    const isNew = c.before === undefined || addedStages.has(c.stage);
    mark(cell, isNew ? COMPARE.newFill : COMPARE.changedFill, isNew ? COMPARE.newBorder : COMPARE.changedBorder, dark);
    cell.props.paddingTop = cell.props.paddingBottom = cell.props.paddingLeft = cell.props.paddingRight = 8;
    if (!isNew)
      cell.children!.push(
        text({
          key: 'before',
          name: 'Before',
          tag: { role: 'comparison', lane: c.lane, stage: c.stage },
          characters: `Before: ${clip(valueWords(c.before), COMPARE.beforeChars)}`,
          style: TYPE.note,
          fonts,
          color: changedText,
          width: 'FILL',
        }),
      );
  }
  // Curves: the older one faint behind the newer one, where its scores differ.
  const g = gridGeometry(
    newer.stages.map((s) => s.id),
    render.columnWidth,
    render.columnWidths,
  );
  const moved = new Set(diff.scores.map((s) => s.lane));
  for (const host of newer.lanes) {
    if (host.kind !== 'emotion' || host.overlay) continue;
    const area = find(spec, 'emotion-area', { lane: host.id });
    if (!area) continue;
    const faint: NodeSpec[] = [];
    chartLanes(host, newer).forEach((lane, k) => {
      const was = older.lanes.find((l) => l.id === lane.id);
      if (!moved.has(lane.id) || was?.kind !== 'emotion') return;
      // The curve's own colour in this theme, as emotion-lane.ts draws it.
      const color = k === 0 ? pal.colors.emotionCurve : pal.extraCurves[(k - 1) % pal.extraCurves.length];
      const scores: Record<string, number | undefined> = {};
      for (const s of newer.stages) scores[s.id] = was.cells[s.id]?.score;
      const points = emotionPoints(g.columns, scores, EMOTION_AREA, scaleIn(was, older));
      for (const run of curveRuns(g.columns, points)) {
        const d = smoothPath(run, { minY: EMOTION_AREA.padTop, maxY: EMOTION_AREA.height - EMOTION_AREA.padBottom });
        if (d)
          faint.push(
            vector({
              key: `older:${lane.id}:${run[0].stageId}`,
              name: `Before: ${lane.title}`,
              tag: { role: 'comparison', lane: lane.id, stage: run[0].stageId },
              data: d,
              stroke: solid(color, COMPARE.olderOpacity),
              weight: SPACE.curveWeight,
            }),
          );
      }
      const m = COMPARE.olderMarker;
      for (const p of points)
        faint.push({
          type: 'ELLIPSE',
          key: `older-marker:${lane.id}:${p.stageId}`,
          name: `Before: ${p.score}`,
          tag: { role: 'comparison', lane: lane.id, stage: p.stageId },
          size: { width: m, height: m },
          props: { x: p.x - m / 2, y: p.y - m / 2, fills: solid(color, COMPARE.olderOpacity) },
        });
    });
    // Right above the neutral line: behind every newer curve, marker and note.
    const at = area.children!.findIndex((c) => c.key === 'baseline') + 1;
    area.children!.splice(at, 0, ...faint);
  }
  // A moved score's marker is ringed in the "changed" colour: the move reads without comparing curves.
  for (const sc of diff.scores) {
    const marker = find(spec, 'emotion-marker', { lane: sc.lane, stage: sc.stage });
    if (!marker) continue;
    marker.props.strokes = solid(COMPARE.changedBorder);
    marker.props.strokeWeight = COMPARE.movedRing;
  }
  // The banner, and the frame itself: a comparison, never a map.
  const width = spec.children![0].size!.width;
  const removed = [
    ...diff.stages.removed.map((s) => `stage “${clip(s.name, 40)}”`),
    ...diff.lanes.removed.map((l) => `lane “${clip(l.name, 40)}”`),
    ...diff.personas.removed.map((p) => `persona “${clip(p.name, 40)}”`),
  ];
  const line = (key: string, characters: string, style = TYPE.subtitle, color: string = pal.colors.textSecondary) =>
    text({ key, name: key, tag: { role: 'comparison' }, characters, style, fonts, color, width: 'FILL' });
  const swatch = (key: string, fill: string, border: string, words: string) =>
    frame({
      key,
      name: words,
      tag: { role: 'comparison' },
      layout: 'HORIZONTAL',
      sizing: ['HUG', 'HUG'],
      padding: [4, 10],
      fill,
      stroke: border,
      radius: SPACE.radiusNote,
      children: [
        text({
          key: 'text',
          name: words,
          tag: { role: 'comparison' },
          characters: words,
          style: TYPE.note,
          fonts,
          color: light.colors.text,
          width: 'HUG',
        }),
      ],
    });
  const banner = frame({
    key: 'banner',
    name: 'What changed',
    tag: { role: 'comparison' },
    layout: 'VERTICAL',
    sizing: ['FIXED', 'HUG'],
    size: { width, height: 100 },
    padding: 24,
    gap: 8,
    fill: dark ? pal.colors.cellBackground : COMPARE.bannerFill,
    stroke: COMPARE.changedBorder,
    radius: SPACE.radiusBlock,
    children: [
      line('What changed', `What changed: ${sides.older} → ${sides.newer}`, TYPE.personaName, pal.colors.text),
      line(
        'Summary',
        diff.count ? diff.summary[0].toUpperCase() + diff.summary.slice(1) : 'No changes: both hold the same data.',
      ),
      ...(removed.length ? [line('Removed', `Removed (not shown below): ${removed.join(', ')}`)] : []),
      frame({
        key: 'key',
        name: 'Key',
        tag: { role: 'comparison' },
        layout: 'HORIZONTAL',
        sizing: ['HUG', 'HUG'],
        gap: 8,
        children: [
          swatch('changed', COMPARE.changedFill, COMPARE.changedBorder, 'Changed'),
          swatch('new', COMPARE.newFill, COMPARE.newBorder, 'New'),
          swatch('older', light.colors.mapBackground, light.colors.emotionBaseline, 'Faint line: the curve before'),
        ],
      }),
    ],
  });
  spec.children!.unshift(banner);
  spec.key = 'comparison';
  spec.name = `Comparison: ${sides.older} → ${sides.newer}`;
  spec.tag = { role: 'comparison' };
  return spec;
}

/** The entry on a comparison frame naming the map it compares. */
const OF = 'comparison-of';

/**
 * Draw the comparison of `older` and `newer` beside `map` (replacing an earlier comparison of the
 * same map), as one undo step for the caller to commit. The map is read (its position and the
 * options it was drawn with), never written.
 */
export async function drawComparison(
  map: FrameNode,
  older: JourneyMap,
  newer: JourneyMap,
  diff: MapDiff,
  sides: Sides,
): Promise<FrameNode> {
  const page = pageOf(map) ?? figma.currentPage;
  const { fonts } = await loadMapFonts(newer.theme?.font);
  const render = readMapData(map)?.render ?? {};
  const spec = comparisonSpec(older, newer, diff, sides, fonts, render);
  const n = countNodes(spec);
  if (n > LIMITS.totalNodes)
    throw new UserFacingError(
      'invalid',
      `This comparison would need ${n.toLocaleString('en')} layers; the limit is ${LIMITS.totalNodes.toLocaleString('en')}. Nothing was drawn.`,
    );
  const ctx: ReconcileContext = {
    stats: { created: 0, updated: 0, removed: 0, kept: 0 },
    warnings: [],
    holding: () => {
      throw new Error('a new comparison has no designer nodes to keep');
    },
  };
  let placed: FrameNode | undefined;
  try {
    const made = (await reconcileNode(
      spec,
      undefined,
      {},
      (node) => {
        placed = node as FrameNode;
        page.appendChild(node);
      },
      ctx,
    )) as FrameNode;
    const box = map.absoluteBoundingBox ?? { x: map.x, y: map.y, width: map.width, height: map.height };
    made.x = Math.round(box.x + box.width + COMPARE.gap);
    made.y = Math.round(box.y);
    // The earlier comparison of this map goes only once the new one is drawn: a failed drawing
    // changes nothing on the canvas.
    for (const old of [...page.children])
      if (old !== made && old.type === 'FRAME' && roleOf(old) === 'comparison' && getData(old, OF) === map.id)
        old.remove();
    setData(made, OF, map.id);
    return made;
  } catch (e) {
    if (placed && !placed.removed) placed.remove();
    throw e;
  }
}
