/**
 * A FigJam board's emotion chart as a facilitator reads it: every note in sight, next to its own
 * dot (never under a dot of another curve, never on another note), and a legend that tells the
 * curves of a shared chart apart by persona, as Figma Design's does. Measured on the strict fake
 * as FigJam (absoluteBoundingBox; texts sized by the fake's text metric).
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JourneyMap } from '../../src/model';
import { uninstallFakeFigma } from '../support/figma-fake';
import { loadExamples, norm } from '../support/maps';
import { allNodes, managed, startPlugin, type Plugin } from '../support/plugin';
import { tagField } from '../support/tags';
import { checkBoxes, type Box as CheckedBox } from '../../dev/geometry';

afterEach(() => uninstallFakeFigma());

const examples = loadExamples();
const clinic = examples.find((e) => e.file === 'two-personas-clinic.json')!.input;

async function create(p: Plugin, map: unknown) {
  const created = p.expectReply(await p.send({ type: 'create', map }), 'created');
  return (await p.figma.getNodeByIdAsync(created.nodeId)) as SectionNode;
}

interface Box {
  lane: string;
  stage: string;
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

const boxes = (root: BaseNode, role: string): Box[] =>
  managed(root, role).map((n) => {
    const b = n.absoluteBoundingBox!;
    return {
      lane: tagField(n, 'lane'),
      stage: tagField(n, 'stage'),
      text: n.type === 'TEXT' ? n.characters : '',
      x: b.x,
      y: b.y,
      w: b.width,
      h: b.height,
    };
  });

const overlap = (a: Box, b: Box) =>
  Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.5 &&
  Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0.5;

const gap = (a: Box, b: Box) =>
  Math.hypot(Math.max(0, a.x - (b.x + b.w), b.x - (a.x + a.w)), Math.max(0, a.y - (b.y + b.h), b.y - (a.y + a.h)));

/**
 * A board as drawn, canonical: every node the plugin tagged, in layer order, with what is seen of it
 * (type, tag, place, size, text, paints, paths); ids left out (an update keeps them, a create makes new ones).
 */
function drawn(section: SectionNode): unknown[] {
  return section.children
    .filter((n) => tagField(n, 'role') !== '')
    .map((n) => ({
      type: n.type,
      name: n.name,
      tag: (['role', 'key', 'lane', 'stage', 'index', 'phase'] as const).map((f) => tagField(n, f)),
      box: [n.x, n.y, n.width, n.height].map((v) => Math.round(v * 1000) / 1000),
      text: n.type === 'TEXT' ? n.characters : 'text' in n ? n.text.characters : undefined,
      fills: 'fills' in n ? JSON.stringify(n.fills) : undefined,
      strokes: 'strokes' in n ? JSON.stringify(n.strokes) : undefined,
      paths: n.type === 'VECTOR' ? JSON.stringify(n.vectorPaths) : undefined,
      locked: n.locked,
    }));
}

const show = (b: Box) => `${b.lane}/${b.stage}${b.text ? ` "${b.text}"` : ''}`;

/**
 * The dev harness's layout check (dev/geometry.ts, "Check layout") on a board as the fake lays it
 * out. Its boxes are built here with the roles read from the node's one tag entry (tagField):
 * tests/support/fake-geometry.ts reads the older per-field tags, so on a board it sees no roles.
 */
function layoutCheck(section: SectionNode): { problems: string[]; markers: number; cards: number } {
  const checked: CheckedBox[] = allNodes(section).flatMap((n) => {
    const b = (n as SceneNode).absoluteBoundingBox;
    if (!b || n === section) return [];
    return [
      {
        id: n.id,
        type: n.type,
        role: tagField(n, 'role'),
        stage: tagField(n, 'stage'),
        lane: tagField(n, 'lane'),
        text: n.type === 'TEXT' ? (n as TextNode).characters.slice(0, 40) : '',
        x: b.x,
        y: b.y,
        w: b.width,
        h: b.height,
      },
    ];
  });
  const problems: string[] = [];
  const counts = { maps: 0, texts: 0, cards: 0, markers: 0 };
  checkBoxes(checked, problems, counts);
  return { problems, markers: counts.markers, cards: counts.cards };
}

/** What is wrong with the notes of a board: covered by a marker, on another note, away from their dot. */
function noteProblems(section: SectionNode): string[] {
  const markers = boxes(section, 'emotion-marker');
  const notes = boxes(section, 'emotion-note');
  const charts = boxes(section, 'emotion-area');
  const problems: string[] = [];
  notes.forEach((note, i) => {
    for (const m of markers) if (overlap(note, m)) problems.push(`marker ${show(m)} covers note ${show(note)}`);
    for (const other of notes.slice(i + 1))
      if (overlap(note, other)) problems.push(`notes overlap: ${show(note)} and ${show(other)}`);
    const own = markers.find((m) => m.lane === note.lane && m.stage === note.stage)!;
    const d = gap(note, own);
    if (d > 12) problems.push(`note ${show(note)} is ${d.toFixed(1)} from its own marker`);
    for (const m of markers)
      if (m !== own && gap(note, m) < d) problems.push(`note ${show(note)} is nearer marker ${show(m)} than its own`);
    const chart = charts.find(
      (c) => own.y + own.h / 2 > c.y && own.y + own.h / 2 < c.y + c.h && own.x > c.x && own.x < c.x + c.w,
    )!;
    if (note.y < chart.y - 0.5 || note.y + note.h > chart.y + chart.h + 0.5)
      problems.push(`note ${show(note)} runs out of its chart`);
  });
  return problems;
}

