// @vitest-environment jsdom
/**
 * Read back, then Update; Reload with unsynced edits merges them with the canvas; warnings of a
 * create or update shown in full; a full draft storage said aside. The panel is driven with fake
 * sandbox replies (tests/figma/read-then-update.test.ts runs the same flow on the real sandbox).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { norm } from '../support/maps';
import type { JourneyMap } from '../../src/model';
import type { UiToPlugin } from '../../src/protocol';
import { MAX_STORED_BASE_CHARS, PanelController } from '../../ui/controller';
import { toMapInput, type DraftMap } from '../../ui/draft';
import { renderPanel, tab } from './helpers';

afterEach(() => cleanup());

const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });
const clone = <T,>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** The map on the canvas: stages Discover, Buy, Use; lanes Touchpoints (text) and Pains (cards). */
function canvasMap(): JourneyMap {
  return norm({
    title: 'Shop',
    stages: [
      { id: 'discover', name: 'Discover' },
      { id: 'buy', name: 'Buy' },
      { id: 'use', name: 'Use' },
    ],
    lanes: [
      { id: 'touch', title: 'Touchpoints', kind: 'text', cells: { discover: 'Ads', buy: 'Web shop' } },
      { id: 'pains', title: 'Pains', kind: 'cards', cells: { buy: ['Slow checkout'] } },
    ],
  });
}
const textCells = (m: JourneyMap | DraftMap) => m.lanes[0].cells as Record<string, string>;

/** Load the canvas map into the panel as "Load selected map" does. */
function loadFromCanvas(map = canvasMap(), canvas = 'fp-read', revision = 2) {
  const panel = renderPanel();
  panel.receive({ type: 'selection', maps: [{ nodeId: '7:1', title: map.title }] });
  fireEvent.click(screen.getByRole('button', { name: `Load selected map “${map.title}”` }));
  expect(panel.last('read')).toEqual({ type: 'read', nodeId: '7:1' });
  panel.receive({ type: 'map', nodeId: '7:1', canvas, map, revision });
  return panel;
}

const updateButton = () => screen.getByRole('button', { name: 'Update selected map' });

