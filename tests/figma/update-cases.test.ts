/**
 * Each edit a designer commonly makes, one by one on a realistic map: after
 * the update the managed tree dumps equal to a fresh create of the new data,
 * the fake's layout (tests/support/figma-fake/layout.ts) shows no problem
 * (tests/support/fake-geometry.ts: no overlapping texts, cards inside their
 * cells, markers on their columns, rows and header apart), and nodes that
 * stand for the same thing keep their ids.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { JourneyMap } from '../../src/model';
import { createMap, updateMap } from '../../src/figma/map-ops';
import { installFakeFigma, uninstallFakeFigma } from '../support/figma-fake';
import { checkGeometry } from '../support/fake-geometry';
import { diffDumps, dumpMap } from '../support/dump';
import { loadExamples, norm } from '../support/maps';

afterEach(() => uninstallFakeFigma());

type Json = Record<string, any>;
const base = (): Json => structuredClone(loadExamples().find((e) => e.file === 'ecommerce.json')!.input) as Json;
const lane = (m: Json, id: string) => m.lanes.find((l: Json) => l.id === id);
const NS = 'journeymap';
const tagged = (n: BaseNode, role: string, where: Record<string, string> = {}): SceneNode[] => {
  const out: SceneNode[] = [];
  const walk = (x: BaseNode) => {
    if (
      x.getSharedPluginData(NS, 'role') === role &&
      Object.entries(where).every(([k, v]) => x.getSharedPluginData(NS, k) === v)
    )
      out.push(x as SceneNode);
    if ('children' in x) (x as ChildrenMixin).children.forEach(walk);
  };
  walk(n);
  return out;
};

interface Case {
  name: string;
  edit(m: Json): void;
  /** What the designer does on the canvas before the data edit. */
  canvas?(frame: FrameNode): void;
  /** Column widths a fresh create must use to be comparable (the designer's). */
  columnWidths?: Record<string, number>;
}

const CASES: Case[] = [
  {
    name: 'stage added in the middle',
    edit: (m) => m.stages.splice(3, 0, { id: 'gift', name: 'Gift wrap', phase: 'Decide & buy' }),
  },
  {
    name: 'stage added at the end',
    edit: (m) => m.stages.push({ id: 'review', name: 'Write a review', phase: 'Receive & run' }),
  },
  {
    name: 'first stage of a phase removed',
    edit: (m) => {
      m.stages = m.stages.filter((s: Json) => s.id !== 'size');
      for (const l of m.lanes) if (l.cells) delete l.cells.size;
    },
  },
  {
    name: 'last stage of a phase removed',
    edit: (m) => {
      m.stages = m.stages.filter((s: Json) => s.id !== 'checkout');
      for (const l of m.lanes) if (l.cells) delete l.cells.checkout;
    },
  },
  {
    name: 'phase renamed',
    edit: (m) => m.stages.forEach((s: Json) => s.phase === 'Discover' && (s.phase = 'Explore options')),
  },
  { name: 'phase span changed', edit: (m) => (m.stages[2].phase = 'Discover') },
  {
    name: 'lane added',
    edit: (m) =>
      m.lanes.splice(2, 0, {
        id: 'channels',
        title: 'Channels',
        kind: 'cards',
        tone: 'idea',
        cells: { search: ['Web', 'App'] },
      }),
  },
  { name: 'lane removed', edit: (m) => (m.lanes = m.lanes.filter((l: Json) => l.id !== 'thoughts')) },
  { name: 'lanes reordered', edit: (m) => m.lanes.reverse() },
  { name: 'card added', edit: (m) => lane(m, 'touchpoints').cells.search.push('A friend’s recommendation') },
  { name: 'card removed', edit: (m) => lane(m, 'touchpoints').cells.search.splice(0, 1) },
  {
    name: 'a long text',
    edit: (m) => (lane(m, 'thoughts').cells.size = 'I am not sure about the size at all, '.repeat(20).trim()),
  },
  {
    name: 'emotion score and note changed',
    edit: (m) => {
      const cell = lane(m, 'emotions').cells.compare;
      cell.score = -cell.score || 1.5;
      cell.note = 'Suddenly much more hopeful about the whole thing, after the video';
    },
  },
  {
    name: 'persona goals changed',
    edit: (m) => m.persona.goals.push('Run the half marathon under two hours', 'Keep the old pair for rainy days'),
  },
  {
    name: 'a column widened by the designer, then a cell edited',
    canvas: (frame) => {
      const header = tagged(frame, 'stage-header', { stage: 'compare' })[0] as FrameNode;
      // Dragging a column's edge in Figma fixes its width; its height keeps hugging.
      header.resize(300, header.height);
      header.layoutSizingVertical = 'HUG';
    },
    edit: (m) => (lane(m, 'actions').cells.search = 'Searches “wide fit cushioned running shoes”'),
    columnWidths: { compare: 300 },
  },
];