describe('a FigJam board’s emotion notes', () => {
  it('two-personas-clinic: "Video call from the office" is not under Margaret’s dot', async () => {
    const p = await startPlugin({ editorType: 'figjam' });
    const section = await create(p, clinic);
    expect(noteProblems(section)).toEqual([]);
    const video = boxes(section, 'emotion-note').find((n) => n.text === 'Video call from the office')!;
    expect(video.lane).toBe('dan-feel');
  });

  it.each(examples.map((e) => [e.file, e.input] as const))(
    '%s: notes clear of every dot and of each other, next to their own, and the layout check passes',
    async (_, input) => {
      const p = await startPlugin({ editorType: 'figjam' });
      const section = await create(p, input);
      expect(noteProblems(section)).toEqual([]);
      const check = layoutCheck(section);
      expect(check.problems).toEqual([]);
      expect(check.markers).toBe(managed(section, 'emotion-marker').length);
      expect(check.cards).toBe(managed(section, 'card').length);
    },
  );

  it('random shared charts with notes: every note in sight and next to its own dot', async () => {
    const stages = ['a', 'b', 'c', 'd'];
    const quarter = fc.integer({ min: -8, max: 8 }).map((n) => n / 4);
    const note = fc.option(fc.constantFrom('Waits', 'Not her usual GP', 'Video call from the office', 'Relieved'), {
      nil: undefined,
    });
    const curve = fc.tuple(...stages.map(() => fc.tuple(quarter, note)));
    await fc.assert(
      fc.asyncProperty(fc.array(curve, { minLength: 2, maxLength: 3 }), async (curves) => {
        const map = {
          title: 'Random chart',
          stages: stages.map((id) => ({ id, name: id.toUpperCase() })),
          lanes: curves.map((cells, k) => ({
            id: `c${k}`,
            title: 'Feeling',
            kind: 'emotion',
            ...(k ? { overlay: 'c0' } : {}),
            cells: Object.fromEntries(
              cells.map(([score, text], i) => [stages[i], text ? { score, note: text } : { score }]),
            ),
          })),
        };
        const p = await startPlugin({ editorType: 'figjam' });
        try {
          const section = await create(p, map);
          expect(noteProblems(section)).toEqual([]);
          expect(layoutCheck(section).problems).toEqual([]);
        } finally {
          uninstallFakeFigma();
        }
      }),
      { numRuns: 60, seed: 16 },
    );
  });
});

describe('a FigJam board’s legend', () => {
  it('names each curve as Figma Design does (title · persona), lines clear of each other', async () => {
    const design = await startPlugin({ editorType: 'figma' });
    const frame = await create(design, clinic);
    const designLegend = managed(frame, 'emotion-legend-text').map((n) => (n as TextNode).characters);
    expect(designLegend).toEqual(['How they feel · Dan Okafor', 'How they feel · Margaret Hill']);
    uninstallFakeFigma();

    const p = await startPlugin({ editorType: 'figjam' });
    const section = await create(p, clinic);
    const legend = boxes(section, 'emotion-legend-text');
    expect(legend.map((l) => l.text)).toEqual(designLegend.map((t) => `——  ${t}`));
    expect(overlap(legend[0], legend[1])).toBe(false);
    // Inside the label column, over the chart's row.
    const label = boxes(section, 'lane-title').find((l) => l.lane === 'dan-feel')!;
    for (const l of legend) {
      expect(l.x >= label.x && l.x + l.w <= label.x + label.w).toBe(true);
      expect(l.y >= label.y && l.y + l.h <= label.y + label.h).toBe(true);
    }
  });
});

describe('a FigJam board with a shared chart', () => {
  it('reads back to its map, and an update to it draws what a fresh create draws', async () => {
    const p = await startPlugin({ editorType: 'figjam' });
    const section = await create(p, clinic);
    const back = p.expectReply(await p.send({ type: 'read', nodeId: section.id }), 'map');
    expect(back.map).toEqual(norm(clinic));
    const fresh = drawn(section);
    uninstallFakeFigma();

    // From another map (one curve, other notes) to the clinic, by an update.
    const q = await startPlugin({ editorType: 'figjam' });
    const other = JSON.parse(JSON.stringify(clinic)) as JourneyMap;
    other.lanes = other.lanes.filter((l) => l.id !== 'margaret-feel');
    const first = await create(q, other);
    q.expectReply(await q.send({ type: 'update', nodeId: first.id, map: clinic, force: true }), 'updated');
    expect(drawn(first)).toEqual(fresh);
  });
});
