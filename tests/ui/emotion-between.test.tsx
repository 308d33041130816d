// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { nearestPoint } from '../../ui/edit';
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

describe('faces round symmetrically around the middle of the scale', () => {
  const checkedValue = (group: HTMLElement) =>
    Array.from(group.querySelectorAll<HTMLInputElement>('input[type=radio]'))
      .filter((r) => r.checked)
      .map((r) => r.value);

  it('lights −1 for −0.5 as it lights +1 for +0.5 (Math.round gave the neutral face for −0.5)', () => {
    const draft = sampleDraft();
    const cells = draft.lanes[2].cells as Record<string, { score: number }>;
    cells.discover = { score: 0.5 };
    cells.buy = { score: -0.5 };
    cells.use = { score: -1.5 };
    renderPanel(draft);
    fireEvent.click(tab(/Stages/));
    const group = (stage: string) => screen.getAllByRole('group', { name: `Feeling, ${stage}` })[0];
    expect(checkedValue(group('Discover'))).toEqual(['1']);
    expect(checkedValue(group('Buy'))).toEqual(['-1']);
    expect(checkedValue(group('Use'))).toEqual(['-2']);
    expect(group('Buy').textContent).toContain('−0.5');
  });

  it('on 1–5 halves go away from 3: 2.5 is 2, 3.5 is 4', () => {
    const draft = sampleDraft();
    const lane = draft.lanes[2] as Extract<(typeof draft.lanes)[number], { kind: 'emotion' }>;
    lane.scale = { min: 1, max: 5 };
    lane.cells = { discover: { score: 2.5 }, buy: { score: 3.5 }, use: { score: 4.75 } };
    renderPanel(draft);
    fireEvent.click(tab(/Stages/));
    const group = (stage: string) => screen.getAllByRole('group', { name: `Feeling, ${stage}` })[0];
    expect(checkedValue(group('Discover'))).toEqual(['2']);
    expect(checkedValue(group('Buy'))).toEqual(['4']);
    expect(checkedValue(group('Use'))).toEqual(['5']);
  });

  it('nearestPoint: ties away from the middle, clamped to the scale, never −0', () => {
    const pm2 = { min: -2, max: 2 };
    for (const s of [0.25, 0.5, 0.75, 1.5, 1.75]) expect(nearestPoint(-s, pm2)).toBe(0 - nearestPoint(s, pm2) + 0);
    expect([0.25, 0.5, 1.5].map((s) => nearestPoint(s, pm2))).toEqual([0, 1, 2]);
    expect(Object.is(nearestPoint(-0.25, pm2), 0)).toBe(true);
    expect(nearestPoint(4.5, { min: 0, max: 10 })).toBe(4);
    expect(nearestPoint(5.5, { min: 0, max: 10 })).toBe(6);
    expect(nearestPoint(1.5, { min: 1, max: 4 })).toBe(1); // middle 2.5
    expect(nearestPoint(3.5, { min: 1, max: 4 })).toBe(4);
    expect(nearestPoint(9, { min: 1, max: 7 })).toBe(7);
  });
});