describe('read back, then update', () => {
  it('sends the read’s canvas fingerprint as baseCanvas, then the one of each update', () => {
    const { last, receive } = loadFromCanvas();
    fireEvent.click(tab('Cells'));
    type(screen.getByLabelText('Touchpoints, Use'), 'Manual');
    fireEvent.click(updateButton());
    const update = last('update')!;
    expect(update).toMatchObject({ nodeId: '7:1', baseRevision: 2, baseCanvas: 'fp-read' });
    expect(update.force).toBeUndefined();
    expect(textCells(update.map as JourneyMap).use).toBe('Manual');

    receive({
      type: 'updated',
      nodeId: '7:1',
      canvas: 'fp-after-update',
      map: update.map,
      revision: 3,
      stats: { created: 0, updated: 1, removed: 0, kept: 40 },
    });
    type(screen.getByLabelText('Touchpoints, Use'), 'Manual, again');
    fireEvent.click(updateButton());
    expect(last('update')).toMatchObject({ baseRevision: 3, baseCanvas: 'fp-after-update' });
  });

  it('a created map’s fingerprint is the base of the next update; Overwrite sends it too', () => {
    const { last, receive } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Create map' }));
    receive({ type: 'created', nodeId: '3:3', canvas: 'fp-created', map: last('create')!.map, revision: 1 });
    fireEvent.click(updateButton());
    expect(last('update')).toMatchObject({ nodeId: '3:3', baseRevision: 1, baseCanvas: 'fp-created' });
    receive({
      type: 'error',
      code: 'conflict',
      message: 'This map was edited on the canvas since you loaded it.',
      issues: [],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Overwrite' }));
    expect(last('update')).toMatchObject({ baseRevision: 1, baseCanvas: 'fp-created', force: true });
  });

  it('no baseCanvas for a map the panel never synced with (only selected)', () => {
    const { last, receive } = renderPanel();
    receive({ type: 'selection', maps: [{ nodeId: '8:8', title: 'Other' }] });
    fireEvent.click(updateButton());
    const update = last('update')!;
    expect(update.nodeId).toBe('8:8');
    expect(update.baseRevision).toBeUndefined();
    expect(update.baseCanvas).toBeUndefined();
  });
});

describe('reload from the canvas after a conflict', () => {
  it('merges the canvas edits into the cells the panel did not change, and says what it kept', () => {
    const { last, receive, controller } = loadFromCanvas();
    // Panel edits: stage 2's name and the Touchpoints cell of that stage.
    fireEvent.click(tab(/Stages/));
    type(screen.getByLabelText('Stage 2 name'), 'Checkout');
    fireEvent.click(tab('Cells'));
    type(screen.getByLabelText('Touchpoints, Checkout'), 'App');
    fireEvent.click(updateButton());
    receive({
      type: 'error',
      code: 'conflict',
      message: 'This map was edited on the canvas since you loaded it. Reload or overwrite.',
      issues: [],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Reload from canvas' }));
    expect(last('read')).toEqual({ type: 'read', nodeId: '7:1' });

    // Meanwhile on the canvas: another cell and the title.
    const edited = clone(canvasMap());
    textCells(edited).discover = 'Billboards';
    edited.title = 'Shop 2';
    receive({ type: 'map', nodeId: '7:1', canvas: 'fp-reloaded', map: edited, revision: 4 });

    expect(screen.getByRole('status').textContent).toBe(
      'Reloaded from the canvas and kept your 2 edits (Stage 2 name, Touchpoints · Checkout). Press Update to put them on the canvas.',
    );
    expect(screen.queryByRole('button', { name: 'Overwrite' })).toBeNull();
    const map = controller.state.map;
    expect(map.title).toBe('Shop 2');
    expect(map.stages.map((s) => s.name)).toEqual(['Discover', 'Checkout', 'Use']);
    expect(textCells(map)).toEqual({ discover: 'Billboards', buy: 'App' });
    expect((screen.getByLabelText('Touchpoints, Discover') as HTMLTextAreaElement).value).toBe('Billboards');

    // The next update is based on what the reload read: no conflict to expect.
    fireEvent.click(updateButton());
    const update = last('update')!;
    expect(update).toMatchObject({ nodeId: '7:1', baseRevision: 4, baseCanvas: 'fp-reloaded' });
    expect(update.force).toBeUndefined();
    const sent = update.map as JourneyMap;
    expect(sent.title).toBe('Shop 2');
    expect(sent.stages[1].name).toBe('Checkout');
    expect(textCells(sent)).toEqual({ discover: 'Billboards', buy: 'App' });

    // One undo step brings back the panel's version from before the reload.
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(controller.state.map.title).toBe('Shop');
    expect(textCells(controller.state.map).discover).toBe('Ads');
  });

  it('merges format 2 through the panel: personas, objective, moments and curves, none dropped', () => {
    const twoCurves = norm({
      version: 2,
      title: 'Renewal',
      objective: 'Where renewals are lost',
      personas: [
        { id: 'priya', name: 'Priya', role: 'Homeowner' },
        { id: 'sam', name: 'Sam' },
      ],
      stages: [
        { id: 'notice', name: 'Notice' },
        { id: 'adjust', name: 'Adjust', moment: true, momentNote: 'Most leave here' },
      ],
      lanes: [
        {
          id: 'today',
          title: 'Today',
          kind: 'emotion',
          scale: { min: 1, max: 5, low: 'Upset', high: 'Happy' },
          persona: 'priya',
          cells: { notice: { score: 2 }, adjust: { score: 1, note: 'Phone only' } },
        },
        {
          id: 'tobe',
          title: 'To-be',
          kind: 'emotion',
          overlay: 'today',
          style: 'dashed',
          persona: 'priya',
          cells: { adjust: { score: 4 } },
        },
      ],
    });
    const { receive, controller, last } = loadFromCanvas(twoCurves);
    // The panel: a third persona, Today on 0..10 (To-be follows), Sam's role.
    fireEvent.click(tab(/Personas/));
    fireEvent.click(screen.getByRole('button', { name: '+ Add persona' }));
    type(screen.getByLabelText('Persona 3 name'), 'Kim');
    fireEvent.change(screen.getByLabelText('Persona 3 name'), { target: { value: 'Kim' } });
    type(screen.getByLabelText('Role of persona 2'), 'Landlord');
    fireEvent.click(tab(/Lanes/));
    fireEvent.change(screen.getByLabelText('Scale of lane 1'), { target: { value: '0..10' } });
    expect(controller.state.map.lanes[1].cells).toEqual({ adjust: { score: 7.5 } });
    controller.read();
    // The canvas: a marker of To-be dragged (on 1..5), Adjust's moment note, the high word.
    const edited = clone(twoCurves);
    (edited.lanes[1].cells as Record<string, { score: number }>).notice = { score: 3 };
    edited.stages[1].momentNote = 'Most customers leave here';
    (edited.lanes[0] as { scale: { high: string } }).scale.high = 'Delighted';
    receive({ type: 'map', nodeId: '7:1', canvas: 'fp-2', map: edited, revision: 3 });
    expect(screen.getByRole('status').textContent).toBe(
      'Reloaded from the canvas and kept your 3 edits (Role of persona 2, Persona 3 added, Scale of lane 1). Press Update to put them on the canvas.',
    );
    fireEvent.click(updateButton());
    const sent = last('update')!.map as JourneyMap;
    expect(sent.objective).toBe('Where renewals are lost');
    expect(sent.personas).toEqual([
      { id: 'priya', name: 'Priya', role: 'Homeowner' },
      { id: 'sam', name: 'Sam', role: 'Landlord' },
      { id: 'kim', name: 'Kim' },
    ]);
    expect(sent.stages[1]).toEqual({
      id: 'adjust',
      name: 'Adjust',
      moment: true,
      momentNote: 'Most customers leave here',
    });
    expect(sent.lanes).toEqual([
      {
        id: 'today',
        title: 'Today',
        kind: 'emotion',
        scale: { min: 0, max: 10, low: 'Upset', high: 'Delighted' },
        persona: 'priya',
        cells: { notice: { score: 2.5 }, adjust: { score: 0, note: 'Phone only' } },
      },
      // The canvas's 3 on 1..5 is 5 on 0..10.
      {
        id: 'tobe',
        title: 'To-be',
        kind: 'emotion',
        overlay: 'today',
        style: 'dashed',
        persona: 'priya',
        cells: { notice: { score: 5 }, adjust: { score: 7.5 } },
      },
    ]);
  });

  it('where the canvas changed the same field differently, keeps the panel’s and says so', () => {
    const { receive, controller } = loadFromCanvas();
    fireEvent.click(tab('Cells'));
    type(screen.getByLabelText('Touchpoints, Buy'), 'App');
    type(screen.getByLabelText('Pains, Buy'), 'Slow checkout\nFees');
    controller.read();
    const edited = clone(canvasMap());
    textCells(edited).buy = 'Phone';
    receive({ type: 'map', nodeId: '7:1', canvas: 'fp-2', map: edited, revision: 3 });
    expect(screen.getByRole('status').textContent).toBe(
      'Reloaded from the canvas and kept your 2 edits (Touchpoints · Buy, Pains · Buy); ' +
        'the canvas also changed these, your version kept: Touchpoints · Buy. Press Update to put them on the canvas.',
    );
    expect(textCells(controller.state.map).buy).toBe('App');
  });

  it('without unsynced edits, a reload simply loads the canvas', () => {
    const { receive, controller } = loadFromCanvas();
    const edited = clone(canvasMap());
    textCells(edited).use = 'Typed on the canvas';
    controller.read();
    receive({ type: 'map', nodeId: '7:1', canvas: 'fp-3', map: edited, revision: 2 });
    expect(screen.getByRole('status').textContent).toBe('Loaded “Shop” from the canvas.');
    expect(norm(toMapInput(controller.state.map))).toEqual(edited);
    expect(controller.state.target).toMatchObject({ nodeId: '7:1', revision: 2, canvas: 'fp-3' });
  });

  it('keeps the base with the draft, so a reload after reopening the plugin still merges', () => {
    const first = loadFromCanvas();
    fireEvent.click(tab('Cells'));
    type(screen.getByLabelText('Touchpoints, Use'), 'Manual');
    first.controller.flush();
    const saved = first.last('save-draft')!.draft as { target: Record<string, unknown> };
    expect(saved.target).toMatchObject({ nodeId: '7:1', revision: 2, canvas: 'fp-read' });
    expect(norm(toMapInput(saved.target.base as DraftMap))).toEqual(canvasMap());
    cleanup();

    // Reopened: the sandbox hands the stored draft back.
    const { receive, controller, last } = renderPanel();
    receive({ type: 'draft', draft: clone(saved) });
    fireEvent.click(updateButton());
    expect(last('update')).toMatchObject({ nodeId: '7:1', baseRevision: 2, baseCanvas: 'fp-read' });
    const edited = clone(canvasMap());
    textCells(edited).discover = 'Billboards';
    receive({ type: 'map', nodeId: '7:1', canvas: 'fp-9', map: edited, revision: 3 });
    expect(screen.getByRole('status').textContent).toBe(
      'Reloaded from the canvas and kept your 1 edit (Touchpoints · Use). Press Update to put it on the canvas.',
    );
    expect(textCells(controller.state.map)).toEqual({ discover: 'Billboards', buy: 'Web shop', use: 'Manual' });
  });

  it('a draft saved without a base: the reload loads the canvas and lists what it replaced', () => {
    const { receive, controller } = renderPanel();
    const mine = clone(canvasMap());
    textCells(mine).use = 'Mine';
    receive({ type: 'draft', draft: { v: 1, map: toDraftJson(mine), target: { nodeId: '7:1', revision: 2 } } });
    controller.read();
    receive({ type: 'map', nodeId: '7:1', canvas: 'fp-5', map: canvasMap(), revision: 5 });
    expect(screen.getByRole('status').textContent).toBe(
      'Loaded “Shop” from the canvas. It replaced your version of 1 field (Touchpoints · Use); Undo (Ctrl+Z) brings it back.',
    );
    expect(textCells(controller.state.map).use).toBeUndefined();
    controller.undo();
    expect(textCells(controller.state.map).use).toBe('Mine');
  });

  it('a very large base is kept in memory but not saved with the draft', () => {
    const sent: UiToPlugin[] = [];
    const controller = new PanelController({ send: (m) => sent.push(m) });
    // 40 stages × 30 text lanes of 1,000 characters a cell: over 1.2 million characters.
    const stages = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, name: `Stage ${i}` }));
    const cells = Object.fromEntries(stages.map((s) => [s.id, 'x'.repeat(1000)]));
    const lanes = Array.from({ length: 30 }, (_, i) => ({ id: `l${i}`, title: `Lane ${i}`, kind: 'text', cells }));
    const big = norm({ title: 'Big', stages, lanes });
    expect(JSON.stringify(big).length).toBeGreaterThan(MAX_STORED_BASE_CHARS);
    controller.handle({ type: 'map', nodeId: '7:1', canvas: 'fp', map: big, revision: 1 });
    expect(controller.state.target?.base).toBeDefined();
    const saved = sent.filter((m) => m.type === 'save-draft').at(-1)!.draft as { target: Record<string, unknown> };
    expect(saved.target).toEqual({ nodeId: '7:1', revision: 1, canvas: 'fp' });
  });
});

describe('warnings and storage', () => {
  const longWarning =
    'The font “Brand Sans Display” is not available on this computer; 14 texts of the persona and the stage row use Inter Regular instead.';

  it('shows every warning of a create or an update in full in the footer', () => {
    const { last, receive } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Create map' }));
    receive({
      type: 'created',
      nodeId: '1:1',
      canvas: 'fp',
      map: last('create')!.map,
      revision: 1,
      warnings: ['Inter is not available; used Roboto', longWarning],
    });
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('Map created on the canvas. 2 warnings:');
    expect(status.textContent).toContain(longWarning);
    expect([...status.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Inter is not available; used Roboto',
      longWarning,
    ]);

    /** Press Update and answer it with these stats and warnings. */
    const update = (revision: number, updated: number, warnings: string[]) => {
      fireEvent.click(updateButton());
      receive({
        type: 'updated',
        nodeId: '1:1',
        canvas: `fp${revision}`,
        map: last('update')!.map,
        revision,
        stats: { created: 0, updated, removed: 0, kept: 9 },
        warnings,
      });
      return screen.getByRole('status');
    };
    expect(update(2, 1, [longWarning]).textContent).toBe(
      `Map updated: 1 changed, 0 added, 0 removed. One warning:${longWarning}`,
    );
    // No warnings: the plain message, no list.
    expect(update(3, 2, []).textContent).toBe('Map updated: 2 changed, 0 added, 0 removed.');
    expect(screen.getByRole('status').querySelector('li')).toBeNull();
    // Nothing written: said so, not as "0 changed, 0 added, 0 removed".
    expect(update(3, 0, []).textContent).toBe('The map was already up to date: nothing changed.');
  });

  it('a full draft storage is said aside, blocks nothing, and can be dismissed', () => {
    const { last, receive, controller } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Create map' }));
    receive({ type: 'created', nodeId: '1:1', canvas: 'fp', map: last('create')!.map, revision: 1 });
    receive({
      type: 'error',
      code: 'storage',
      message:
        'Your draft could not be saved in Figma (its storage is full). It stays in this panel until you close it.',
      issues: [],
    });
    const notice = screen.getByRole('status', { name: 'Notice' });
    expect(notice.textContent).toMatch(/^Your draft could not be saved in Figma/);
    // The last action's result stays; nothing turns into an error or a conflict.
    expect(screen.getAllByRole('status').some((s) => /Map created on the canvas/.test(s.textContent ?? ''))).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Overwrite' })).toBeNull();
    expect(controller.state.issues).toEqual([]);
    fireEvent.click(updateButton());
    expect(last('update')).toMatchObject({ nodeId: '1:1', baseCanvas: 'fp' });
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status', { name: 'Notice' })).toBeNull();
  });
});

/** A normalised map in the stored draft's shape (persona fields all present). */
function toDraftJson(map: JourneyMap): unknown {
  return {
    title: map.title,
    personas: [],
    stages: map.stages,
    lanes: map.lanes,
  };
}
