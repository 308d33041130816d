/**
 * Tables copied from a spreadsheet (tab-separated, as Sheets and Excel copy them) or CSV files
 * (",", ";" or tab; with a byte-order mark, CRLF line breaks, quoted cells holding line breaks).
 *
 * Layout, as teams keep it:
 *  - Rows above the table that hold one cell (or none) are skipped; the first such cell is the
 *    map's title. The table starts at the first row with two filled cells.
 *  - Stages as columns (one row of stage names, lane titles down the first column), or one stage
 *    per row (a column of stage names, lane titles across the header row). Which one is read from
 *    the words: the side holding more lane words (actions, touchpoints, thoughts, feelings, pain
 *    points, opportunities, …; see LANE_WORDS) holds the lane titles. A header "Stage" (or "Step")
 *    off the corner marks the line of stage names, so a Phase line may come first.
 *  - Otherwise the corner cell is the title, unless it is a word like "Stage" or "Lane".
 *  - A "Phase" line gives the stages' phases: an empty cell continues the phase before it (what
 *    merged cells give), "-" or "–" means no phase.
 * Lane kinds are inferred:
 *  - emotion: the title says emotion/feeling/sentiment/mood/satisfaction/happiness, or ends in a
 *    scale in brackets ("As is (1-5)"), and at least half of its filled cells start with a number
 *    (then every one must: a cell that does not is reported); a bracketed scale and no cells too.
 *    Text after the number is the note: "4 relieved", "4 (happy)", "-1: unsure". The scale comes
 *    from the title or the scores (./scale.ts) and becomes the lane's scale, scores as written
 *    (a scale in the title's last brackets then leaves the title: "Mood (1-5)" is "Mood" on 1–5);
 *    a scale the format cannot hold (0–100) is mapped linearly onto −2…+2 instead;
 *  - cards: the title says touchpoint/channel/pain/frustration/opportunity/idea/tool/system, or
 *    every filled cell starts with a bullet ("•", or "-"/"*" and a space). A cell with bullets is
 *    one card per bullet; a cell without is one card per line and per ";". Commas never split.
 *    Tone negative for pains and frustrations, idea for opportunities and ideas, else neutral;
 *  - divider: the title starts with "Line of" and the line has no cells (a service blueprint);
 *  - metric (checked before emotion): every filled cell is a number with a unit from UNIT ("18%",
 *    "3 min", "4.2 / 5"), or a bare number under a title naming a measure (rate, time on step,
 *    drop-off, NPS, CSAT, …); "3 days later" or "2 people" stay text;
 *  - text: everything else, kept exactly (line breaks and ";" included).
 */
import {
  formatMetric,
  formatPath,
  normaliseMap,
  parseMetric,
  type Card,
  type JourneyMap,
  type MapIssue,
  type TextCell,
} from '../../src/model';
import { readRows, writeRows } from './dsv';
import { linkToText, textToLink } from './links';
import { DEFAULT_SCALE, type Lane } from '../../src/model';
import { formatHolds, inferScale, scaleInTitle, titleWithScale, toDefaultScale, toNumber, type Scale } from './scale';

/** A divider's title: "Line of interaction", "Line of visibility", "Line of internal interaction". */
const DIVIDER_TITLE = /^\s*line of\b/i;
/** Titles of metric lanes whose cells may be bare numbers ("Time on step": 4.2). */
const METRIC_TITLE =
  /\b(rate|time on|time to|time|drop-off|drop off|conversion|nps|csat|ces|duration|count|average|per cent|percent|metric|kpi)\b|%/i;
/**
 * A unit after a number, from the ones teams measure journeys in ("%", "min", "/ 5", "pts", "€"),
 * not any word: "3 days later" and "2 people" stay text.
 */
const UNIT =
  /^(%|‰|pp|pts?|points?|ms|s|sec|secs|seconds?|min|mins|minutes?|h|hrs?|hours?|days?|weeks?|x|×|k|m|[€$£¥]|★|stars?|\/ ?\d+|of \d+|nps|csat|users?|visits?|sessions?|calls?|tickets?|orders?|clicks?)$/i;

