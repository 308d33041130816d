// @vitest-environment jsdom
/**
 * Issue 15: "Use Figma variables" in the Theme section sets `theme.variables` on the map (sent with
 * Create and Update like any theme edit); where the file's variables have a Dark mode, the panel offers
 * Light / Dark for the map frame, sent at once as `set-variable-mode` (not a data edit).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { renderPanel, sampleDraft, tab } from './helpers';

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
