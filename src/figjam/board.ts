/**
 * Workshop mode: a journey map drawn in FigJam with FigJam's own nodes, the only code that
 * builds FigJam nodes. One section holds the board (FigJam puts a sticky dropped on it inside
 * it); shapes with text for the title blocks, stage headers, lane labels and text cells; one
 * sticky per card, coloured by its lane's tone; the emotion curve as a vector with a draggable
 * marker (an ellipse shape) per stage. Positions come from geometry.ts.
 *
 * Create and update draw the same board from a map. An update redraws what the plugin drew
 * except stickies, and for stickies:
 *  - a sticky (the plugin's or a participant's) that sits in a cards cell with the text of a
 *    card the new data has in that cell stands for that card: it moves to the card's place;
 *  - a card no sticky stands for gets a new sticky;
 *  - a participant's sticky that stands for no card stays where it is, untouched; the plugin
 *    never deletes a sticky it did not create;
 *  - a sticky the plugin made that stands for no card is removed, unless a participant edited
 *    its text or moved it to another cell (then it is theirs now, and stays), or its cell holds
 *    as many cards as a cell may (read-back may have left it out over the limit: it stays).
 * The map is stored on the section as in Figma Design (src/figma/storage.ts), so read-back
 * (read-board.ts) knows where every cell was drawn.
 */
import { FORMAT_VERSION, LIMITS, normaliseMap, type Card, type JourneyMap, type Lane } from '../model';
import { hex } from '../layout/theme';
import { paletteFor } from '../layout/palette';
import { phaseRuns } from '../layout/phases';
import { legendLabel } from '../layout/emotion';
import {
  baselineY,
  curveRuns,
  emotionPoints,
  scoreToY,
  smoothPath,
  DEFAULT_RANGE,
  type ScaleRange,
} from '../layout/emotion';
import type { Fonts } from '../layout/nodes';
import type { FontNameSpec, Role } from '../layout/spec';
import { fontWarnings, loadMapFonts } from '../figma/fonts';
import { fingerprint, readMapData, writeMapData, type StoredMap } from '../figma/storage';
import { decodeTag, encodeTag, rawTag, roleOf, writeRawTag } from '../figma/tags';
import { setData } from '../figma/node-data';
import { UserFacingError } from '../figma/map-ops';
import { isMapRoot } from '../figma/tree';
import { readBoard } from './read-board';
import { appendHistory } from '../figma/versions';
import {
  EMOTION_AREA,
  LEGEND,
  MARKER,
  NOTE,
  PERSONA,
  STAGE_HEADER_HEIGHT,
  CELL_TEXT_SIZE,
  personaBody,
  stageNote,
  STICKY,
  boardGeometry,
  cardsCellAt,
  cellRect,
  placeNotes,
  readingOrder,
  stickySlot,
  type BoardGeometry,
  type ChartNote,
  type Rect,
} from './geometry';

/** Sticky colours by tone: FigJam's light sticky colours (yellow, green, red, blue). */
export const STICKY_TONES: Record<NonNullable<Extract<Lane, { kind: 'cards' }>['tone']>, string> = {
  neutral: '#FFE299',
  positive: '#B3EFBD',
  negative: '#FFC7C2',
  idea: '#BDE3FF',
};

/** The warning of a board drawn from a map with `theme.variables` (FigJam has no variable modes to bind to). */
export const VARIABLES_IN_FIGJAM = 'FigJam boards use plain colours: Figma variables apply in Figma Design.';

export interface BoardStats {
  created: number;
  updated: number;
  removed: number;
  kept: number;
}

export interface BoardResult {
  section: SectionNode;
  map: JourneyMap;
  revision: number;
  canvas: string;
  stats: BoardStats;
  warnings: string[];
}

const paint = (h: string, opacity?: number): SolidPaint[] => [
  opacity === undefined ? { type: 'SOLID', color: hex(h) } : { type: 'SOLID', color: hex(h), opacity },
];

interface TagFields {
  role: Role;
  key: string;
  stage?: string;
  lane?: string;
  index?: number;
  phase?: string;
}

