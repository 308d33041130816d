/**
 * Read a workshop board (FigJam) back into the map format: the stored map, with what
 * participants changed on the board:
 *  - stickies: a sticky whose centre lies in a cards cell's area is a card of that lane and
 *    stage; the cards of a cell are its stickies in reading order (top to bottom, left to
 *    right, geometry.ts). A sticky outside every cards cell is left out and counted
 *    (`ignored`, and a warning). A card keeps its evidence link while its sticky keeps its text.
 *  - texts typed into text cells, stage headers and lane labels;
 *  - emotion markers dragged up or down: scores, snapped to quarter points as in Figma Design.
 * Everything else (personas, phases, descriptions, metrics, theme) comes from the stored map.
 */
import { LIMITS, normaliseMap, type Card, type JourneyMap, type Lane, type MapIssue } from '../model';
import { scoreToY, yToScore, DEFAULT_RANGE } from '../layout/emotion';
import { fingerprint, readMapData } from '../figma/storage';
import { EMOTION_AREA, boardGeometry, cardsCellAt, readingOrder } from './geometry';
import { boardStickies, ownTag, stickyCardText } from './board';

export type BoardReadResult =
  | { ok: true; map: JourneyMap; revision: number; warnings: string[]; ignored: number }
  | { ok: false; message: string; issues: MapIssue[] };

const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

export function readBoard(section: SectionNode): BoardReadResult {
  const stored = readMapData(section);
  if (!stored)
    return { ok: false, message: 'This board has no journey map data: create it again from the panel.', issues: [] };
  const parsed = normaliseMap(stored.data);
  if (!parsed.ok) return { ok: false, message: 'The map stored on this board is not valid.', issues: parsed.issues };
  const base = parsed.value;
  const map = JSON.parse(JSON.stringify(base)) as JourneyMap;
  const geo = boardGeometry(base);
  const warnings: string[] = [];
  const origin = section.absoluteTransform;

  /** A text the plugin wrote on a node, when a participant changed it; undefined when untouched. */
  const edited = (node: SceneNode, hash: string): string | undefined => {
    const text = node.type === 'SHAPE_WITH_TEXT' ? node.text.characters : undefined;
    return text !== undefined && fingerprint(text) !== hash ? text : undefined;
  };

  const lanes = new Map(map.lanes.map((l) => [l.id, l]));
  const stages = new Map(map.stages.map((s) => [s.id, s]));
  const rowTop = new Map(geo.rows.map((r) => [r.lane.id, r.y]));
  for (const node of section.children) {
    const tag = ownTag(node);
    if (!tag) continue;
    if (tag.role === 'stage-name' && tag.stage) {
      const text = edited(node, tag.hash)?.trim();
      const stage = stages.get(tag.stage);
      if (stage && text) stage.name = cut(text, LIMITS.shortText);
    } else if (tag.role === 'lane-title' && tag.lane) {
      const text = edited(node, tag.hash)?.trim();
      const lane = lanes.get(tag.lane);
      if (lane && text) lane.title = cut(text, LIMITS.shortText);
    } else if (tag.role === 'cell-text' && tag.lane && tag.stage) {
      const text = edited(node, tag.hash);
      const lane = lanes.get(tag.lane);
      if (lane?.kind !== 'text' || text === undefined) continue;
      if (text.trim()) lane.cells[tag.stage] = cut(text, LIMITS.longText);
      else delete lane.cells[tag.stage];
    } else if (tag.role === 'emotion-marker' && tag.lane && tag.stage) {
      const lane = lanes.get(tag.lane);
      if (lane?.kind !== 'emotion') continue;
      const host = lane.overlay === undefined ? lane : lanes.get(lane.overlay);
      const top = host ? rowTop.get(host.id) : undefined;
      const cell = lane.cells[tag.stage];
      const box = node.absoluteBoundingBox;
      if (top === undefined || !cell || !box || host?.kind !== 'emotion') continue;
      const scale = host.scale ?? DEFAULT_RANGE;
      const y = box.y - origin[1][2] + box.height / 2 - top;
      // A marker not moved reads as its exact score (1.3 stays 1.3); a dragged one, snapped.
      if (Math.abs(y - scoreToY(cell.score, EMOTION_AREA, scale)) >= 0.5) cell.score = yToScore(y, EMOTION_AREA, scale);
    }
  }

  // Cards from stickies.
  const found = new Map<string, Array<{ x: number; y: number; text: string }>>();
  let ignored = 0;
  let empty = 0;
  for (const s of boardStickies(section)) {
    const cell = cardsCellAt(geo, s.x, s.y);
    if (!cell) {
      ignored++;
      continue;
    }
    if (!s.text.trim()) {
      empty++;
      continue;
    }
    const key = `${cell.laneId}\u001f${cell.stageId}`;
    const list = found.get(key) ?? [];
    list.push({ x: s.x, y: s.y, text: s.text });
    found.set(key, list);
  }
  let dropped = 0;
  for (const lane of map.lanes) {
    if (lane.kind !== 'cards') continue;
    const before = lane.cells;
    const cells: Record<string, Card[]> = {};
    for (const stage of map.stages) {
      const list = readingOrder(found.get(`${lane.id}\u001f${stage.id}`) ?? []);
      if (!list.length) continue;
      const linked = (before[stage.id] ?? []).filter((c): c is Exclude<Card, string> => typeof c !== 'string');
      const cards = list.map((s): Card => {
        const text = stickyCardText(s.text);
        const link = linked.find((c) => c.text === text);
        return link ? { text, url: link.url } : text;
      });
      dropped += Math.max(0, cards.length - LIMITS.cardsPerCell);
      cells[stage.id] = cards.slice(0, LIMITS.cardsPerCell);
    }
    (lane as Extract<Lane, { kind: 'cards' }>).cells = cells;
  }
  if (ignored)
    warnings.push(
      `${ignored} ${ignored === 1 ? 'sticky is' : 'stickies are'} outside every cards cell and ${ignored === 1 ? 'was' : 'were'} left out.`,
    );
  if (empty) warnings.push(`${empty} empty ${empty === 1 ? 'sticky was' : 'stickies were'} left out.`);
  if (dropped)
    warnings.push(
      `${dropped} ${dropped === 1 ? 'sticky' : 'stickies'} over ${LIMITS.cardsPerCell} in one cell left out.`,
    );

  const result = normaliseMap(map);
  if (!result.ok) return { ok: false, message: 'The board does not read as a valid map.', issues: result.issues };
  return { ok: true, map: result.value, revision: stored.revision, warnings, ignored };
}