async function fresh(map: JourneyMap, columnWidths?: Record<string, number>) {
  installFakeFigma();
  const { frame } = await createMap(map, { columnWidths });
  const dump = dumpMap(frame);
  uninstallFakeFigma();
  return dump;
}

describe('each common edit, updated in place', () => {
  for (const c of CASES) {
    it(`${c.name}: equals a fresh create, lays out cleanly, keeps node ids`, async () => {
      const a = norm(base());
      const edited = base();
      c.edit(edited);
      const b = norm(edited);
      // Unless the edit is a no-op by mistake, B differs from A.
      expect(b).not.toEqual(a);
      const expected = await fresh(b, c.columnWidths);

      installFakeFigma();
      const { frame } = await createMap(a);
      c.canvas?.(frame);
      const ids = new Map(
        tagged(frame, 'stage-header').map((n) => [n.getSharedPluginData(NS, 'stage'), n.id] as const),
      );
      const bands = new Map(tagged(frame, 'phase').map((n) => [n.getSharedPluginData(NS, 'phase'), n.id] as const));
      await updateMap(frame, b);

      expect(diffDumps(dumpMap(frame), expected)).toEqual([]);
      expect(checkGeometry(frame).problems).toEqual([]);
      // The same stage, the same node; a band whose phase is still there keeps its node.
      for (const n of tagged(frame, 'stage-header')) {
        const before = ids.get(n.getSharedPluginData(NS, 'stage'));
        if (before) expect(n.id).toBe(before);
      }
      for (const n of tagged(frame, 'phase')) {
        const before = bands.get(n.getSharedPluginData(NS, 'phase'));
        if (before) expect(n.id).toBe(before);
      }
    });
  }

  it('the geometry check is not blind: a card pushed out of its cell after an update is reported', async () => {
    const a = norm(base());
    installFakeFigma();
    const { frame } = await createMap(a);
    await updateMap(frame, norm({ ...base(), title: 'Other title' }));
    const card = tagged(frame, 'card')[0] as FrameNode;
    card.layoutPositioning = 'ABSOLUTE';
    card.x += 400;
    expect(checkGeometry(frame).problems.length).toBeGreaterThan(0);
  });
});

describe('Overwrite', () => {
  it('leaves the canvas exactly as a create of the panel map would, whatever was edited on the canvas', async () => {
    const a = norm(base());
    const panel = base();
    lane(panel, 'actions').cells.size = 'Reads the size chart twice';
    const p = norm(panel);
    const expected = await fresh(p);

    installFakeFigma();
    const { frame } = await createMap(a);
    // Canvas edits the panel never read: a text retyped, a marker dragged, a card deleted.
    const text = tagged(frame, 'cell-text', { lane: 'thoughts', stage: 'search' })[0] as TextNode;
    text.characters = 'Typed on the canvas';
    const marker = tagged(frame, 'emotion-marker', { stage: 'compare' })[0];
    marker.y -= 30;
    tagged(frame, 'card', { lane: 'touchpoints', stage: 'search' })[0].remove();

    await expect(updateMap(frame, p)).rejects.toThrow(/edited on the canvas/);
    await updateMap(frame, p, { force: true });
    expect(diffDumps(dumpMap(frame), expected)).toEqual([]);
    expect(checkGeometry(frame).problems).toEqual([]);
  });
});
