// @vitest-environment jsdom
/**
 * Issue 15: "Use Figma variables" in the Theme section sets `theme.variables` on the map (sent with
 * Create and Update like any theme edit); where the file's variables have a Dark mode, the panel offers
 * Light / Dark for the map frame, sent at once as `set-variable-mode` (not a data edit).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/preact';
import { renderPanel, sampleDraft, tab } from './helpers';
import { setThemeVariables } from '../../ui/edit';

afterEach(cleanup);

describe('Use Figma variables', () => {
  it('the checkbox puts theme.variables in the map and takes it out, and Create sends it', () => {
    const { controller, last } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Stages/));
    const box = screen.getByLabelText('Use Figma variables') as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    expect(controller.state.map.theme).toEqual({ variables: true });
    expect(box.checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: /Create map/ }));
    expect((last('create')?.map as { theme?: unknown }).theme).toEqual({ variables: true });
    fireEvent.click(box);
    expect(controller.state.map).not.toHaveProperty('theme');
  });

  it('offers Light / Dark only where the variables have a Dark mode, and sets the frame mode', () => {
    const { controller, receive, last, sent } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Stages/));
    fireEvent.click(screen.getByLabelText('Use Figma variables'));
    const reply = { nodeId: '1:2', canvas: 'c', map: controller.validate().map, revision: 1 } as const;
    receive({ type: 'created', ...reply, variables: { modes: ['Light'] } });
    expect(screen.queryByLabelText('Show the map in')).toBeNull();
    receive({
      type: 'updated',
      ...reply,
      stats: { created: 0, updated: 0, removed: 0, kept: 1 },
      variables: { modes: ['Light', 'Dark'] },
    });
    const select = screen.getByLabelText('Show the map in') as HTMLSelectElement;
    expect(select.value).toBe('Light');
    const before = sent.length;
    fireEvent.change(select, { target: { value: 'Dark' } });
    expect(sent.length).toBe(before + 1);
    expect(last('set-variable-mode')).toEqual({ type: 'set-variable-mode', nodeId: '1:2', mode: 'Dark' });
    // The data did not change: no undo step, nothing to update.
    expect(controller.state.map.theme).toEqual({ variables: true });
    receive({ type: 'variable-modes', nodeId: '1:2', variables: { modes: ['Light', 'Dark'], mode: 'Dark' } });
    expect((screen.getByLabelText('Show the map in') as HTMLSelectElement).value).toBe('Dark');
  });
});

describe('Light / Dark after the panel reopens', () => {
  it("asks for the frame's modes when the restored draft's map uses variables, and shows the frame's mode", () => {
    const { receive, sent, last } = renderPanel();
    const map = { ...sampleDraft(), theme: { variables: true } };
    receive({
      type: 'draft',
      draft: JSON.parse(JSON.stringify({ v: 1, map, target: { nodeId: '4:4', revision: 2 } })),
    });
    expect(last('get-variable-modes')).toEqual({ type: 'get-variable-modes', nodeId: '4:4' });
    fireEvent.click(tab(/Stages/));
    receive({ type: 'variable-modes', nodeId: '4:4', variables: { modes: ['Light', 'Dark'], mode: 'Dark' } });
    expect((screen.getByLabelText('Show the map in') as HTMLSelectElement).value).toBe('Dark');
    // A draft without variables, or without a map on the canvas, asks nothing.
    const asked = sent.filter((m) => m.type === 'get-variable-modes').length;
    receive({
      type: 'draft',
      draft: JSON.parse(JSON.stringify({ v: 1, map: sampleDraft(), target: { nodeId: '4:4', revision: 2 } })),
    });
    receive({ type: 'draft', draft: JSON.parse(JSON.stringify({ v: 1, map })) });
    expect(sent.filter((m) => m.type === 'get-variable-modes')).toHaveLength(asked);
  });
});

describe('Use Figma variables in FigJam', () => {
  const reason = 'FigJam boards use plain colours: Figma variables apply in Figma Design.';

  it('is left out while off, shown disabled with the reason while the map has it on, and Light / Dark never', () => {
    const { controller, receive } = renderPanel(sampleDraft());
    receive({ type: 'editor', editor: 'figjam' });
    fireEvent.click(tab(/Stages/));
    // Off: nothing to say, nothing to tick (a board's colours are plain paints).
    expect(screen.queryByLabelText('Use Figma variables')).toBeNull();
    expect(screen.queryByText(reason)).toBeNull();
    // A map with variables on (made in Figma Design) keeps them, for Figma Design: shown, disabled, with why.
    act(() => controller.edit((m) => setThemeVariables(m, true)));
    const box = screen.getByLabelText('Use Figma variables') as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(box.disabled).toBe(true);
    expect(screen.getByText(reason).id).toBe(box.getAttribute('aria-describedby'));
    // Even where a reply tells of a Dark mode, no Light / Dark choice: FigJam has no modes to show.
    const reply = { nodeId: '1:2', canvas: 'c', map: controller.validate().map, revision: 1 } as const;
    receive({ type: 'created', ...reply, variables: { modes: ['Light', 'Dark'] } });
    expect(screen.queryByLabelText('Show the map in')).toBeNull();
    // The theme preview still shows light and dark.
    expect(screen.getByLabelText('Light colours')).toBeTruthy();
    expect(screen.getByLabelText('Dark colours')).toBeTruthy();
    // In Figma Design the same panel offers both.
    receive({ type: 'editor', editor: 'figma' });
    expect((screen.getByLabelText('Use Figma variables') as HTMLInputElement).disabled).toBe(false);
    expect(screen.getByLabelText('Show the map in')).toBeTruthy();
    expect(screen.queryByText(reason)).toBeNull();
  });
});
