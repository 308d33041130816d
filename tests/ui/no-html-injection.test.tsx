// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { renderPanel, sampleDraft, tab } from './helpers';

afterEach(cleanup);

const ATTACK = '<img src=x onerror="window.__pwned=1"><b>bold</b>';

describe('user text is never rendered as HTML', () => {
  it('shows markup typed into names, cells and imported maps as text', () => {
    const draft = sampleDraft();
    draft.title = ATTACK;
    draft.stages[0].name = ATTACK;
    (draft.lanes[0].cells as Record<string, string>).discover = ATTACK;
    const { container, receive } = renderPanel(draft);
    fireEvent.click(tab(/Cells/));
    // A map coming back from the canvas with markup in it, and a selection named with markup.
    receive({ type: 'selection', maps: [{ nodeId: '1:2', title: ATTACK }] });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    expect(screen.getAllByDisplayValue(ATTACK).length).toBeGreaterThan(0);
    expect(container.textContent).toContain(ATTACK); // the selection's title, as text
  });
});
