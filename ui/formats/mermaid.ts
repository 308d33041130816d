/**
 * Mermaid `journey` diagrams, a text format many teams already write:
 *
 *   journey
 *     title My working day
 *     section Go to work
 *       Make tea: 5: Me
 *       Go upstairs: 3: Me, Cat
 *
 * Import: sections → stage phases, tasks → stages (tasks before any section
 * get no phase), scores 1…5 → emotion scores -2…+2 (score − 3) in an
 * "Emotions" lane, actors → one card each in an "Actors" cards lane (tone
 * neutral, only when some task has actors). Read like Mermaid reads it
 * (its journey.jison): keywords in any case, `%%` and `#` start comments,
 * entity codes (`#58;`, `#quot;`) are characters, accTitle/accDescr are skipped; beyond Mermaid, a surrounding
 * ```mermaid fence and YAML front matter (whose `title:` is used) are skipped.
 *
 * Export: the reverse, from the FIRST emotion lane (round(score) + 3, kept in
 * 1…5; a stage without a score is written as 3 after a `%%` comment saying
 * so) and the first cards lane titled "Actors" (Mermaid allows tasks without
 * actors, so none are invented). Mermaid puts every task in a section, so a
 * stage without a phase goes in a section named "Journey".
 * Mermaid reads some characters as syntax, so export swaps them for
 * look-alikes, which import keeps as they are (round trips are stable):
 *  - ":" → "∶" in task, section and actor names (the title may keep ":");
 *  - "#" → "＃", ";" → "；", "%%" → "%％" everywhere; "," → "，" in actors;
 *  - line breaks → spaces;
 *  - a task name starting with a keyword ("Title search", "Journey map",
 *    "section 2") is wrapped in “…”, which import removes again.
 */
import { formatPath, normaliseMap, type JourneyMap, type MapIssue, type Result } from '../../src/model';

const DEFAULT_TITLE = 'Imported journey';
const TASK_FORMAT = 'expected "task: score: actors"';