/** Tag a node as the plugin's (src/figma/tags.ts format); `hash` records what was written. */
export function tagBoardNode(node: BaseNode, tag: TagFields, hash = ''): void {
  writeRawTag(node, encodeTag({ ...tag, id: node.id, hash }));
}

/** The tag of one of the plugin's own nodes (a copy a participant made has another id: not ours). */
export function ownTag(node: BaseNode) {
  const tag = decodeTag(rawTag(node));
  return tag && tag.id === node.id ? tag : undefined;
}

export function cardText(card: Card): string {
  return typeof card === 'string' ? card : card.text;
}

/** A sticky's text as a card's: cut to a card's longest text, as read-back (read-board.ts) reads it. */
export function stickyCardText(text: string): string {
  return text.length > LIMITS.itemText ? text.slice(0, LIMITS.itemText) : text;
}

/** The board section a node belongs to (itself or its nearest section tagged as a map). */
export function findBoard(node: BaseNode | null): SectionNode | undefined {
  for (let n: BaseNode | null = node; n && n.type !== 'PAGE' && n.type !== 'DOCUMENT'; n = n.parent) {
    if (n.type === 'SECTION' && decodeTag(rawTag(n))?.role === 'map') return n;
  }
  return undefined;
}

/** A sticky on the board with where it is (centre, relative to the section) and whose it is. */
export interface BoardSticky {
  node: StickyNode;
  x: number;
  y: number;
  text: string;
  /** The plugin made it (tag with its own id). */
  ours: boolean;
  /** The plugin made it and its text is no longer what the plugin wrote. */
  edited: boolean;
  /** The cell the plugin put it in (its tag), for one of ours. */
  tagCell?: string;
}

/** Every sticky inside the board section (at any depth), with its centre relative to the section. */
export function boardStickies(section: SectionNode): BoardSticky[] {
  const origin = section.absoluteTransform;
  const out: BoardSticky[] = [];
  for (const node of section.findAllWithCriteria({ types: ['STICKY'] })) {
    // A board dropped into this one is the participants' node: its stickies are its own.
    if (findBoard(node) !== section) continue;
    const box = node.absoluteBoundingBox;
    if (!box) continue;
    const tag = ownTag(node);
    const text = node.text.characters;
    out.push({
      node,
      x: box.x - origin[0][2] + box.width / 2,
      y: box.y - origin[1][2] + box.height / 2,
      text,
      ours: tag?.role === 'card',
      edited: tag?.role === 'card' && tag.hash !== fingerprint(text),
      tagCell: tag?.role === 'card' ? `${tag.lane}\u001f${tag.stage}` : undefined,
    });
  }
  return out;
}

const cellKey = (laneId: string, stageId: string) => `${laneId}\u001f${stageId}`;

/** The map a board stores, when it is there and valid. */
function storedBoardMap(stored: StoredMap | undefined): JourneyMap | undefined {
  if (!stored) return undefined;
  const r = normaliseMap(stored.data);
  return r.ok ? r.value : undefined;
}

/**
 * Refuse a board too big to draw, before anything is written (as src/figma/map-ops.ts does for a
 * map): an upper bound of its nodes, every cell counted for each lane with three nodes at most
 * (a cell, or a marker, its note and a curve piece), plus the cards.
 */
function checkBoardSize(map: JourneyMap): void {
  const cards = map.lanes.reduce(
    (n, l) => n + (l.kind === 'cards' ? Object.values(l.cells).reduce((m, c) => m + c.length, 0) : 0),
    0,
  );
  const n =
    4 +
    3 * (map.personas?.length ?? 0) +
    3 * map.stages.length +
    2 * map.lanes.length +
    3 * map.stages.length * map.lanes.length +
    cards;
  if (n > LIMITS.totalNodes)
    throw new UserFacingError(
      'invalid',
      `This board could need ${n.toLocaleString('en')} layers; the limit is ${LIMITS.totalNodes.toLocaleString('en')}. Use fewer stages, lanes or cards. Nothing was changed.`,
    );
}

