// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within, act } from '@testing-library/preact';
import { renderPanel, sampleDraft, tab } from './helpers';

afterEach(cleanup);

const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });

describe('persona editor', () => {
  it('edits name, role, quote, description, goals and frustrations', () => {
    const { controller } = renderPanel();
    type(screen.getByLabelText('Persona name'), 'Maya');
    type(screen.getByLabelText('Role'), 'Nurse');
    type(screen.getByLabelText('Quote'), 'Just tell me where to go');
    type(screen.getByLabelText('Description'), 'Works nights');
    fireEvent.click(screen.getByRole('button', { name: '+ Add goal' }));
    type(screen.getByLabelText('Goal 1'), 'Park close');
    fireEvent.click(screen.getByRole('button', { name: '+ Add goal' }));
    type(screen.getByLabelText('Goal 2'), 'Short wait');
    fireEvent.click(screen.getByRole('button', { name: '+ Add frustration' }));
    type(screen.getByLabelText('Frustration 1'), 'Signs');
    fireEvent.click(screen.getByRole('button', { name: 'Remove goal 1' }));
    expect(controller.state.map.persona).toEqual({
      name: 'Maya',
      role: 'Nurse',
      quote: 'Just tell me where to go',
      description: 'Works nights',
      goals: ['Short wait'],
      frustrations: ['Signs'],
    });
  });
});

describe('stages editor', () => {
  it('adds, renames, reorders with buttons and Alt+Arrow, and removes stages', async () => {
    const { controller } = renderPanel();
    fireEvent.click(tab(/Stages/));
    fireEvent.click(screen.getByRole('button', { name: '+ Add stage' }));
    expect(controller.state.map.stages).toHaveLength(4);
    type(screen.getByLabelText('Stage 4 name'), 'Pay');
    type(screen.getByLabelText('Phase of stage 4'), 'Later');
    fireEvent.click(screen.getByRole('button', { name: 'Move stage 4 up' }));
    expect(controller.state.map.stages.map((s) => s.name)).toEqual(['Stage 1', 'Stage 2', 'Pay', 'Stage 3']);
    fireEvent.keyDown(screen.getByLabelText('Stage 3 name'), { key: 'ArrowUp', altKey: true });
    expect(controller.state.map.stages.map((s) => s.name)).toEqual(['Stage 1', 'Pay', 'Stage 2', 'Stage 3']);
    fireEvent.keyDown(screen.getByLabelText('Stage 2 name'), { key: 'ArrowDown', altKey: true });
    expect(controller.state.map.stages.map((s) => s.name)).toEqual(['Stage 1', 'Stage 2', 'Pay', 'Stage 3']);
    expect(controller.state.map.stages[2].phase).toBe('Later');
    fireEvent.click(screen.getByRole('button', { name: 'Remove stage 1' }));
    expect(controller.state.map.stages.map((s) => s.name)).toEqual(['Stage 2', 'Pay', 'Stage 3']);
  });

  it('removing a stage drops its cells; the last stage cannot be removed', () => {
    const { controller } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Stages/));
    fireEvent.click(screen.getByRole('button', { name: 'Remove stage 2' }));
    const pains = controller.state.map.lanes.find((l) => l.id === 'pains')!;
    expect(pains.cells).toEqual({});
    fireEvent.click(screen.getByRole('button', { name: 'Remove stage 1' }));
    expect(screen.getByRole('button', { name: 'Remove stage 1' })).toHaveProperty('disabled', true);
  });

  it('sets the emotion score and note of a stage with five levels', () => {
    const { controller } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Stages/));
    const group = screen.getByRole('group', { name: 'Feeling, Use' });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(5);
    fireEvent.click(within(group).getByRole('radio', { name: '+2 very positive' }));
    type(within(group).getByLabelText('Feeling note, Use'), 'Works!');
    expect(controller.state.map.lanes[2].cells).toMatchObject({ use: { score: 2, note: 'Works!' } });
    fireEvent.click(within(group).getByRole('radio', { name: '−1 negative' }));
    expect(controller.state.map.lanes[2].cells).toMatchObject({ use: { score: -1, note: 'Works!' } });
    fireEvent.click(within(group).getByRole('button', { name: 'Clear Feeling score' }));
    expect((controller.state.map.lanes[2].cells as Record<string, unknown>).use).toBeUndefined();
  });
});

