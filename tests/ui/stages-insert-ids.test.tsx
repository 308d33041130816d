// @vitest-environment jsdom
// "Insert stage after" on each stage, and the id of a stage added in the panel: made from its
// name when it first reaches the canvas, never changed once there.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/preact';
import type { JourneyMap } from '../../src/model';
import { PanelController } from '../../ui/controller';
import { addLane, insertStageAfter, renameLane, setCell, setLaneOverlay } from '../../ui/edit';
import { renameStageIds, settleStageIds } from '../../ui/fresh-ids';
import { renderPanel, sampleDraft, tab } from './helpers';

afterEach(cleanup);

const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });
const tick = () => act(() => new Promise((r) => setTimeout(r, 0)));
const ids = (c: PanelController) => c.state.map.stages.map((s) => s.id);
const names = (c: PanelController) => c.state.map.stages.map((s) => s.name);

describe('Insert stage after', () => {
  it('puts a new stage right after the one, focuses its selected name, and is one undo step', async () => {
    const { controller } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Stages/));
    fireEvent.click(screen.getByRole('button', { name: 'Insert stage after stage 1' }));
    expect(names(controller)).toEqual(['Discover', 'New stage', 'Buy', 'Use']);
    await tick();
    const input = screen.getByLabelText('Stage 2 name') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 'New stage'.length]);
    // After the last stage it is the last one; a second insert gets an id of its own.
    fireEvent.click(screen.getByRole('button', { name: 'Insert stage after stage 4' }));
    expect(names(controller)).toEqual(['Discover', 'New stage', 'Buy', 'Use', 'New stage']);
    expect(new Set(ids(controller)).size).toBe(5);
    controller.flush();
    controller.undo();
    expect(names(controller)).toEqual(['Discover', 'Buy', 'Use']);
    controller.redo();
    expect(names(controller)).toHaveLength(5);
  });

  it('is refused at the stage limit (the button is disabled and the edit changes nothing)', () => {
    const d = sampleDraft();
    d.stages = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, name: `S${i}` }));
    expect(insertStageAfter(d, 's3')).toBe(d);
    renderPanel(d);
    fireEvent.click(tab(/Stages/));
    expect((screen.getByRole('button', { name: 'Insert stage after stage 1' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });
});

