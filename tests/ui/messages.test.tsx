// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { norm } from '../support/maps';
import { UiToPluginSchema } from '../../src/protocol';
import { DRAFT_DEBOUNCE_MS } from '../../ui/controller';
import { toMapInput } from '../../ui/draft';
import { renderPanel, sampleDraft, tab } from './helpers';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });

describe('start and create', () => {
  it('sends ready on start, then a valid create with the normalised map', () => {
    const { sent, last } = renderPanel(sampleDraft());
    expect(sent[0]).toEqual({ type: 'ready' });
    fireEvent.click(screen.getByRole('button', { name: 'Create map' }));
    const msg = last('create')!;
    expect(UiToPluginSchema.safeParse(msg).success).toBe(true);
    expect(msg.map).toEqual(norm(toMapInput(sampleDraft())));
  });

  it('does not send an invalid map: shows issues next to the field and in the summary', async () => {
    const { sent } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Stages/));
    type(screen.getByLabelText('Stage 2 name'), '   ');
    fireEvent.click(screen.getByRole('button', { name: 'Create map' }));
    expect(sent.some((m) => m.type === 'create')).toBe(false);
    const field = screen.getByLabelText('Stage 2 name');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const errId = field.getAttribute('aria-describedby')!;
    expect(document.getElementById(errId)!.textContent).toBe('must not be empty');
    const summary = screen.getByRole('region', { name: 'Problems' });
    expect(within(summary).getByText('stages[1].name')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/Fix 1 problem/);
    // Fixing the field clears the issue after the debounce.
    type(field, 'Buy');
    await act(async () => {
      await new Promise((r) => setTimeout(r, DRAFT_DEBOUNCE_MS + 50));
    });
    expect(screen.queryByRole('region', { name: 'Problems' })).toBeNull();
  });

  it('a summary entry takes the user to the field on another tab', async () => {
    const draft = sampleDraft();
    draft.personas.push({ ...draft.personas[0], id: 'bo', name: '' });
    renderPanel(draft);
    fireEvent.click(tab('Cells'));
    fireEvent.click(screen.getByRole('button', { name: 'Create map' }));
    fireEvent.click(
      within(screen.getByRole('region', { name: 'Problems' })).getByRole('button', { name: /personas\[1\]\.name/ }),
    );
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(tab(/Personas/).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Persona 2 name'));
  });
});

