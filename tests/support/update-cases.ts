/**
 * The common edits a designer makes to a map, one by one, on the e-commerce
 * example: what the update-in-place tests run in the fake
 * (tests/figma/update-cases.test.ts) and in Chromium
 * (tests/preview/update-cases.browser.test.ts).
 */
import { loadExamples } from './maps';
import { tagField } from './tags';
import type { StoredTag } from '../../src/figma/tags';

export type Json = Record<string, any>;
export const base = (): Json => structuredClone(loadExamples().find((e) => e.file === 'ecommerce.json')!.input) as Json;
export const lane = (m: Json, id: string) => m.lanes.find((l: Json) => l.id === id);
export const NS = 'journeymap';
export const tagged = (n: BaseNode, role: string, where: Record<string, string> = {}): SceneNode[] => {
  const out: SceneNode[] = [];
  const walk = (x: BaseNode) => {
    if (
      tagField(x, 'role') === role &&
      Object.entries(where).every(([k, v]) => tagField(x, k as keyof StoredTag) === v)
    )
      out.push(x as SceneNode);
    if ('children' in x) (x as ChildrenMixin).children.forEach(walk);
  };
  walk(n);
  return out;
};

export interface Case {
  name: string;
  edit(m: Json): void;
  /** What the designer does on the canvas before the data edit. */
  canvas?(frame: FrameNode): void;
  /** Column widths a fresh create must use to be comparable (the designer's). */
  columnWidths?: Record<string, number>;
}

export const CASES: Case[] = [
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
    name: 'a divider line and a metric lane with targets added',
    edit: (m) => {
      m.lanes.splice(2, 0, { id: 'visibility', title: 'Line of visibility', kind: 'divider', style: 'dashed' });
      m.lanes.splice(3, 0, {
        id: 'drop-off',
        title: 'Drop-off',
        kind: 'metric',
        cells: { search: { value: 12, unit: '%', target: 15, better: 'lower' }, size: { value: 31, unit: '%' } },
      });
    },
  },
  {
    name: 'evidence links put on a text cell and a card',
    edit: (m) => {
      const actions = lane(m, 'actions').cells;
      actions.search = { text: actions.search, url: 'https://research.example.org/diary/maya-3' };
      const cards = lane(m, 'touchpoints').cells.search;
      cards[0] = { text: cards[0], url: 'mailto:research@example.org' };
    },
  },
  {
    name: 'persona goals changed',
    edit: (m) => m.personas[0].goals.push('Run the half marathon under two hours', 'Keep the old pair for rainy days'),
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