/** Line starts Mermaid's lexer reads as a statement rather than a task name (it is case-insensitive). */
const KEYWORD_START = /^(journey|title\s|section\s|acctitle\s*:|accdescr\s*[:{])/i;
/** Whether export wraps a task name in “…”: it starts with a keyword, or is such a wrapped name already (so import's unwrapping gives it back). */
const needsQuotes = (name: string): boolean =>
  KEYWORD_START.test(name) || (/^“[\s\S]*”$/.test(name) && needsQuotes(name.slice(1, -1)));

interface Task {
  name: string;
  score: number;
  actors: string[];
  section?: string;
  line: number;
  sectionLine?: number;
}

const issue = (line: number | null, message: string): MapIssue => ({
  path: line === null ? '' : `line ${line}`,
  message,
});

/**
 * Lines with markdown fences and YAML front matter blanked (so line numbers
 * still match the pasted text), plus the front matter's title if any.
 */
function stripWrappers(lines: string[]): { lines: string[]; frontTitle?: string } {
  const out = [...lines];
  let frontTitle: string | undefined;
  let i = out.findIndex((l) => l.trim() !== '');
  if (i >= 0 && /^```\s*mermaid\s*$/i.test(out[i].trim())) {
    out[i] = '';
    const close = out.findIndex((l, k) => k > i && l.trim() === '```');
    if (close >= 0) out.fill('', close);
    i = out.findIndex((l) => l.trim() !== '');
  }
  if (i >= 0 && out[i].trim() === '---') {
    const close = out.findIndex((l, k) => k > i && l.trim() === '---');
    if (close >= 0) {
      for (let k = i; k <= close; k++) {
        const t = /^title:\s*(.*?)\s*$/.exec(out[k].trim());
        if (t && t[1]) frontTitle = t[1].replace(/^(["'])(.*)\1$/, '$2');
        out[k] = '';
      }
    }
  }
  return { lines: out, frontTitle };
}

/** The first line that is neither blank nor a comment, after fences and front matter: what detectFormat looks at. */
export function firstMermaidLine(text: string): string {
  const { lines } = stripWrappers(text.replace(/\r\n?/g, '\n').split('\n'));
  return lines.map((l) => l.replace(/%%.*$/, '').trim()).find(Boolean) ?? '';
}

const NAMED_ENTITIES: Record<string, string> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: ' ',
  colon: ':',
  num: '#',
  semi: ';',
};
const ENTITY = /#(\d+|[A-Za-z]+);/g;
// Private-use characters stand for "#…;" while the line is split on ":" and "," (never typed by people).
const hideEntities = (s: string) => s.replace(ENTITY, (_, code: string) => `\uE000${code}\uE001`);
const decodeEntities = (s: string) =>
  s.replace(/\uE000(\w+)\uE001/g, (_, code: string) => {
    const n = /^\d+$/.test(code) ? Number(code) : NaN;
    if (n > 0 && n <= 0x10ffff) return String.fromCodePoint(n);
    return NAMED_ENTITIES[code.toLowerCase()] ?? `#${code};`;
  });

export function parseMermaidJourney(text: string): Result<JourneyMap> {
  const { lines, frontTitle } = stripWrappers(text.replace(/\r\n?/g, '\n').split('\n'));
  let title = frontTitle ?? DEFAULT_TITLE;
  let titleLine: number | null = null;
  let section: string | undefined;
  let sectionLine: number | undefined;
  let sawHeader = false;
  let inAccDescr = false;
  const tasks: Task[] = [];
  const issues: MapIssue[] = [];
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    if (inAccDescr) {
      // accDescr { … } may span lines; its text is a description, not tasks.
      if (lines[i].includes('}')) inAccDescr = false;
      continue;
    }
    const raw = lines[i].replace(/%%.*$/, '');
    // Mermaid's entity codes (#58; for ":") are text, not comments: hold them aside until the line is split.
    const line = hideEntities(raw).replace(/#.*$/, '').trim();
    if (!line) continue;
    if (!sawHeader) {
      if (!/^journey\b/i.test(line))
        return { ok: false, issues: [issue(n, 'a Mermaid journey starts with the word "journey"')] };
      sawHeader = true;
      continue;
    }
    if (/^accDescr\s*\{/i.test(line)) {
      inAccDescr = !line.includes('}');
      continue;
    }
    if (/^acc(Title|Descr)\s*:/i.test(line)) continue;
    const t = /^title\s+(.*)$/i.exec(line);
    if (t) {
      title = decodeEntities(t[1].trim()) || title;
      titleLine = n;
      continue;
    }
    const s = /^section\s+(.*)$/i.exec(line);
    if (s) {
      section = decodeEntities(s[1].trim()) || undefined;
      sectionLine = n;
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!name) {
      const hint = raw.includes('#') ? ' (Mermaid reads everything after "#" as a comment)' : '';
      issues.push(issue(n, TASK_FORMAT + hint));
      continue;
    }
    // Mermaid splits the data after the name on ":" into score and actors; a third part is ignored there too.
    const [scoreText, actorText = ''] = line.slice(colon + 1).split(':');
    if (!/^[1-5]$/.test(scoreText.trim())) {
      issues.push(issue(n, 'score must be a whole number from 1 to 5'));
      continue;
    }
    const actors = actorText
      .split(',')
      .map((a) => decodeEntities(a.trim()))
      .filter(Boolean);
    // Undo the export's quoting of keyword-like names (see the header comment).
    const inner = name.slice(1, -1);
    const taskName = /^“[\s\S]*”$/.test(name) && needsQuotes(inner) ? inner : name;
    tasks.push({ name: decodeEntities(taskName), score: Number(scoreText), actors, section, line: n, sectionLine });
  }
  if (!sawHeader) return { ok: false, issues: [issue(1, 'a Mermaid journey starts with the word "journey"')] };
  if (issues.length) return { ok: false, issues };
  if (!tasks.length)
    return {
      ok: false,
      issues: [issue(null, 'the journey has no tasks: add lines like "Make tea: 5: Me" after "journey"')],
    };

  const stages = tasks.map((t) => (t.section ? { name: t.name, phase: t.section } : { name: t.name }));
  // A first pass gives the stage ids the normaliser chooses, so cells can be keyed by them.
  const draft = normaliseMap({ title, stages });
  if (!draft.ok) return { ok: false, issues: draft.issues.map((i) => relocate(i, tasks, [], titleLine)) };
  const ids = draft.value.stages.map((s) => s.id);
  const emotions: Record<string, { score: number }> = {};
  const actors: Record<string, string[]> = {};
  tasks.forEach((t, i) => {
    emotions[ids[i]] = { score: t.score - 3 };
    if (t.actors.length) actors[ids[i]] = t.actors;
  });
  const lanes: unknown[] = [{ id: 'emotions', title: 'Emotions', kind: 'emotion', cells: emotions }];
  if (Object.keys(actors).length)
    lanes.push({ id: 'actors', title: 'Actors', kind: 'cards', tone: 'neutral', cells: actors });
  const result = normaliseMap({ title, stages: draft.value.stages, lanes });
  return result.ok ? result : { ok: false, issues: result.issues.map((i) => relocate(i, tasks, ids, titleLine)) };
}

/** A map-schema issue (`stages[3].name`, `lanes[1].cells.pay[0]`) → the diagram line it came from. */
function relocate(iss: MapIssue, tasks: Task[], ids: string[], titleLine: number | null): MapIssue {
  if (iss.path === 'title')
    return { path: titleLine === null ? '' : `line ${titleLine}`, message: `title: ${iss.message}` };
  if (iss.path === 'stages') return { path: '', message: iss.message.replace('stages', 'tasks') };
  const stage = /^stages\[(\d+)\]\.(name|phase)$/.exec(iss.path);
  if (stage) {
    const task = tasks[Number(stage[1])];
    const line = stage[2] === 'phase' ? (task.sectionLine ?? task.line) : task.line;
    return { path: `line ${line}`, message: `${stage[2] === 'phase' ? 'section' : 'task'} name: ${iss.message}` };
  }
  const inCell = (id: string) => {
    const at = formatPath(['lanes', 1, 'cells', id]);
    return iss.path === at || iss.path.startsWith(`${at}[`);
  };
  const lane = ids.findIndex(inCell);
  if (lane >= 0) return { path: `line ${tasks[lane].line}`, message: `actors: ${iss.message}` };
  return iss;
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();
/** Characters Mermaid reads as comments or statement ends, swapped for look-alikes. */
const escapeText = (s: string) => oneLine(s).replace(/#/g, '＃').replace(/;/g, '；').replace(/%%/g, '%％');
/** Names also may not hold ":", Mermaid's field separator. */
const escapeName = (s: string) => escapeText(s).replace(/:/g, '∶');
const escapeTask = (s: string) => {
  const name = escapeName(s);
  return needsQuotes(name) ? `“${name}”` : name;
};

export function toMermaidJourney(map: JourneyMap): string {
  const emotion = map.lanes.find((l) => l.kind === 'emotion');
  const actorsLane = map.lanes.find((l) => l.kind === 'cards' && l.title.trim().toLowerCase() === 'actors');
  const out = ['journey', `  title ${escapeText(map.title)}`];
  let section: string | null = null;
  for (const stage of map.stages) {
    const name = stage.phase ?? 'Journey';
    if (name !== section) {
      out.push(`  section ${escapeName(name)}`);
      section = name;
    }
    const task = escapeTask(stage.name);
    const cell = emotion?.kind === 'emotion' ? emotion.cells[stage.id] : undefined;
    // Mermaid scores run 1–5: the lane's own scale (−2..+2 unless it says otherwise) maps onto them.
    const scale = emotion?.kind === 'emotion' ? (emotion.scale ?? { min: -2, max: 2 }) : { min: -2, max: 2 };
    const score = cell
      ? Math.min(5, Math.max(1, Math.round(1 + ((cell.score - scale.min) / (scale.max - scale.min)) * 4)))
      : 3;
    if (!cell) out.push(`    %% "${task}" has no emotion score: written as 3 (neutral)`);
    const actors =
      actorsLane?.kind === 'cards'
        ? (actorsLane.cells[stage.id] ?? []).map((a) =>
            escapeName(typeof a === 'string' ? a : a.text).replace(/,/g, '，'),
          )
        : [];
    out.push(`    ${task}: ${score}${actors.length ? `: ${actors.join(', ')}` : ''}`);
  }
  return out.join('\n') + '\n';
}