export async function createBoard(map: JourneyMap): Promise<BoardResult> {
  checkBoardSize(map);
  const section = figma.createSection();
  const geo = boardGeometry(map);
  const c = figma.viewport.center;
  section.x = Math.round(c.x - geo.width / 2);
  section.y = Math.round(c.y - geo.height / 2);
  let result: BoardResult;
  try {
    result = await drawBoard(section, map);
  } catch (e) {
    // Never leave half a board behind (drawBoard has removed what it drew; the section goes too).
    if (!section.removed) section.remove();
    throw e;
  }
  figma.currentPage.selection = [section];
  figma.viewport.scrollAndZoomIntoView([section]);
  return result;
}

export interface BoardUpdateOptions {
  /** The revision and canvas fingerprint the panel last saw (see src/figma/map-ops.ts). */
  baseRevision?: number;
  baseCanvas?: string;
  /** Overwrite: draw the panel's map even over board edits the panel has not read. */
  force?: boolean;
}

/**
 * Update a board. As in Figma Design, edits on the board the panel has not read back (a sticky
 * added, a dot dragged, a text typed) are a conflict: nothing changes, and the panel offers to
 * reload (merge them in) or overwrite (participants' stickies still stay; the rest is redrawn).
 */
export async function updateBoard(
  section: SectionNode,
  map: JourneyMap,
  options: BoardUpdateOptions = {},
): Promise<BoardResult> {
  checkBoardSize(map);
  const stored = readMapData(section);
  // Refused even on Overwrite, as in Figma Design (map-ops.ts): redrawing would store the map in
  // this plugin's older format and lose what the newer one keeps.
  if (stored && stored.format > FORMAT_VERSION)
    throw new UserFacingError(
      'invalid',
      `This board was saved by a newer version of the plugin (format ${stored.format}; this one reads up to ${FORMAT_VERSION}). Update the plugin; the board was not changed.`,
    );
  // What the board reads back as now: the conflict check's, and whether an Overwrite changes it.
  const read = stored && readBoard(section);
  const current = read && read.ok ? fingerprint(read.map) : '';
  if (!options.force && stored) {
    if (options.baseRevision !== undefined && options.baseRevision !== stored.revision)
      throw new UserFacingError(
        'conflict',
        `This board was updated since the panel last read it (revision ${stored.revision}, yours is ${options.baseRevision}). Reload or overwrite.`,
      );
    if (stored.canvas && stored.canvas !== current && options.baseCanvas !== current)
      throw new UserFacingError(
        'conflict',
        'This board was changed since the panel last read or updated it (stickies, dots or texts). Reload or overwrite.',
      );
  }
  return drawBoard(section, map, stored, current);
}

/**
 * Draw `map` on the section. `stored` is what the section stored before and `current` the
 * fingerprint of what it read back as (both read once, by updateBoard; none for a new board).
 */