describe('lanes editor', () => {
  it('adds lanes of each kind, renames, changes kind and tone, reorders and removes', () => {
    const { controller } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Lanes/));
    fireEvent.click(screen.getByRole('button', { name: '+ Cards lane' }));
    type(screen.getByLabelText('Lane 4 title'), 'Ideas');
    fireEvent.change(screen.getByLabelText('Tone of lane 4'), { target: { value: 'idea' } });
    expect(controller.state.map.lanes[3]).toMatchObject({ title: 'Ideas', kind: 'cards', tone: 'idea' });
    fireEvent.click(screen.getByRole('button', { name: 'Move lane 4 up' }));
    expect(controller.state.map.lanes.map((l) => l.title)).toEqual(['Actions', 'Pains', 'Ideas', 'Feeling']);
    fireEvent.keyDown(screen.getByLabelText('Lane 3 title'), { key: 'ArrowUp', altKey: true });
    expect(controller.state.map.lanes.map((l) => l.title)).toEqual(['Actions', 'Ideas', 'Pains', 'Feeling']);
    // Cards → text keeps the cards as lines.
    fireEvent.change(screen.getByLabelText('Kind of lane 3'), { target: { value: 'text' } });
    expect(controller.state.map.lanes[2]).toEqual({
      id: 'pains',
      title: 'Pains',
      kind: 'text',
      cells: { buy: 'Slow checkout\nFees' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove lane 1' }));
    expect(controller.state.map.lanes.map((l) => l.title)).toEqual(['Ideas', 'Pains', 'Feeling']);
    fireEvent.click(screen.getByRole('button', { name: '+ Emotion lane' }));
    expect(controller.state.map.lanes[3].kind).toBe('emotion');
  });
});

describe('cells grid', () => {
  it('edits text cells and card cells one line per card', () => {
    const { controller } = renderPanel(sampleDraft());
    fireEvent.click(tab('Cells'));
    type(screen.getByLabelText('Actions, Buy'), 'Pays\nwith card');
    type(screen.getByLabelText('Pains, Use'), 'Manual\nMissing size');
    expect(controller.state.map.lanes[0].cells).toMatchObject({ buy: 'Pays\nwith card' });
    expect(controller.state.map.lanes[1].cells).toMatchObject({ use: ['Manual', 'Missing size'] });
    expect((screen.getByLabelText('Pains, Buy') as HTMLTextAreaElement).value).toBe('Slow checkout\nFees');
    const v = controller.validate();
    expect(v.map?.lanes[1].cells).toEqual({ buy: ['Slow checkout', 'Fees'], use: ['Manual', 'Missing size'] });
  });

  it('sets emotion in the grid too', () => {
    const { controller } = renderPanel(sampleDraft());
    fireEvent.click(tab('Cells'));
    const group = screen.getByRole('group', { name: 'Feeling, Use' });
    fireEvent.click(within(group).getByRole('radio', { name: '0 neutral' }));
    expect(controller.state.map.lanes[2].cells).toMatchObject({ use: { score: 0 } });
  });

  it('moves focus between cells with Alt+Arrow keys and documents it', () => {
    renderPanel(sampleDraft());
    fireEvent.click(tab('Cells'));
    expect(screen.getByText(/arrow keys move between cells/)).toBeTruthy();
    const start = screen.getByLabelText('Actions, Discover');
    start.focus();
    fireEvent.keyDown(start, { key: 'ArrowRight', altKey: true });
    expect(document.activeElement).toBe(screen.getByLabelText('Actions, Buy'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown', altKey: true });
    expect(document.activeElement).toBe(screen.getByLabelText('Pains, Buy'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown', altKey: true });
    // Emotion row: the checked face of that stage gets focus.
    expect(document.activeElement).toBe(
      within(screen.getByRole('group', { name: 'Feeling, Buy' })).getByRole('radio', { name: '−2 very negative' }),
    );
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp', altKey: true });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft', altKey: true });
    expect(document.activeElement).toBe(screen.getByLabelText('Pains, Discover'));
    // A plain arrow key is left to the textarea.
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(screen.getByLabelText('Pains, Discover'));
  });
});

describe('undo / redo', () => {
  it('Ctrl+Z undoes a removed stage and Shift+Ctrl+Z redoes it', () => {
    const { controller } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Stages/));
    fireEvent.click(screen.getByRole('button', { name: 'Remove stage 1' }));
    act(() => controller.flush());
    expect(controller.state.map.stages).toHaveLength(2);
    fireEvent.keyDown(document, { key: 'z', ctrlKey: true });
    expect(controller.state.map.stages.map((s) => s.id)).toEqual(['discover', 'buy', 'use']);
    fireEvent.keyDown(document, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(controller.state.map.stages.map((s) => s.id)).toEqual(['buy', 'use']);
  });
});
