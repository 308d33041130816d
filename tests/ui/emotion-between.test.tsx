// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { renderPanel, sampleDraft, tab } from './helpers';

afterEach(cleanup);

describe('emotion scores between the faces', () => {
  it('shows the nearest face as chosen and the exact score beside it, without changing the data', () => {
    const draft = sampleDraft();
    (draft.lanes[2].cells as Record<string, { score: number }>).discover = { score: 0.75 };
    const { controller } = renderPanel(draft);
    fireEvent.click(tab(/Stages/));
    const group = screen.getAllByRole('group', { name: /Feeling, Discover/ })[0];
    const checked = Array.from(group.querySelectorAll('input[type=radio]')).filter(
      (r) => (r as HTMLInputElement).checked,
    );
    expect(checked.map((r) => (r as HTMLInputElement).value)).toEqual(['1']);
    expect(group.textContent).toContain('+0.75');
    expect(controller.state.map.lanes[2].cells.discover).toEqual({ score: 0.75 });
  });
});