async function drawBoard(
  section: SectionNode,
  map: JourneyMap,
  stored?: StoredMap,
  current = '',
): Promise<BoardResult> {
  const loaded = await loadMapFonts(map.theme?.font);
  const { fonts } = loaded;
  // Told as in Figma Design (src/figma/map-ops.ts): a theme font FigJam lacks, Inter's substitutes.
  const warnings = fontWarnings(loaded);
  // A board's colours are plain paints: say so once, rather than ignore the map's variables silently.
  if (map.theme?.variables) warnings.push(VARIABLES_IN_FIGJAM);
  const before = storedBoardMap(stored);
  // An Overwrite of edits made on the board changes it even when the map is the one stored.
  const boardAsStored = !!current && current === stored?.canvas;
  const geo = boardGeometry(map);
  const oldGeo = before ? boardGeometry(before) : geo;
  const stats: BoardStats = { created: 0, updated: 0, removed: 0, kept: 0 };

  // Which cell each sticky is in now, on the board as it was drawn, before anything moves.
  const stickies = boardStickies(section).map((s) => {
    const cell = cardsCellAt(oldGeo, s.x, s.y);
    return { ...s, cell: cell ? cellKey(cell.laneId, cell.stageId) : undefined };
  });

  // The new board is drawn first, beside the old one, and the old one is only taken away once
  // everything new is on the canvas: a failure part-way (a node Figma refuses) removes what was
  // drawn and leaves the board, and every participant's sticky, as it was.
  // (A board dropped into this one is tagged too, as its own map: it is not this board's to redraw.)
  const old = section.children.filter((child) => ownTag(child) && child.type !== 'STICKY' && !isMapRoot(roleOf(child)));
  const draw = new Drawer(section, fonts);
  /** Changes to nodes already on the board, made once every new node is drawn. */
  const commit: Array<() => void> = [];
  try {
    drawStructure(draw, map, geo);

    // Stickies: match each card of the new data to a sticky in its cell with its text.
    const byCell = new Map<string, typeof stickies>();
    for (const s of readingOrder(stickies)) {
      if (!s.cell) continue;
      const list = byCell.get(s.cell) ?? [];
      list.push(s);
      byCell.set(s.cell, list);
    }
    const matched = new Set<StickyNode>();
    for (const row of geo.rows) {
      const lane = row.lane;
      if (lane.kind !== 'cards') continue;
      const fill = paint(STICKY_TONES[lane.tone ?? 'neutral']);
      for (const column of geo.columns) {
        const cards = lane.cells[column.stageId] ?? [];
        const pool = byCell.get(cellKey(lane.id, column.stageId)) ?? [];
        const rect = cellRect(row, column);
        cards.forEach((card, i) => {
          const text = cardText(card);
          const slot = stickySlot(rect, i);
          // As read-back gives the sticky's text (a long text is cut), so a sticky read back stands for its card.
          const found = pool.find((s) => !matched.has(s.node) && stickyCardText(s.text) === text);
          if (found) {
            matched.add(found.node);
            commit.push(() => {
              if (found.node.parent === section) {
                const box = found.node.absoluteBoundingBox;
                if (
                  !box ||
                  Math.abs(found.x - STICKY / 2 - slot.x) > 0.5 ||
                  Math.abs(found.y - STICKY / 2 - slot.y) > 0.5
                ) {
                  found.node.x = slot.x;
                  found.node.y = slot.y;
                  stats.updated++;
                } else stats.kept++;
              } else stats.kept++;
              if (found.ours) {
                if (JSON.stringify(found.node.fills) !== JSON.stringify(fill)) found.node.fills = fill;
                tagBoardNode(
                  found.node,
                  { role: 'card', key: `card:${i}`, stage: column.stageId, lane: lane.id, index: i },
                  fingerprint(text),
                );
              }
            });
            return;
          }
          const sticky = figma.createSticky();
          draw.made.push(sticky);
          section.appendChild(sticky);
          sticky.x = slot.x;
          sticky.y = slot.y;
          sticky.authorVisible = false;
          sticky.fills = fill;
          sticky.text.fontName = fonts.medium;
          sticky.text.characters = text;
          sticky.name = text.slice(0, 60);
          tagBoardNode(
            sticky,
            { role: 'card', key: `card:${i}`, stage: column.stageId, lane: lane.id, index: i },
            fingerprint(text),
          );
          stats.created++;
        });
      }
    }
    // Cells holding as many cards as a cell may: a sticky there that is no card may be one that
    // read-back left out (over the limit), not one the panel removed, and it stays.
    const full = new Set<string>();
    for (const lane of map.lanes)
      if (lane.kind === 'cards')
        for (const [stageId, cards] of Object.entries(lane.cells))
          if (cards.length >= LIMITS.cardsPerCell) full.add(cellKey(lane.id, stageId));
    for (const s of stickies) {
      if (matched.has(s.node)) continue;
      // Only the plugin's own sticky, unedited and still in the cell it was put in, is removed.
      if (s.ours && !s.edited && s.cell === s.tagCell && !full.has(s.cell!)) {
        commit.push(() => {
          s.node.remove();
          stats.removed++;
        });
      } else stats.kept++;
    }
  } catch (e) {
    for (const node of draw.made) if (!node.removed) node.remove();
    throw new Error(`${e instanceof Error ? e.message : String(e)}${before ? ' (the board was left as it was)' : ''}`, {
      cause: e,
    });
  }
  for (const node of old) if (!node.removed) node.remove();
  for (const change of commit) change();

  section.name = map.title;
  if (section.width !== geo.width || section.height !== geo.height)
    section.resizeWithoutConstraints(geo.width, geo.height);
  section.fills = paint('#FFFFFF');
  tagBoardNode(section, { role: 'map', key: 'map' });
  section.setRelaunchData({ edit: 'Edit this journey map' });
  // The same map again on a board as stored (an Update with nothing changed) keeps its revision
  // and adds no history line.
  const same = boardAsStored && !!before && JSON.stringify(before) === JSON.stringify(map);
  const revision = (stored?.revision ?? 0) + (same ? 0 : 1);
  let canvas = fingerprint(map);
  // writeMapData only reads and writes plugin data and the id: a section holds it like a frame.
  writeMapData(section as unknown as FrameNode, map, revision, canvas, {}, stored);
  // What the board reads back now is the base of the next conflict check. It is the map itself
  // unless participants' stickies that are not in the data sit in cells (kept by an overwrite):
  // those are then known, and do not make every later update a conflict.
  const now = readBoard(section);
  if (now.ok && fingerprint(now.map) !== canvas) {
    canvas = fingerprint(now.map);
    setData(section, 'canvas', canvas);
  }
  if (!same) appendHistory(section, revision, map, stored ? before : 'new');
  return { section, map, revision, canvas, stats, warnings };
}