describe('update, read back and conflicts', () => {
  it('update uses the created node and revision; conflict offers reload and overwrite', () => {
    const { last, receive } = renderPanel(sampleDraft());
    const update = screen.getByRole('button', { name: 'Update selected map' }) as HTMLButtonElement;
    const create = screen.getByRole('button', { name: 'Create map' });
    expect(update.disabled).toBe(true);
    expect(create.classList.contains('primary')).toBe(true);
    fireEvent.click(create);
    receive({ type: 'created', nodeId: '1:2', canvas: 'c3', map: last('create')!.map, revision: 3 });
    expect(screen.getByRole('status').textContent).toMatch(/created/i);
    // Now working on a map on the canvas: Update is the main action, a second Create is not.
    expect(update.classList.contains('primary')).toBe(true);
    expect(create.classList.contains('primary')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Update selected map' }));
    expect(last('update')).toMatchObject({ type: 'update', nodeId: '1:2', baseRevision: 3 });
    expect(last('update')!.force).toBeUndefined();

    receive({ type: 'error', code: 'conflict', message: 'The map was edited on the canvas.', issues: [] });
    expect(screen.getByRole('alert').textContent).toMatch(/edited on the canvas/);
    fireEvent.click(screen.getByRole('button', { name: 'Overwrite' }));
    expect(last('update')).toMatchObject({ nodeId: '1:2', baseRevision: 3, force: true });

    receive({ type: 'error', code: 'conflict', message: 'Changed again.', issues: [] });
    fireEvent.click(screen.getByRole('button', { name: 'Reload from canvas' }));
    expect(last('read')).toEqual({ type: 'read', nodeId: '1:2' });
    const canvasMap = { ...norm(toMapInput(sampleDraft())), title: 'Edited on canvas' };
    receive({ type: 'map', nodeId: '1:2', canvas: 'c5', map: canvasMap, revision: 5 });
    expect((screen.getByLabelText('Map title') as HTMLInputElement).value).toBe('Edited on canvas');
    expect(screen.queryByRole('button', { name: 'Overwrite' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Update selected map' }));
    expect(last('update')).toMatchObject({ nodeId: '1:2', baseRevision: 5 });
  });

  it('follows the selection: loads the selected map and reads it back', () => {
    const { last, receive, controller } = renderPanel();
    expect(screen.queryByRole('button', { name: /Load selected map/ })).toBeNull();
    receive({ type: 'selection', maps: [{ nodeId: '9:9', title: 'Clinic' }] });
    fireEvent.click(screen.getByRole('button', { name: 'Load selected map “Clinic”' }));
    expect(last('read')).toEqual({ type: 'read', nodeId: '9:9' });
    receive({
      type: 'map',
      nodeId: '9:9',
      canvas: 'c1',
      map: { ...norm(toMapInput(sampleDraft())), title: 'Clinic' },
      revision: 1,
      warnings: ['A sticky was ignored.'],
    });
    expect(controller.state.target).toMatchObject({ nodeId: '9:9', revision: 1, canvas: 'c1' });
    expect(screen.getByRole('status').textContent).toMatch(/Loaded “Clinic”.*sticky was ignored/);
    fireEvent.click(screen.getByRole('button', { name: 'Read back' }));
    expect(last('read')).toEqual({ type: 'read', nodeId: '9:9' });
  });

  it('sandbox validation errors are shown next to fields', () => {
    const { receive } = renderPanel(sampleDraft());
    receive({
      type: 'error',
      code: 'invalid',
      message: 'The map is invalid.',
      issues: [{ path: 'title', message: 'too fancy' }],
    });
    const field = screen.getByLabelText('Map title');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field.getAttribute('aria-describedby')!)!.textContent).toBe('too fancy');
    expect(within(screen.getByRole('region', { name: 'Problems' })).getByText(/too fancy/)).toBeTruthy();
  });

  it('a canvas map that fails validation leaves the draft untouched', () => {
    const { receive, controller } = renderPanel(sampleDraft());
    const before = controller.state.map;
    receive({ type: 'map', nodeId: '1:1', canvas: 'c1', map: { title: '', stages: [] }, revision: 1 });
    expect(controller.state.map).toBe(before);
    expect(screen.getByRole('alert').textContent).toMatch(/could not be read/);
  });
});

describe('draft persistence', () => {
  it('saves the draft after a pause in typing, once', () => {
    vi.useFakeTimers();
    const { sent } = renderPanel(sampleDraft());
    const title = screen.getByLabelText('Map title');
    for (const t of ['A', 'AB', 'ABC']) type(title, t);
    expect(sent.filter((m) => m.type === 'save-draft')).toHaveLength(0);
    act(() => {
      vi.advanceTimersByTime(DRAFT_DEBOUNCE_MS + 10);
    });
    const saves = sent.filter((m) => m.type === 'save-draft');
    expect(saves).toHaveLength(1);
    expect(saves[0]).toMatchObject({ draft: { v: 1, map: { title: 'ABC' } } });
  });

  it('restores a saved draft and ignores a broken one with a notice', () => {
    const { receive, controller, sent } = renderPanel();
    vi.useFakeTimers();
    receive({ type: 'draft', draft: { v: 1, map: { stages: 'nope' } } });
    expect(screen.getByRole('status').textContent).toMatch(/could not be read and was ignored/);
    expect(controller.state.map.title).toBe('New journey map');
    // A draft saved by this panel comes back as it was.
    const saved = { v: 1, map: sampleDraft(), target: { nodeId: '4:4', revision: 2 } };
    receive({ type: 'draft', draft: JSON.parse(JSON.stringify(saved)) });
    expect(controller.state.map).toEqual(sampleDraft());
    expect(controller.state.target).toEqual({ nodeId: '4:4', revision: 2 });
    expect((screen.getByLabelText('Persona 1 name') as HTMLInputElement).value).toBe('Ana');
    // No draft stored yet: nothing changes.
    receive({ type: 'draft' });
    expect(controller.state.map).toEqual(sampleDraft());
    expect(sent.every((m) => UiToPluginSchema.safeParse(m).success)).toBe(true);
  });
});

describe('resize grip', () => {
  it('sends resize messages within the protocol limits', () => {
    const { last } = renderPanel();
    const grip = screen.getByRole('button', { name: /Resize panel/ });
    fireEvent.keyDown(grip, { key: 'ArrowRight' });
    const msg = last('resize')!;
    expect(msg.width).toBe(Math.max(320, window.innerWidth + 16));
    fireEvent.keyDown(grip, { key: 'ArrowUp', shiftKey: true });
    expect(last('resize')!.height).toBe(Math.max(320, window.innerHeight - 64));
  });
});
