// @vitest-environment jsdom
// A score can be removed in the Cells grid too: Delete or Backspace on the faces, or the compact
// control's × beside the note, which the grid shows while the cell is hovered or focused (see the
// screenshots in the commit). Every Clear names its stage.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { renderPanel, sampleDraft, tab } from './helpers';

afterEach(cleanup);

const cells = (controller: ReturnType<typeof renderPanel>['controller']) =>
  controller.state.map.lanes[2].cells as Record<string, { score: number; note?: string } | undefined>;
/** The Cells grid's control of Feeling at a stage (the only emotion control on that tab). */
const gridCell = (stage: string) => {
  const group = screen.getByRole('group', { name: `Feeling, ${stage}` });
  expect(group.classList.contains('compact')).toBe(true);
  return group;
};

describe('clearing a score in the Cells grid', () => {
  it('Delete or Backspace on the focused faces clears the score (and its note)', () => {
    const { controller } = renderPanel(sampleDraft());
    fireEvent.click(tab(/^Cells/));
    const discover = within(gridCell('Discover')).getByRole('radio', { name: /^\+1/ });
    expect((discover as HTMLInputElement).checked).toBe(true);
    fireEvent.keyDown(discover, { key: 'Delete' });
    expect(cells(controller).discover).toBeUndefined();
    const buy = within(gridCell('Buy')).getByRole('radio', { name: /^−2/ });
    fireEvent.keyDown(buy, { key: 'Backspace' });
    expect(cells(controller).buy).toBeUndefined();
    // Nothing to clear: no edit, so no undo step.
    const undoable = controller.state.canUndo;
    fireEvent.keyDown(within(gridCell('Use')).getAllByRole('radio')[0], { key: 'Delete' });
    expect(cells(controller).use).toBeUndefined();
    expect(controller.state.canUndo).toBe(undoable);
    // Other keys keep the score.
    fireEvent.click(within(gridCell('Use')).getByRole('radio', { name: /^0/ }));
    fireEvent.keyDown(within(gridCell('Use')).getByRole('radio', { name: /^0/ }), { key: 'a' });
    expect(cells(controller).use).toEqual({ score: 0 });
  });

  it('the compact control has a × button, named with lane and stage, that clears and keeps focus in the cell', () => {
    const { controller } = renderPanel(sampleDraft());
    fireEvent.click(tab(/^Cells/));
    const group = gridCell('Buy');
    const clear = within(group).getByRole('button', { name: 'Clear Feeling score, Buy' });
    expect(clear.textContent).toBe('×');
    expect(clear.title).toBe('Clear score (Delete)');
    // Not a Tab stop in the grid (Tab through a row is as before); Delete is the keyboard's way.
    expect(clear.tabIndex).toBe(-1);
    clear.focus();
    fireEvent.click(clear);
    expect(cells(controller).buy).toBeUndefined();
    expect((clear as HTMLButtonElement).disabled).toBe(true);
    expect(group.contains(document.activeElement) && (document.activeElement as HTMLInputElement).type).toBe('radio');
  });

  it('the grid does not hide the × for good: it shows on hover or focus, only while there is a score', () => {
    const css = readFileSync('ui/styles.css', 'utf8');
    const rules = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].map(([, sel, body]) => [sel.trim(), body] as const);
    const hides = rules.filter(([sel, body]) => /\.compact\b.*\.clear/.test(sel) && /display:\s*none/.test(body));
    expect(hides).toEqual([]);
    const shows = rules.find(([sel]) => /\.emotion\.compact:is\(:hover, :focus-within\) \.clear:enabled$/.test(sel));
    expect(shows?.[1]).toMatch(/color:\s*var\(--text2\)/);
  });
});

describe('Clear buttons name their stage', () => {
  it('on the Stages tab, each Clear says which stage it clears', () => {
    renderPanel(sampleDraft());
    fireEvent.click(tab(/^Stages/));
    for (const stage of ['Discover', 'Buy', 'Use'])
      expect(
        within(screen.getByRole('group', { name: `Feeling, ${stage}` })).getByRole('button', {
          name: `Clear Feeling score, ${stage}`,
        }).textContent,
      ).toBe('Clear');
  });
});