/** Creates the board's nodes, each inserted below the stickies, in drawing order. */
class Drawer {
  count = 0;
  /** Every node drawn, from its creation on, to take away again when drawing fails part-way. */
  readonly made: SceneNode[] = [];
  private track<T extends SceneNode>(node: T): T {
    this.made.push(node);
    return node;
  }
  constructor(
    readonly section: SectionNode,
    readonly fonts: Fonts,
  ) {}

  private put<T extends SceneNode>(node: T, rect: { x: number; y: number }, tag: TagFields, hash = ''): T {
    this.section.insertChild(this.count++, node);
    node.x = rect.x;
    node.y = rect.y;
    tagBoardNode(node, tag, hash);
    return node;
  }

  shape(
    tag: TagFields,
    rect: Rect,
    look: {
      fill: string;
      text?: string;
      textColor?: string;
      font?: FontNameSpec;
      size?: number;
      shapeType?: ShapeWithTextNode['shapeType'];
      stroke?: string;
      locked?: boolean;
    },
  ): ShapeWithTextNode {
    const s = this.track(figma.createShapeWithText());
    s.shapeType = look.shapeType ?? 'SQUARE';
    s.resize(rect.width, rect.height);
    s.fills = paint(look.fill);
    s.strokes = look.stroke ? paint(look.stroke) : [];
    const text = look.text ?? '';
    if (text) {
      s.text.fontName = look.font ?? this.fonts.regular;
      s.text.fontSize = look.size ?? 16;
      s.text.fills = paint(look.textColor ?? '#101828');
      s.text.characters = text;
    }
    s.name = text.slice(0, 60) || tag.role;
    if (look.locked) s.locked = true;
    // The hash is what was written, so read-back tells an edited text from an untouched one.
    return this.put(s, rect, tag, fingerprint(text));
  }

  text(tag: TagFields, rect: Rect, text: string, font: FontNameSpec, size: number, color: string): TextNode {
    const t = this.track(figma.createText());
    t.fontName = font;
    t.fontSize = size;
    t.characters = text;
    t.fills = paint(color);
    t.resize(rect.width, Math.max(1, rect.height));
    t.textAutoResize = 'HEIGHT';
    t.name = text.slice(0, 60);
    return this.put(t, rect, tag, fingerprint(text));
  }

  vector(tag: TagFields, rect: Rect, data: string, color: string, weight: number, dash?: number[]): VectorNode {
    const v = this.track(figma.createVector());
    v.vectorPaths = [{ windingRule: 'NONE', data }];
    v.resize(Math.max(0.01, rect.width), Math.max(0.01, rect.height));
    v.strokes = paint(color);
    v.strokeWeight = weight;
    v.strokeCap = 'ROUND';
    if (dash) v.dashPattern = dash;
    v.fills = [];
    v.locked = true;
    v.name = tag.role;
    return this.put(v, rect, tag);
  }
}

/** The chart's scale: its own lane's (as in Figma Design). */
function scaleOf(lane: Extract<Lane, { kind: 'emotion' }>): ScaleRange {
  return lane.scale ?? DEFAULT_RANGE;
}