describe('a new stage’s id comes from its name when it first reaches the canvas', () => {
  it('"+ Add stage" renamed "Checkout" is created as `checkout`, with its cells, in the undo history too', () => {
    const { controller, last, receive } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Stages/));
    fireEvent.click(screen.getByRole('button', { name: '+ Add stage' }));
    const added = ids(controller)[3];
    expect(added).toBe('stage-4');
    controller.flush(); // an undo step with the stage still named "Stage 4"
    type(screen.getByLabelText('Stage 4 name'), 'Check out');
    controller.flush();
    controller.edit((m) => setCell(m, 'actions', added, 'Pays'));
    fireEvent.click(screen.getByRole('button', { name: 'Create map' }));
    const sent = last('create')!.map as JourneyMap;
    expect(sent.stages.map((s) => s.id)).toEqual(['discover', 'buy', 'use', 'check-out']);
    expect(sent.lanes[0].cells).toEqual({ discover: 'Searches', 'check-out': 'Pays' });
    // The panel's draft says the same, so the reply's map and the draft agree.
    expect(ids(controller)).toEqual(['discover', 'buy', 'use', 'check-out']);
    receive({ type: 'created', nodeId: '1:2', canvas: 'c', map: sent, revision: 1 });
    // Undo goes back through states that name the stage by its new id: never `stage-4` again.
    controller.undo();
    expect(controller.state.map.lanes[0].cells).toEqual({ discover: 'Searches' });
    expect(ids(controller)).toEqual(['discover', 'buy', 'use', 'check-out']);
    controller.undo();
    expect(ids(controller)).toEqual(['discover', 'buy', 'use', 'check-out']);
    expect(names(controller)[3]).toBe('Stage 4');
    controller.undo();
    expect(ids(controller)).toEqual(['discover', 'buy', 'use']);
  });

  it('never changes an id once on the canvas, nor one the map came with', () => {
    const { controller, last, receive } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Stages/));
    fireEvent.click(screen.getByRole('button', { name: 'Insert stage after stage 1' }));
    type(screen.getByLabelText('Stage 2 name'), 'Compare');
    fireEvent.click(screen.getByRole('button', { name: 'Create map' }));
    receive({ type: 'created', nodeId: '1:2', canvas: 'c', map: last('create')!.map, revision: 1 });
    expect(ids(controller)).toEqual(['discover', 'compare', 'buy', 'use']);
    type(screen.getByLabelText('Stage 2 name'), 'Weigh up');
    type(screen.getByLabelText('Stage 1 name'), 'Notice');
    fireEvent.click(screen.getByRole('button', { name: 'Update selected map' }));
    expect((last('update')!.map as JourneyMap).stages.map((s) => [s.id, s.name])).toEqual([
      ['discover', 'Notice'],
      ['compare', 'Weigh up'],
      ['buy', 'Buy'],
      ['use', 'Use'],
    ]);
  });

  it('follows the name across a reopened panel (the saved draft says which stages are new)', () => {
    const { controller, last } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Stages/));
    fireEvent.click(screen.getByRole('button', { name: '+ Add stage' }));
    controller.flush();
    const saved = last('save-draft')!.draft as { fresh?: string[] };
    expect(saved.fresh).toEqual(['stage-4']);
    cleanup();
    const again = renderPanel();
    again.receive({ type: 'draft', draft: saved });
    fireEvent.click(tab(/Stages/));
    type(screen.getByLabelText('Stage 4 name'), 'Pay');
    fireEvent.click(screen.getByRole('button', { name: 'Create map' }));
    expect((again.last('create')!.map as JourneyMap).stages.map((s) => s.id)).toEqual([
      'discover',
      'buy',
      'use',
      'pay',
    ]);
  });

  it('settleStageIds: only fresh ids not on the canvas, unique, idempotent; renameStageIds moves cells', () => {
    const d = sampleDraft();
    d.stages.push({ id: 'stage-4', name: 'Buy' }, { id: 'stage-5', name: 'Stage 5' });
    const r = settleStageIds(d, new Set(['stage-4', 'stage-5', 'use']), new Set(['use']));
    // `stage-5` already fits its name; `use` is on the canvas; `stage-4` named "Buy" cannot be `buy`.
    expect([...r]).toEqual([['stage-4', 'buy-2']]);
    d.lanes[0].cells = { 'stage-4': 'x', discover: 'y' };
    const moved = renameStageIds(d, r);
    expect(moved.lanes[0].cells).toEqual({ 'buy-2': 'x', discover: 'y' });
    expect(settleStageIds(moved, new Set(['buy-2', 'stage-5']), new Set(['use'])).size).toBe(0);
  });
});

describe('ids of lanes added in the panel', () => {
  const laneIds = (c: PanelController) => c.state.map.lanes.map((l) => l.id);

  it('follow the title until the lane reaches the canvas, with the curves on its chart; never after', () => {
    const { controller, last, receive } = renderPanel(sampleDraft());
    controller.edit((m) => addLane(m, 'emotion'));
    const added = laneIds(controller).at(-1)!;
    expect(added).toMatch(/^lane-\d+$/);
    controller.flush();
    controller.edit((m) => renameLane(m, added, 'Today'));
    // A second curve drawn on the new lane's chart follows its id.
    controller.edit((m) => setLaneOverlay(addLane(m, 'emotion', 'To be'), 'to-be', added));
    controller.flush();
    // Saved with the draft, like new stages, so a reopened panel still knows.
    expect((last('save-draft')!.draft as { freshLanes?: string[] }).freshLanes).toEqual([added, 'to-be']);
    fireEvent.click(screen.getByRole('button', { name: 'Create map' }));
    const sent = last('create')!.map as JourneyMap;
    expect(sent.lanes.map((l) => l.id)).toEqual(['actions', 'pains', 'feel', 'today', 'to-be']);
    expect(sent.lanes.find((l) => l.id === 'to-be')).toMatchObject({ overlay: 'today' });
    // Undo goes back through states that name the lane by its new id.
    controller.undo();
    expect(laneIds(controller)).toEqual(['actions', 'pains', 'feel', 'today']);
    receive({ type: 'created', nodeId: '1:2', canvas: 'c', map: sent, revision: 1 });
    controller.redo();
    // On the canvas now: a new title keeps the id.
    controller.edit((m) => renameLane(m, 'today', 'As is'));
    fireEvent.click(screen.getByRole('button', { name: 'Update selected map' }));
    const updated = last('update')!.map as JourneyMap;
    expect(updated.lanes.map((l) => [l.id, l.title])).toContainEqual(['today', 'As is']);
  });
});
