import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMermaidJourney, toMermaidJourney } from '../../src/formats';
import type { JourneyMap } from '../../src/model';

const DOCS_EXAMPLE = `journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me, Cat
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
`;

function ok(text: string): JourneyMap {
  const r = parseMermaidJourney(text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('Mermaid journey import', () => {
  it("reads Mermaid's documentation example", () => {
    const map = ok(DOCS_EXAMPLE);
    expect(map.title).toBe('My working day');
    expect(map.stages.map((s) => [s.name, s.phase])).toEqual([
      ['Make tea', 'Go to work'],
      ['Go upstairs', 'Go to work'],
      ['Do work', 'Go to work'],
      ['Go downstairs', 'Go home'],
      ['Sit down', 'Go home'],
    ]);
    const emotions = map.lanes.find((l) => l.kind === 'emotion')!;
    expect(map.stages.map((s) => (emotions.cells as Record<string, { score: number }>)[s.id].score)).toEqual([2, 0, -2, 2, 2]);
    const actors = map.lanes.find((l) => l.title === 'Actors')!;
    expect(actors.kind).toBe('cards');
    expect((actors.cells as Record<string, string[]>)[map.stages[1].id]).toEqual(['Me', 'Cat']);
  });

  it('accepts comments, blank lines, odd indentation, accessibility lines and tasks without actors', () => {
    const map = ok('%% a comment\n\njourney\naccTitle: x\n  title  T \n section S\nTask one: 4\n      Task two:2:Ann %% trailing\n');
    expect(map.title).toBe('T');
    expect(map.stages.map((s) => s.name)).toEqual(['Task one', 'Task two']);
    expect(map.lanes.find((l) => l.title === 'Actors')!.cells).toEqual({ [map.stages[1].id]: ['Ann'] });
  });

  it('gives located errors', () => {
    expect(parseMermaidJourney('title x\njourney')).toEqual({ ok: false, issues: [{ path: 'line 1', message: 'a Mermaid journey starts with the word "journey"' }] });
    const bad = parseMermaidJourney('journey\n  title T\n  section S\n    no score here\n    Task: 9: Me\n    Fine: 3\n');
    expect(bad).toEqual({
      ok: false,
      issues: [
        { path: 'line 4', message: 'expected "task: score: actors"' },
        { path: 'line 5', message: 'score must be a whole number from 1 to 5' },
      ],
    });
    const empty = parseMermaidJourney('journey\n title Nothing\n');
    expect(empty.ok).toBe(false);
    expect(!empty.ok && empty.issues[0].message).toMatch(/no tasks/);
  });

  it('exports scores, sections and actors, and says when a score is missing', () => {
    const map = ok(DOCS_EXAMPLE);
    const text = toMermaidJourney(map);
    expect(text).toContain('  section Go to work\n    Make tea: 5: Me\n');
    const noScore = { ...map, lanes: map.lanes.filter((l) => l.kind !== 'emotion') } as JourneyMap;
    expect(toMermaidJourney(noScore)).toMatch(/%% "Make tea" has no emotion score: written as 3 \(neutral\)\n    Make tea: 3: Me/);
  });

  it('escapes characters Mermaid would read as syntax', () => {
    const map = ok('journey\n title T\n section S\n  Go: 3\n');
    map.stages[0].name = 'Pay: card; #1';
    const back = ok(toMermaidJourney(map));
    expect(back.stages[0].name).toBe('Pay∶ card； ＃1');
  });

  it('round-trips: Mermaid → map → Mermaid keeps every task, section and score', () => {
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,14}[A-Za-z]$/);
    const arbJourney = fc.record({
      title: word,
      sections: fc.array(
        fc.record({ name: word, tasks: fc.array(fc.record({ name: word, score: fc.integer({ min: 1, max: 5 }), actors: fc.uniqueArray(word, { maxLength: 3 }) }), { minLength: 1, maxLength: 4 }) }),
        { minLength: 1, maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(arbJourney, (j) => {
        const text = ['journey', `  title ${j.title}`, ...j.sections.flatMap((s) => [`  section ${s.name}`, ...s.tasks.map((t) => `    ${t.name}: ${t.score}${t.actors.length ? `: ${t.actors.join(', ')}` : ''}`)])].join('\n');
        const once = toMermaidJourney(ok(text));
        const twice = toMermaidJourney(ok(once));
        expect(twice).toBe(once);
        const map = ok(once);
        const tasks = j.sections.flatMap((s) => s.tasks.map((t) => ({ ...t, section: s.name })));
        expect(map.stages.map((s) => s.name)).toEqual(tasks.map((t) => t.name.trim()));
        expect(map.stages.map((s) => s.phase)).toEqual(tasks.map((t) => t.section.trim()));
        const emo = map.lanes.find((l) => l.kind === 'emotion')!.cells as Record<string, { score: number }>;
        expect(map.stages.map((s) => emo[s.id].score + 3)).toEqual(tasks.map((t) => t.score));
      }),
      { numRuns: 150 },
    );
  });
});