/** A score as the scale writes it: signed on a scale around 0 (+2, −2), plain on 1–5 or 0–10. */
const scoreLabel = (n: number, scale: ScaleRange) => (n > 0 && scale.min < 0 ? `+${n}` : String(n));

function drawStructure(d: Drawer, map: JourneyMap, geo: BoardGeometry): void {
  const pal = paletteFor(map.theme);
  const c = pal.colors;
  const f = d.fonts;
  d.text({ role: 'title', key: 'title' }, geo.title, map.title, f.bold, 48, c.text);
  d.text(
    { role: 'subtitle', key: 'hint' },
    geo.hint,
    'Workshop board: put a sticky in a cell to add a card there, drag a dot to change a score, then Read back in the Journey map plugin.',
    f.regular,
    20,
    c.textMuted,
  );
  if (geo.objective && map.objective)
    d.text({ role: 'objective', key: 'objective' }, geo.objective, map.objective, f.regular, 22, c.textSecondary);
  (map.personas ?? []).forEach((p, i) => {
    const r = geo.personas[i];
    d.shape({ role: 'persona', key: `persona:${p.id}`, index: i }, r, {
      fill: c.personaBackground,
      stroke: c.personaAccent,
      shapeType: 'ROUNDED_RECTANGLE',
      locked: true,
    });
    const inner = { x: r.x + PERSONA.padding, width: r.width - 2 * PERSONA.padding, height: 20 };
    d.text(
      { role: 'persona-name', key: `persona-name:${p.id}`, index: i },
      { ...inner, y: r.y + PERSONA.padding },
      p.role ? `${p.name} · ${p.role}` : p.name,
      f.bold,
      24,
      c.personaSectionTitle,
    );
    const body = personaBody(p);
    if (body)
      d.text(
        { role: 'persona-description', key: `persona-body:${p.id}`, index: i },
        { ...inner, y: r.y + PERSONA.padding + PERSONA.nameHeight + 8 },
        body,
        f.regular,
        PERSONA.size,
        c.text,
      );
  });
  const cols = geo.columns;
  const span = (start: number, count: number): Rect => {
    const first = cols[start];
    const last = cols[start + count - 1];
    return { x: first.x, y: 0, width: last.x + last.width - first.x, height: 0 };
  };
  if (geo.phaseRow) {
    const row = geo.phaseRow;
    phaseRuns(map.stages).forEach((run, i) => {
      if (run.phase === undefined) return;
      const r = span(run.start, run.count);
      d.shape(
        { role: 'phase', key: `phase:${run.firstStageId}`, phase: run.phase, stage: run.firstStageId },
        { x: r.x, y: row.y, width: r.width, height: row.height },
        {
          fill: pal.phaseFills[i % pal.phaseFills.length],
          text: run.phase,
          font: f.semibold,
          size: 20,
          textColor: c.phaseText,
          shapeType: 'ROUNDED_RECTANGLE',
          locked: true,
        },
      );
    });
  }
  const sr = geo.stageRow;
  map.stages.forEach((stage, i) => {
    const col = cols[i];
    d.shape(
      { role: 'stage-name', key: `stage:${stage.id}`, stage: stage.id },
      { x: col.x, y: sr.y, width: col.width, height: STAGE_HEADER_HEIGHT },
      {
        fill: stage.moment ? pal.moment.ring : c.stageBackground,
        text: stage.name,
        font: f.bold,
        size: 24,
        textColor: c.stageText,
        shapeType: 'ROUNDED_RECTANGLE',
      },
    );
    const under = stageNote(stage);
    if (under)
      d.text(
        { role: 'stage-description', key: `stage-description:${stage.id}`, stage: stage.id },
        { x: col.x + 8, y: sr.y + STAGE_HEADER_HEIGHT + 8, width: col.width - 16, height: 20 },
        under,
        f.regular,
        18,
        c.textSecondary,
      );
  });
  for (const row of geo.rows) {
    const lane = row.lane;
    d.shape(
      { role: 'lane-title', key: `lane:${lane.id}`, lane: lane.id },
      { x: geo.labelX, y: row.y, width: 280, height: row.height },
      {
        fill: c.laneLabelBackground,
        text: lane.title,
        font: f.semibold,
        size: 20,
        textColor: c.laneLabelText,
        shapeType: 'ROUNDED_RECTANGLE',
      },
    );
    if (lane.kind === 'text') {
      for (const col of cols) {
        const cell = lane.cells[col.stageId];
        d.shape(
          { role: 'cell-text', key: `cell:${lane.id}:${col.stageId}`, lane: lane.id, stage: col.stageId },
          cellRect(row, col),
          {
            fill: c.cellBackground,
            stroke: c.cellBorder,
            text: cell === undefined ? '' : typeof cell === 'string' ? cell : cell.text,
            size: CELL_TEXT_SIZE,
            textColor: c.text,
          },
        );
      }
    } else if (lane.kind === 'cards') {
      for (const col of cols)
        d.shape(
          { role: 'cell', key: `cell:${lane.id}:${col.stageId}`, lane: lane.id, stage: col.stageId },
          cellRect(row, col),
          { fill: c.cellBackground, stroke: c.cellBorder, locked: true },
        );
    } else if (lane.kind === 'metric') {
      for (const col of cols) {
        const m = lane.cells[col.stageId];
        if (!m) continue;
        const value = `${m.value}${m.unit ? ` ${m.unit}` : ''}`;
        const met =
          m.target === undefined ? undefined : m.better === 'lower' ? m.value <= m.target : m.value >= m.target;
        d.shape(
          { role: 'metric-value', key: `metric:${lane.id}:${col.stageId}`, lane: lane.id, stage: col.stageId },
          cellRect(row, col),
          {
            fill: c.cellBackground,
            stroke: c.cellBorder,
            text: m.target === undefined ? value : `${value}\ntarget ${m.target}${m.unit ? ` ${m.unit}` : ''}`,
            font: f.bold,
            size: 22,
            textColor: met === undefined ? c.text : met ? pal.metric.met : pal.metric.missed,
            locked: true,
          },
        );
      }
    } else if (lane.kind === 'divider') {
      const first = cols[0];
      const last = cols[cols.length - 1];
      const width = last.x + last.width - first.x;
      d.vector(
        { role: 'divider-line', key: `divider:${lane.id}`, lane: lane.id },
        { x: first.x, y: row.y + row.height / 2, width, height: 0.01 },
        `M 0 0 L ${width} 0`,
        c.dividerLine,
        2,
        lane.style === 'dashed' ? [10, 6] : undefined,
      );
    } else if (lane.kind === 'emotion') {
      drawChart(d, map, lane, row.y, geo);
    }
  }
}

