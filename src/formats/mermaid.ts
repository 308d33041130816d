/**
 * Mermaid `journey` diagrams, a text format many teams already write:
 *
 *   journey
 *     title My working day
 *     section Go to work
 *       Make tea: 5: Me
 *       Go upstairs: 3: Me, Cat
 *
 * Import: sections → stage phases, tasks → stages, scores 1…5 → emotion
 * scores -2…+2 (score − 3) in an "Emotions" lane, actors → one card each in an
 * "Actors" cards lane. Export does the reverse from the first emotion lane and
 * the first cards lane titled "Actors". Mermaid reads ":" as a separator and
 * "#"/";" as syntax, so in exported task and section names they become "∶",
 * "＃" and "；" (look-alike characters), which import keeps as they are.
 */
import { normaliseMap, type JourneyMap, type MapIssue, type Result } from '../model';

const fail = (line: number, message: string): Result<JourneyMap> => ({ ok: false, issues: [{ path: `line ${line}`, message }] });

interface Task {
  name: string;
  section?: string;
  score: number;
  actors: string[];
}

export function parseMermaidJourney(text: string): Result<JourneyMap> {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let title = 'Imported journey';
  let section: string | undefined;
  let sawHeader = false;
  const tasks: Task[] = [];
  const issues: MapIssue[] = [];
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const line = lines[i].replace(/%%.*$/, '').trim();
    if (!line) continue;
    if (!sawHeader) {
      if (!/^journey\b/.test(line)) return fail(n, 'a Mermaid journey starts with the word "journey"');
      sawHeader = true;
      continue;
    }
    if (/^acc(Title|Descr)\b/.test(line)) continue;
    const t = /^title\s+(.*)$/.exec(line);
    if (t) {
      title = t[1].trim() || title;
      continue;
    }
    const s = /^section\s+(.*)$/.exec(line);
    if (s) {
      section = s[1].trim() || undefined;
      continue;
    }
    const parts = line.split(':');
    if (parts.length < 2 || !parts[0].trim()) {
      issues.push({ path: `line ${n}`, message: 'expected "task: score: actors"' });
      continue;
    }
    const scoreText = parts[1].trim();
    if (!/^[1-5]$/.test(scoreText)) {
      issues.push({ path: `line ${n}`, message: 'score must be a whole number from 1 to 5' });
      continue;
    }
    const actors = parts
      .slice(2)
      .join(':')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    tasks.push({ name: parts[0].trim(), section, score: Number(scoreText), actors });
  }
  if (!sawHeader) return fail(1, 'a Mermaid journey starts with the word "journey"');
  if (issues.length) return { ok: false, issues };
  if (!tasks.length) return fail(lines.length, 'the journey has no tasks ("task: score: actors" lines)');

  const stages = tasks.map((t) => (t.section ? { name: t.name, phase: t.section } : { name: t.name }));
  // Ids the normaliser will give, so cells can be keyed before it runs.
  const draft = normaliseMap({ title, stages });
  if (!draft.ok) return draft;
  const ids = draft.value.stages.map((s) => s.id);
  const emotions: Record<string, { score: number }> = {};
  const actors: Record<string, string[]> = {};
  tasks.forEach((t, i) => {
    emotions[ids[i]] = { score: t.score - 3 };
    if (t.actors.length) actors[ids[i]] = t.actors;
  });
  const lanes: unknown[] = [{ id: 'emotions', title: 'Emotions', kind: 'emotion', cells: emotions }];
  if (Object.keys(actors).length) lanes.push({ id: 'actors', title: 'Actors', kind: 'cards', tone: 'neutral', cells: actors });
  return normaliseMap({ title, stages: draft.value.stages, lanes });
}

/** Characters Mermaid would read as syntax, swapped for look-alikes. */
const escapeName = (s: string) => s.replace(/:/g, '∶').replace(/#/g, '＃').replace(/;/g, '；').replace(/\s*\n\s*/g, ' ').trim();

export function toMermaidJourney(map: JourneyMap): string {
  const emotion = map.lanes.find((l) => l.kind === 'emotion');
  const actorsLane = map.lanes.find((l) => l.kind === 'cards' && l.title.trim().toLowerCase() === 'actors');
  const out = ['journey', `  title ${escapeName(map.title)}`];
  let section: string | null = null;
  for (const stage of map.stages) {
    // Stages before any phase go under "Journey": Mermaid puts every task in a section.
    const name = stage.phase ?? 'Journey';
    if (name !== section) {
      out.push(`  section ${escapeName(name)}`);
      section = name;
    }
    const cell = emotion?.kind === 'emotion' ? emotion.cells[stage.id] : undefined;
    const score = cell ? Math.min(5, Math.max(1, Math.round(cell.score) + 3)) : 3;
    if (!cell) out.push(`    %% "${escapeName(stage.name)}" has no emotion score: written as 3 (neutral)`);
    const actors = actorsLane?.kind === 'cards' ? (actorsLane.cells[stage.id] ?? []).map((a) => escapeName(a).replace(/,/g, ' ')) : [];
    out.push(`    ${escapeName(stage.name)}: ${score}${actors.length ? `: ${actors.join(', ')}` : ''}`);
  }
  return out.join('\n') + '\n';
}