/** Words of lane titles, for telling which side of the table holds them. */
const LANE_WORDS =
  /\b(?:actions?|activit|doing|does|tasks?|touch ?points?|channels?|thoughts?|thinking|thinks|says|quotes?|feel|emotion|mood|sentiment|satisfaction|happiness|pains?\b|frustrat|opportunit|ideas?\b|goals?\b|needs?\b|expectations?|questions?|backstage|front ?stage|systems?|tools?\b|people|actors?|owners?|kpis?|metrics?|insights?|notes?\b|phases?\b)/i;
/** A header for the line of stage names: "Stage", "Stages", "Step", "Journey stage", "Stage name". */
const STAGE_WORD = /^(?:journey )?(?:stages?|steps?)(?: names?)?:?$/i;
/** Corner words that label the table, not title the map. */
const NOT_A_TITLE = /^(?:(?:journey )?(?:stages?|steps?|lanes?)(?: names?)?|phases?)\W*$/i;
const EMOTION_TITLE = /emotion|feeling|sentiment|mood|satisfaction|happiness/i;
const CARDS_TITLE = /touch ?point|channel|pain|frustrat|opportunit|idea|tool|system/i;
const PHASE_TITLE = /^phases?$/i;
/** A phase cell that ends the phase before it (an empty cell continues it). */
const NO_PHASE = /^[-–]$/;
/**
 * A score, then an optional note: "1", "−1.5", "4,5" (a decimal comma, as European sheets write
 * it), "2e-7" (how JavaScript prints tiny numbers), "4 relieved", "4 (happy)", "-1; worried", "1: fine".
 */
