import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMermaidJourney, toMermaidJourney } from '../../ui/formats';
import { normaliseMap, type JourneyMap } from '../../src/model';
import { ok } from '../support/maps';

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

describe('Mermaid journey import', () => {
  it("reads Mermaid's documentation example", () => {
    const map = ok(parseMermaidJourney(DOCS_EXAMPLE));
    expect(map.title).toBe('My working day');
    expect(map.stages.map((s) => [s.name, s.phase])).toEqual([
      ['Make tea', 'Go to work'],
      ['Go upstairs', 'Go to work'],
      ['Do work', 'Go to work'],
      ['Go downstairs', 'Go home'],
      ['Sit down', 'Go home'],
    ]);
    const emotions = map.lanes.find((l) => l.kind === 'emotion')!;
    expect(map.stages.map((s) => (emotions.cells as Record<string, { score: number }>)[s.id].score)).toEqual([
      2, 0, -2, 2, 2,
    ]);
    const actors = map.lanes.find((l) => l.title === 'Actors')!;
    expect(actors.kind).toBe('cards');
    expect((actors.cells as Record<string, string[]>)[map.stages[1].id]).toEqual(['Me', 'Cat']);
  });

  it('accepts comments, blank lines, odd indentation, accessibility lines and tasks without actors', () => {
    const map = ok(
      parseMermaidJourney(
        '%% a comment\n\njourney\naccTitle: x\n  title  T \n section S\nTask one: 4\n      Task two:2:Ann %% trailing\n',
      ),
    );
    expect(map.title).toBe('T');
    expect(map.stages.map((s) => s.name)).toEqual(['Task one', 'Task two']);
    expect(map.lanes.find((l) => l.title === 'Actors')!.cells).toEqual({ [map.stages[1].id]: ['Ann'] });
  });

  it('gives located errors', () => {
    expect(parseMermaidJourney('title x\njourney')).toEqual({
      ok: false,
      issues: [{ path: 'line 1', message: 'a Mermaid journey starts with the word "journey"' }],
    });
    const bad = parseMermaidJourney(
      'journey\n  title T\n  section S\n    no score here\n    Task: 9: Me\n    Fine: 3\n',
    );
    expect(bad).toEqual({
      ok: false,
      issues: [
        { path: 'line 4', message: 'expected "task: score: actors"' },
        { path: 'line 5', message: 'score must be a whole number from 1 to 5' },
      ],
    });
    const empty = parseMermaidJourney('journey\n title Nothing\n');
    expect(empty.ok).toBe(false);
    expect(!empty.ok && empty.issues).toEqual([
      { path: '', message: 'the journey has no tasks: add lines like "Make tea: 5: Me" after "journey"' },
    ]);
    expect(parseMermaidJourney('journey\n  Step #1: 3\n')).toEqual({
      ok: false,
      issues: [
        { path: 'line 2', message: 'expected "task: score: actors" (Mermaid reads everything after "#" as a comment)' },
      ],
    });
    expect(parseMermaidJourney('journey\n  Pay: 3.5\n  Wait: 0: Me\n')).toEqual({
      ok: false,
      issues: [
        { path: 'line 2', message: 'score must be a whole number from 1 to 5' },
        { path: 'line 3', message: 'score must be a whole number from 1 to 5' },
      ],
    });
  });

  it('locates limits of the map format on the diagram line', () => {
    expect(parseMermaidJourney(`journey\n title T\n section S\n  Ok: 3\n  ${'x'.repeat(121)}: 3\n`)).toEqual({
      ok: false,
      issues: [{ path: 'line 5', message: 'task name: at most 120 characters' }],
    });
    expect(parseMermaidJourney(`journey\n section ${'P'.repeat(121)}\n  Ok: 3\n`)).toEqual({
      ok: false,
      issues: [{ path: 'line 2', message: 'section name: at most 120 characters' }],
    });
    const actors = Array.from({ length: 13 }, (_, i) => `A${i}`).join(', ');
    expect(parseMermaidJourney(`journey\n  Pay: 3\n  Pay: 4: ${actors}\n`)).toEqual({
      ok: false,
      issues: [{ path: 'line 3', message: 'actors: at most 12 cards per cell' }],
    });
    const many = parseMermaidJourney(`journey\n${Array.from({ length: 41 }, (_, i) => `  T${i}: 3`).join('\n')}`);
    expect(many).toEqual({ ok: false, issues: [{ path: '', message: 'at most 40 tasks' }] });
  });

  it('reads what Mermaid reads: any-case keywords, # comments, entity codes, multi-line accDescr, fences and front matter', () => {
    const map = ok(
      parseMermaidJourney(
        [
          '```mermaid',
          '---',
          'title: "From front matter"',
          '---',
          'Journey',
          '  accDescr {',
          '    Make tea: 9: not a task',
          '  }',
          '  accTitle: Day',
          '  SECTION Morning # a comment',
          '    Ratio #58; 1#59;2: 4: Me #35;1, You # trailing comment',
          '```',
        ].join('\n'),
      ),
    );
    expect(map.title).toBe('From front matter');
    expect(map.stages).toEqual([{ id: expect.any(String), name: 'Ratio : 1;2', phase: 'Morning' }]);
    expect(Object.values(map.lanes[1].cells)).toEqual([['Me #1', 'You']]);
    expect(ok(parseMermaidJourney('journey\n TITLE Day: one\n Go: 2')).title).toBe('Day: one');
  });

  it('tasks before any section have no phase, and export puts them in a "Journey" section', () => {
    const map = ok(parseMermaidJourney('journey\n  Wake up: 2\n  section Work\n  Email: 1\n'));
    expect(map.stages.map((s) => s.phase)).toEqual([undefined, 'Work']);
    expect(toMermaidJourney(map)).toBe(
      'journey\n  title Imported journey\n  section Journey\n    Wake up: 2\n  section Work\n    Email: 1\n',
    );
  });

  it('exports scores, sections and actors, and says when a score is missing', () => {
    const map = ok(parseMermaidJourney(DOCS_EXAMPLE));
    const text = toMermaidJourney(map);
    expect(text).toContain('  section Go to work\n    Make tea: 5: Me\n');
    const noScore = { ...map, lanes: map.lanes.filter((l) => l.kind !== 'emotion') } as JourneyMap;
    expect(toMermaidJourney(noScore)).toMatch(
      /%% "Make tea" has no emotion score: written as 3 \(neutral\)\n {4}Make tea: 3: Me/,
    );
  });

  it('escapes characters Mermaid would read as syntax', () => {
    const map = ok(parseMermaidJourney('journey\n title T\n section S\n  Go: 3: Me\n'));
    map.title = 'Day: one; #2';
    map.stages[0].name = 'Pay: card; #1 %% now';
    map.stages[0].phase = 'A: b';
    (map.lanes[1].cells as Record<string, string[]>)[map.stages[0].id] = ['Ann, Bob: x'];
    const text = toMermaidJourney(map);
    expect(text).toBe(
      'journey\n  title Day: one； ＃2\n  section A∶ b\n    Pay∶ card； ＃1 %％ now: 3: Ann， Bob∶ x\n',
    );
    const back = ok(parseMermaidJourney(text));
    expect(back.title).toBe('Day: one； ＃2');
    expect(back.stages[0]).toMatchObject({ name: 'Pay∶ card； ＃1 %％ now', phase: 'A∶ b' });
    expect(Object.values(back.lanes[1].cells)).toEqual([['Ann， Bob∶ x']]);
  });

  it('quotes task names Mermaid would read as keywords, and import unquotes them', () => {
    const map = ok(parseMermaidJourney('journey\n  Go: 3\n'));
    const names = ['Title search', 'section 2 review', 'Journey planning', 'journey', 'accDescr {x}', 'Titles'];
    const many = { ...map, stages: names.map((name, i) => ({ id: `s${i}`, name })), lanes: [] } as JourneyMap;
    const text = toMermaidJourney(many);
    expect(text).toContain('    “Title search”: 3\n');
    expect(text).toContain('    “Journey planning”: 3\n');
    expect(text).toContain('    Titles: 3\n');
    expect(ok(parseMermaidJourney(text)).stages.map((s) => s.name)).toEqual(names);
  });

  it('round-trips: Mermaid → map → Mermaid keeps every task, section and score', () => {
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,14}[A-Za-z]$/);
    const arbJourney = fc.record({
      title: word,
      sections: fc.array(
        fc.record({
          name: word,
          tasks: fc.array(
            fc.record({
              name: word,
              score: fc.integer({ min: 1, max: 5 }),
              actors: fc.uniqueArray(word, { maxLength: 3 }),
            }),
            { minLength: 1, maxLength: 4 },
          ),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(arbJourney, (j) => {
        const text = [
          'journey',
          `  title ${j.title}`,
          ...j.sections.flatMap((s) => [
            `  section ${s.name}`,
            ...s.tasks.map((t) => `    ${t.name}: ${t.score}${t.actors.length ? `: ${t.actors.join(', ')}` : ''}`),
          ]),
        ].join('\n');
        const once = toMermaidJourney(ok(parseMermaidJourney(text)));
        const twice = toMermaidJourney(ok(parseMermaidJourney(once)));
        expect(twice).toBe(once);
        const map = ok(parseMermaidJourney(once));
        const tasks = j.sections.flatMap((s) => s.tasks.map((t) => ({ ...t, section: s.name })));
        expect(map.stages.map((s) => s.name)).toEqual(tasks.map((t) => t.name.trim()));
        expect(map.stages.map((s) => s.phase)).toEqual(tasks.map((t) => t.section.trim()));
        const emo = map.lanes.find((l) => l.kind === 'emotion')!.cells as Record<string, { score: number }>;
        expect(map.stages.map((s) => emo[s.id].score + 3)).toEqual(tasks.map((t) => t.score));
      }),
      { numRuns: 150 },
    );
  });

  it('round-trips maps with awkward names: map → Mermaid → map keeps names (as escaped), order, sections and rounded scores', () => {
    const piece = fc.constantFrom('a', 'Z', ' ', ':', '#', ';', '%', ',', '“', '”', 'é', '🚀', '\n', '(', '#58;');
    const prefix = fc.constantFrom('', '', 'title ', 'Section ', 'journey', 'accDescr {', '“', '“title ');
    const name = fc
      .tuple(prefix, fc.array(piece, { minLength: 1, maxLength: 12 }))
      .map(([p, cs]) => (p + cs.join('')).trim())
      .filter((n) => /[A-Za-z]/.test(n));
    // The documented escaping, written out independently of the module.
    const esc = (s: string) =>
      s
        .replace(/\s*\n\s*/g, ' ')
        .trim()
        .replace(/#/g, '＃')
        .replace(/;/g, '；')
        .replace(/%%/g, '%％')
        .replace(/:/g, '∶');
    const arbMap = fc.array(
      fc.record({
        name,
        phase: fc.option(fc.constantFrom('Before', 'During: now', 'After #2'), { nil: undefined }),
        score: fc.option(
          fc.integer({ min: -8, max: 8 }).map((n) => n / 4),
          { nil: undefined },
        ),
        actors: fc.array(name, { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(arbMap, (rows) => {
        const stages = rows.map((r, i) => ({ id: `s${i}`, name: r.name, ...(r.phase ? { phase: r.phase } : {}) }));
        const input = normaliseMap({
          title: 'T',
          stages,
          lanes: [
            {
              id: 'e',
              title: 'Feelings',
              kind: 'emotion',
              cells: Object.fromEntries(
                rows.flatMap((r, i) => (r.score === undefined ? [] : [[`s${i}`, { score: r.score }]])),
              ),
            },
            {
              id: 'a',
              title: 'Actors',
              kind: 'cards',
              cells: Object.fromEntries(rows.map((r, i) => [`s${i}`, r.actors])),
            },
          ],
        });
        if (!input.ok) throw new Error(JSON.stringify(input.issues));
        const back = ok(parseMermaidJourney(toMermaidJourney(input.value)));
        expect(back.stages.map((s) => s.name)).toEqual(rows.map((r) => esc(r.name)));
        // Stages without a phase come back in the documented "Journey" section.
        expect(back.stages.map((s) => s.phase)).toEqual(rows.map((r) => esc(r.phase ?? 'Journey')));
        const emo = back.lanes.find((l) => l.kind === 'emotion')!.cells as Record<string, { score: number }>;
        expect(back.stages.map((s) => emo[s.id].score)).toEqual(
          rows.map((r) => (r.score === undefined ? 0 : Math.round(r.score) || 0)),
        );
        const actors = back.lanes.find((l) => l.title === 'Actors')?.cells as Record<string, string[]> | undefined;
        expect(back.stages.map((s) => actors?.[s.id] ?? [])).toEqual(
          rows.map((r) => r.actors.map((a) => esc(a).replace(/,/g, '，'))),
        );
        // Exporting again gives the same text: escaping is stable.
        expect(toMermaidJourney(back)).toBe(toMermaidJourney(ok(parseMermaidJourney(toMermaidJourney(back)))));
      }),
      { numRuns: 300 },
    );
  });

  it('map → Mermaid → map → Mermaid gives identical text on the second pass (1–12 stages, phases, grid scores, actors)', () => {
    const name = fc
      .array(fc.constantFrom('a', 'B', ' ', ':', '#', ';', '%', ',', '“', '”', 'é', '🚀', '(', 'title ', 'section '), {
        minLength: 1,
        maxLength: 10,
      })
      .map((cs) => cs.join('').trim())
      .filter((n) => /[A-Za-z]/.test(n));
    const arbStage = fc.record({
      name,
      phase: fc.option(fc.constantFrom('Before', 'During: now', 'After #2', 'Journey'), { nil: undefined }),
      score: fc.integer({ min: -2, max: 2 }),
      actors: fc.uniqueArray(name, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(name, fc.array(arbStage, { minLength: 1, maxLength: 12 }), (title, rows) => {
        const map = normaliseMap({
          title,
          stages: rows.map((r, i) => ({ id: `s${i}`, name: r.name, ...(r.phase ? { phase: r.phase } : {}) })),
          lanes: [
            {
              id: 'e',
              title: 'Emotions',
              kind: 'emotion',
              cells: Object.fromEntries(rows.map((r, i) => [`s${i}`, { score: r.score }])),
            },
            {
              id: 'a',
              title: 'Actors',
              kind: 'cards',
              cells: Object.fromEntries(rows.map((r, i) => [`s${i}`, r.actors])),
            },
          ],
        });
        if (!map.ok) throw new Error(JSON.stringify(map.issues));
        const first = toMermaidJourney(map.value);
        const back = ok(parseMermaidJourney(first));
        expect(toMermaidJourney(back)).toBe(first);
        // Nothing dropped or reordered: one task per stage, scores kept.
        const emo = back.lanes.find((l) => l.kind === 'emotion')!.cells as Record<string, { score: number }>;
        expect(back.stages.map((s) => emo[s.id].score)).toEqual(rows.map((r) => r.score));
      }),
      { numRuns: 300 },
    );
  });
});