function drawChart(
  d: Drawer,
  map: JourneyMap,
  host: Extract<Lane, { kind: 'emotion' }>,
  top: number,
  geo: BoardGeometry,
): void {
  const pal = paletteFor(map.theme);
  const c = pal.colors;
  const cols = geo.columns;
  const x0 = geo.columnsX;
  const width = cols[cols.length - 1].x + cols[cols.length - 1].width - x0;
  const area = EMOTION_AREA;
  const scale = scaleOf(host);
  d.shape(
    { role: 'emotion-area', key: `chart:${host.id}`, lane: host.id },
    { x: x0, y: top, width, height: area.height },
    { fill: c.emotionBackground, stroke: c.cellBorder, locked: true },
  );
  const base = baselineY(area, scale);
  d.vector(
    { role: 'emotion-baseline', key: `baseline:${host.id}`, lane: host.id },
    { x: x0, y: top + base, width, height: 0.01 },
    `M 0 0 L ${width} 0`,
    c.emotionBaseline,
    1,
    [4, 4],
  );
  for (const [end, score] of [
    ['high', scale.max],
    ['low', scale.min],
  ] as const) {
    d.text(
      { role: 'emotion-axis', key: `axis-${end}:${host.id}`, lane: host.id },
      { x: x0 + 8, y: top + scoreToY(score, area, scale) - 12, width: 200, height: 20 },
      `${scoreLabel(score, scale)}${host.scale?.[end] ? ` ${host.scale[end]}` : ''}`,
      d.fonts.regular,
      18,
      c.textMuted,
    );
  }
  const lanes = map.lanes.filter(
    (l): l is Extract<Lane, { kind: 'emotion' }> => l.kind === 'emotion' && (l.id === host.id || l.overlay === host.id),
  );
  const columns = cols.map((col) => ({ stageId: col.stageId, x: col.x - x0, width: col.width }));
  const curves = lanes.map((lane, li) => {
    const scores: Record<string, number> = {};
    for (const [stageId, cell] of Object.entries(lane.cells)) scores[stageId] = cell.score;
    return {
      lane,
      color: li === 0 ? c.emotionCurve : pal.extraCurves[(li - 1) % pal.extraCurves.length],
      dash: lane.style === 'dashed' ? [10, 6] : undefined,
      points: emotionPoints(columns, scores, area, scale),
    };
  });
  // Several curves on one chart: a legend line per curve, in its colour, named as in Figma Design
  // (its title and persona). In the label column, under the lane's title, stacked up from the
  // foot of the row as tall as each wraps: the chart itself stays free for the markers.
  if (curves.length > 1) {
    // Drawn first, then stacked by the heights the texts took (a long name wraps).
    const legends = curves.map(({ lane, color }) =>
      d.text(
        { role: 'emotion-legend-text', key: `legend:${lane.id}`, lane: lane.id },
        { x: geo.labelX + 16, y: top, width: LEGEND.width, height: 20 },
        `${lane.style === 'dashed' ? '- - -' : '——'}  ${legendLabel(lane, map)}`,
        d.fonts.semibold,
        LEGEND.size,
        color,
      ),
    );
    let bottom = top + area.height - LEGEND.bottom;
    for (const t of [...legends].reverse()) {
      t.y = bottom - t.height;
      bottom = t.y - LEGEND.gap;
    }
  }
  for (const { lane, color, dash, points } of curves)
    curveRuns(columns, points).forEach((run, ri) => {
      const path = smoothPath(run, { minY: area.padTop, maxY: area.height - area.padBottom });
      if (!path) return;
      d.vector(
        { role: 'emotion-curve', key: `curve:${lane.id}:${ri}`, lane: lane.id, index: ri },
        { x: x0, y: top, width, height: area.height },
        path,
        color,
        4,
        dash,
      );
    });
  // Notes clear of every curve's markers and of each other, next to their own marker (geometry.ts).
  const markers = curves.flatMap(({ lane, points }) =>
    points.map((p) => ({ lane: lane.id, stageId: p.stageId, x: p.x, y: p.y })),
  );
  // Each note is drawn first, to know how tall its text is, then put in its place.
  const notes = curves.flatMap(({ lane, points }) =>
    points.flatMap((p, pi) => {
      const text = lane.cells[p.stageId]?.note;
      if (!text) return [];
      const node = d.text(
        { role: 'emotion-note', key: `note:${lane.id}:${p.stageId}`, lane: lane.id, stage: p.stageId },
        { x: x0 + p.x, y: top + p.y, width: NOTE.width, height: 20 },
        text,
        d.fonts.regular,
        NOTE.size,
        c.textSecondary,
      );
      // Clear of the curve: below the marker where the curve climbs to the next stage, else above.
      const prefer: ChartNote['prefer'] = (points[pi + 1]?.y ?? p.y) < p.y ? 'below' : 'above';
      return [{ node, lane: lane.id, stageId: p.stageId, height: node.height, prefer }];
    }),
  );
  placeNotes(markers, notes, area.height).forEach((r, i) => {
    notes[i].node.x = x0 + r.x;
    notes[i].node.y = top + r.y;
  });
  // Markers above the curves and notes: a dot dragged onto a note or another curve stays in sight.
  for (const { lane, color, points } of curves)
    for (const p of points)
      d.shape(
        { role: 'emotion-marker', key: `marker:${lane.id}:${p.stageId}`, lane: lane.id, stage: p.stageId },
        { x: x0 + p.x - MARKER / 2, y: top + p.y - MARKER / 2, width: MARKER, height: MARKER },
        { fill: color, stroke: '#FFFFFF', shapeType: 'ELLIPSE' },
      );
}