const SCORE_CELL = /^\s*([+\-−]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:e[+-]?\d+)?)(?:\s*[(;:,–-]\s*|\s+|$)([\s\S]*)$/i;
/** A bullet starting a line: "•" and its kin, or "-", "*", "–" before a space. */
const BULLET = /^(?:[•◦▪‣·]|[-*–](?=\s))\s*/;
const DEFAULT_TITLE = 'Imported journey';
const EMPTY_MESSAGE = 'nothing to import: the paste is empty';
const SHAPE_MESSAGE = 'need a row of stage names and at least one lane';

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A cell with its place in the sheet (0-based), whichever way the table is read. */
interface Cell {
  v: string;
  r: number;
  c: number;
}
const at = (x: { r: number; c: number }) => `row ${x.r + 1}, column ${columnName(x.c)}`;

export type Orientation = 'columns' | 'rows';

/** How a table was read, for the import message; `scales` keeps each emotion lane's sheet scale. */
export interface TableReading {
  orientation: Orientation;
  /** Where the stage names are: "row 3" (stages as columns) or "column A" (one stage per row). */
  stageNames: string;
  /** Where the title came from: "row 1" (a cell above the table), "row 3, column A" (the corner), or null. */
  titleFrom: string | null;
  /**
   * Emotion lanes by id: the sheet's title and scale, whether the title named it, the signs or
   * the values implied it, and whether the lane keeps it (else the scores were mapped onto −2…+2).
   */
  scales: Record<string, SheetScale>;
}

export interface SheetScale {
  title: string;
  scale: Scale;
  from: 'title' | 'signs' | 'values';
  kept: boolean;
}

export type TableResult = { ok: true; value: JourneyMap; reading: TableReading } | { ok: false; issues: MapIssue[] };

/** A bulleted cell is one card per bullet; any other, one card per line and per ";". Never split on commas. */
export function splitCards(cell: string): string[] {
  const lines = cell.split('\n');
  const bulleted = cell.includes('•') || lines.some((l) => BULLET.test(l.trim()));
  return (bulleted ? lines.flatMap((l) => l.split('•')) : lines.flatMap((l) => l.split(';')))
    .map((s) => s.trim().replace(BULLET, '').trim())
    .filter(Boolean);
}

/** Each stage's phase cell: empty continues the phase before it (merged cells), "-" ends it. */
function readPhases(cells: Cell[]): Array<Cell | undefined> {
  let current: Cell | undefined;
  return cells.map((x) => (current = x.v === '' ? current : NO_PHASE.test(x.v) ? undefined : x));
}

/** A score cell → number, note and whether it carries a sign; null when the cell does not start with a number. */
function readScore(cell: string): { value: number; note: string; signed: boolean } | null {
  const m = SCORE_CELL.exec(cell);
  if (!m) return null;
  const value = toNumber(m[1]);
  if (!Number.isFinite(value)) return null;
  let note = m[2].trim();
  // "4 (happy)": the brackets wrapped the note; "(" was already taken as the separator.
  if (/^[^()]*\)$/.test(note) && /\(\s*$/.test(cell.slice(0, cell.length - m[2].length)))
    note = note.slice(0, -1).trim();
  return { value, note, signed: /^[+\-−]/.test(m[1]) };
}

/** Which way a table (first line = header) holds its stages, from the words on each side. */
function orientationOf(grid: Cell[][]): Orientation {
  const header = grid[0].slice(1).map((x) => x.v);
  const side = grid.slice(1).map((line) => line[0].v);
  if (header.some((v) => STAGE_WORD.test(v))) return 'rows';
  if (side.some((v) => STAGE_WORD.test(v))) return 'columns';
  const hits = (vs: string[]) => vs.filter((v) => LANE_WORDS.test(v)).length;
  const h = hits(header);
  const s = hits(side);
  // A corner "Stage" heads the column of stage names as often as the row of them: it only breaks a tie.
  return h > s || (h === s && STAGE_WORD.test(grid[0][0].v)) ? 'rows' : 'columns';
}

export function parseTable(text: string, options: { title?: string } = {}): TableResult {
  if (!text.trim()) return { ok: false, issues: [{ path: '', message: EMPTY_MESSAGE }] };
  const { rows, problem } = readRows(text);
  if (problem) return { ok: false, issues: [{ path: at(problem), message: problem.message }] };
  const filled = (r: string[]) => r.filter(Boolean).length;
  const top = rows.findIndex((r) => filled(r) >= 2);
  if (top < 0) return { ok: false, issues: [{ path: '', message: SHAPE_MESSAGE }] };
  // The first lone cell above the table is its title; blank rows and further lone cells are skipped.
  const above = rows
    .slice(0, top)
    .map((r, i) => ({ v: r.find(Boolean) ?? '', r: i, c: r.findIndex(Boolean) }))
    .find((x) => x.v);
  const body = rows.slice(top);
  // Columns left of the table (empty in every row of it) are not part of it.
  const left = Math.min(...body.map((r) => r.findIndex(Boolean)).filter((i) => i >= 0));
  const width = Math.max(...body.map((r) => r.length)) - left;
  let grid: Cell[][] = body.map((r, i) =>
    Array.from({ length: width }, (_, j) => ({ v: r[left + j] ?? '', r: top + i, c: left + j })),
  );
  const orientation = orientationOf(grid);
  if (orientation === 'rows') grid = grid[0].map((_, j) => grid.map((line) => line[j]));
  const where = (x: Cell) => (orientation === 'columns' ? `row ${x.r + 1}` : `column ${columnName(x.c)}`);

  // The line of stage names: the first, or the one after a Phase line when it is headed "Stage" or nothing.
  let named = grid.findIndex((line) => !PHASE_TITLE.test(line[0].v));
  if (named < 0 || (named > 0 && grid[named][0].v && !STAGE_WORD.test(grid[named][0].v))) named = 0;
  const nameLine = grid[named];
  const stageAt: number[] = [];
  for (let j = 1; j < nameLine.length; j++) if (nameLine[j].v) stageAt.push(j);
  if (!stageAt.length)
    return { ok: false, issues: [{ path: where(nameLine[0]), message: 'stage names are missing after this cell' }] };
  const lines = grid.filter((line) => line !== nameLine && line.some((x) => x.v));
  if (!lines.length) return { ok: false, issues: [{ path: '', message: SHAPE_MESSAGE }] };

  const issues: MapIssue[] = [];
  // Content under no stage name would be lost silently: say where it is instead.
  for (const line of lines)
    line.forEach((x, j) => {
      if (j > 0 && x.v && !nameLine[j].v)
        issues.push({
          path: at(x),
          message: `this ${orientation === 'columns' ? 'column' : 'row'} has no stage name in ${where(nameLine[j])}`,
        });
    });
  const corner = grid[0][0];
  const titleCell = above ?? (named === 0 && corner.v && !NOT_A_TITLE.test(corner.v) ? corner : undefined);
  // A blank title option (e.g. a file name without letters) falls back rather than failing on "title".
  const title = options.title?.trim() || titleCell?.v || DEFAULT_TITLE;
  const phaseLines = lines.filter((line) => PHASE_TITLE.test(line[0].v));
  if (phaseLines.length > 1)
    return {
      ok: false,
      issues: [
        {
          path: at(phaseLines[1][0]),
          message: `a second "Phase" line (the first is ${where(phaseLines[0][0])}): keep one`,
        },
      ],
    };
  const phases = phaseLines.length ? readPhases(stageAt.map((j) => phaseLines[0][j])) : [];
  const stages = stageAt.map((j, i) =>
    phases[i] ? { name: nameLine[j].v, phase: phases[i]!.v } : { name: nameLine[j].v },
  );
  const draft = normaliseMap({ title, stages });
  if (!draft.ok) {
    const mapped = draft.issues.map((iss): MapIssue => {
      const m = /^stages\[(\d+)\](\.phase)?/.exec(iss.path);
      if (m)
        return { path: at((m[2] ? phases : stageAt.map((j) => nameLine[j]))[Number(m[1])]!), message: iss.message };
      if (iss.path === 'stages')
        return {
          path: where(nameLine[0]),
          message: iss.message.replace('stages', orientation === 'columns' ? 'stage columns' : 'stage rows'),
        };
      return iss.path === 'title' && titleCell ? { path: at(titleCell), message: iss.message } : iss;
    });
    return { ok: false, issues: mapped };
  }
  const ids = draft.value.stages.map((s) => s.id);

  // The sheet cells of each lane built, for error locations.
  const laneCells: Cell[][] = [];
  const found: Array<SheetScale | undefined> = [];
  const lanes = lines.flatMap((line): Array<Record<string, unknown>> => {
    if (phaseLines[0] === line) return [];
    laneCells.push(line);
    const laneTitle = line[0].v || where(line[0]).replace(/^\w/, (ch) => ch.toUpperCase());
    const values = stageAt.map((j) => line[j]);
    const full = values.map((x, i) => ({ x, i })).filter((y) => y.x.v);
    const scores = full.map((y) => readScore(y.x.v));
    const scored = scores.filter(Boolean).length;
    found.push(undefined);
    // "Line of visibility" with nothing under it: a service blueprint's line.
    if (DIVIDER_TITLE.test(laneTitle) && !full.length) return [{ title: laneTitle, kind: 'divider' }];
    // Numbers with units teams measure in ("18%", "3 min", "4.2 / 5"), or bare numbers under a
    // measure's title: a metric lane, before the emotion rule ("Satisfaction (CSAT)": 4.1 / 5).
    const metrics = full.map((y) => parseMetric(y.x.v));
    if (
      full.length &&
      metrics.every((m) => m && (m.unit === undefined || UNIT.test(m.unit))) &&
      (metrics.every((m) => m!.unit !== undefined) || METRIC_TITLE.test(laneTitle))
    ) {
      const cells: Record<string, { value: number; unit?: string }> = {};
      full.forEach(({ i }, k) => (cells[ids[i]] = metrics[k]!));
      return [{ title: laneTitle, kind: 'metric', cells }];
    }
    const given = scaleInTitle(laneTitle);
    const bracketed = given?.trailing === true;
    if (
      (bracketed && !full.length) ||
      ((bracketed || EMOTION_TITLE.test(laneTitle)) && scored && scored * 2 >= full.length)
    ) {
      // Most cells are scores, so the line means to be a curve: a cell that is not one is a mistake, not text.
      const nums = scores.flatMap((m) => (m ? [m.value] : []));
      const signed = scores.some((m) => m?.signed);
      const scale = given?.scale ?? inferScale(nums, signed);
      if (!scale) {
        issues.push({
          path: at(line[0]),
          message: `scores from ${Math.min(...nums)} to ${Math.max(...nums)} fit no usual scale: name it in the title, e.g. "${laneTitle} (0-100)"`,
        });
        return [];
      }
      const kept = formatHolds(scale);
      const from = given ? 'title' : signed ? 'signs' : 'values';
      found[found.length - 1] = { title: laneTitle, scale, from, kept };
      const cells: Record<string, { score: number; note?: string }> = {};
      full.forEach(({ x, i }, k) => {
        const m = scores[k];
        if (!m) return void issues.push({ path: at(x), message: 'expected a score (a number, then an optional note)' });
        if (!(m.value >= scale.min && m.value <= scale.max))
          return void issues.push({
            path: at(x),
            message: `score must be between ${scale.min} and ${scale.max}${given ? '' : `, or name the scale in the title, e.g. "${laneTitle} (-3..+3)"`}`,
          });
        const score = kept ? m.value : toDefaultScale(m.value, scale);
        cells[ids[i]] = m.note ? { score, note: m.note } : { score };
      });
      if (!kept) return [{ title: laneTitle, kind: 'emotion', cells }];
      const own = scale.min !== DEFAULT_SCALE.min || scale.max !== DEFAULT_SCALE.max || scale.low;
      return [{ title: (kept && given?.rest) || laneTitle, kind: 'emotion', ...(own ? { scale } : {}), cells }];
    }
    if (CARDS_TITLE.test(laneTitle) || (full.length && full.every((y) => BULLET.test(y.x.v)))) {
      const tone = /pain|frustrat/i.test(laneTitle)
        ? 'negative'
        : /opportunit|idea/i.test(laneTitle)
          ? 'idea'
          : 'neutral';
      const cells: Record<string, Card[]> = {};
      for (const { x, i } of full) cells[ids[i]] = splitCards(x.v).map(textToLink);
      return [{ title: laneTitle, kind: 'cards', tone, cells }];
    }
    const cells: Record<string, TextCell> = {};
    for (const { x, i } of full) cells[ids[i]] = textToLink(x.v);
    return [{ title: laneTitle, kind: 'text', cells }];
  });
  if (issues.length) return { ok: false, issues };
  const result = normaliseMap({ title: draft.value.title, stages: draft.value.stages, lanes });
  if (!result.ok)
    return {
      ok: false,
      issues: result.issues.map((iss) =>
        laneIssue(iss, laneCells, ids, stageAt, orientation === 'columns' ? 'lane rows' : 'lane columns'),
      ),
    };
  const scales: TableReading['scales'] = {};
  result.value.lanes.forEach((l, k) => {
    if (found[k]) scales[l.id] = found[k]!;
  });
  return {
    ok: true,
    value: result.value,
    reading: {
      orientation,
      stageNames: where(nameLine[0]),
      titleFrom: options.title?.trim()
        ? null
        : titleCell
          ? titleCell === above
            ? `row ${titleCell.r + 1}`
            : at(titleCell)
          : null,
      scales,
    },
  };
}

/** `lanes[0].cells.search[3]` → that sheet cell; `lanes[0].title` → the lane's title cell. */
function laneIssue(iss: MapIssue, laneCells: Cell[][], ids: string[], stageAt: number[], what: string): MapIssue {
  const m = /^lanes\[(\d+)\](.*)$/.exec(iss.path);
  if (!m) return iss.path === 'lanes' ? { path: '', message: iss.message.replace('lanes', what) } : iss;
  const line = laneCells[Number(m[1])];
  if (m[2] === '.title') return { path: at(line[0]), message: iss.message };
  const i = ids.findIndex((id) => {
    const cell = `.${formatPath(['cells', id])}`;
    return m[2] === cell || m[2].startsWith(`${cell}[`) || m[2].startsWith(`${cell}.`);
  });
  return { path: i >= 0 ? at(line[stageAt[i]]) : at(line[0]), message: iss.message };
}

/**
 * The map as a table to paste into a spreadsheet; parseTable reads it back.
 *  - `orientation: 'columns'` (default): the first row is the title (corner) and the stage names,
 *    then one row per lane. 'rows': the title alone in the first row, then a header row
 *    ("Stage", "Phase", lane titles) and one row per stage.
 *  - A Phase line follows the stage names when some stage has a phase ("–" for a stage without one).
 *  - Cards are one "• card" line each (the bullet keeps a card holding ";" whole, and marks a cards
 *    lane whose title says nothing).
 *  - Emotion cells are "score note" on the lane's scale (the chart's it is drawn on), which its
 *    title then names: "(1-5)" is added when it does not, or has no emotion word ("Curve (-2..+2)");
 *    on −2…+2 a positive score has its sign ("+1"), which tells the importer the scale.
 * Kinds come back by the rules above, so a lane keeps its kind unless its title or content says
 * otherwise: a text lane whose every cell starts with a bullet returns as cards, a card holding
 * "•" or a line break as several cards, an empty lane as text; a lane titled "Phase" is read as
 * phases. A title ending in its own scale ("Mood (1-5)" on 1–5) comes back without it. Personas,
 * charts shared by curves and line styles are not in a table.
 * One stage per row is read back as such when the lane titles hold more lane words than the
 * stage names do.
 */
export function toTable(
  map: JourneyMap,
  options: { delimiter?: '\t' | ',' | ';'; orientation?: Orientation } = {},
): string {
  const { delimiter = '\t', orientation = 'columns' } = options;
  const rowsOut = orientation === 'rows';
  const lines: string[][] = [[rowsOut ? 'Stage' : map.title, ...map.stages.map((s) => s.name)]];
  if (map.stages.some((s) => s.phase !== undefined)) lines.push(['Phase', ...map.stages.map((s) => s.phase ?? '–')]);
  const scaleOf = (lane: Lane): Scale => {
    if (lane.kind !== 'emotion') return DEFAULT_SCALE;
    const host = lane.overlay ? map.lanes.find((l) => l.id === lane.overlay) : undefined;
    return (host?.kind === 'emotion' && host.scale) || lane.scale || DEFAULT_SCALE;
  };
  for (const lane of map.lanes) {
    const scale = scaleOf(lane);
    lines.push([
      lane.kind === 'emotion' ? titleWithScale(lane.title, scale, !EMOTION_TITLE.test(lane.title)) : lane.title,
      ...map.stages.map((s) => {
        if (lane.kind === 'text') {
          const t = lane.cells[s.id];
          return t === undefined ? '' : linkToText(t);
        }
        if (lane.kind === 'cards') return (lane.cells[s.id] ?? []).map((card) => `• ${linkToText(card)}`).join('\n');
        if (lane.kind === 'divider') return '';
        if (lane.kind === 'metric') {
          const m = lane.cells[s.id];
          return m ? formatMetric(m) : '';
        }
        const c = lane.cells[s.id];
        if (!c) return '';
        const score = scale.min < 0 && c.score > 0 ? `+${c.score}` : `${c.score}`;
        // A note starting with "(", ";", ":", "," or "-" would lose that character as a separator: ":" keeps it.
        // A note that reads as a unit ("4 min") would make the line a metric on the way back: ":" too.
        const colon = /^[(;:,–-]/.test(c.note ?? '') || UNIT.test((c.note ?? '').trim());
        return c.note ? `${score}${colon ? ': ' : ' '}${c.note}` : score;
      }),
    ]);
  }
  const out = rowsOut ? [[map.title], ...lines[0].map((_, j) => lines.map((line) => line[j]))] : lines;
  return writeRows(out, delimiter);
}

/**
 * Lanes a table cannot bring back as what they are: a divider is known by its title ("Line of …")
 * and a metric by its units or its title, so others come back as text (formats/losses.ts says so).
 */
export function kindsLostInTable(map: JourneyMap): string[] {
  const out: string[] = [];
  const dividers = map.lanes.filter((l) => l.kind === 'divider' && !DIVIDER_TITLE.test(l.title)).length;
  if (dividers)
    out.push(`${dividers} divider line${dividers === 1 ? '' : 's'} not titled "Line of …" (read back as text)`);
  const metrics = map.lanes.filter(
    (l) =>
      l.kind === 'metric' &&
      !METRIC_TITLE.test(l.title) &&
      !Object.values(l.cells).every((c) => c.unit !== undefined && UNIT.test(c.unit)),
  ).length;
  if (metrics)
    out.push(
      `${metrics} metric lane${metrics === 1 ? '' : 's'} without units or a measure in the title (read back as text)`,
    );
  return out;
}
