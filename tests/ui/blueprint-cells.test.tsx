// @vitest-environment jsdom
/** The panel's side of issue #14: divider and metric lanes, metric cells, evidence links. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { normaliseMap } from '../../src/model';
import { toMapInput } from '../../ui/draft';
import { setLaneKind } from '../../ui/edit';
import { renderPanel, sampleDraft, tab } from './helpers';

afterEach(cleanup);

const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });

describe('blueprint and metric lanes in the panel', () => {
  it('adds a divider and a metric lane, and the draft is a valid map', () => {
    const { controller } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Lanes/));
    fireEvent.click(screen.getByRole('button', { name: '+ Divider line' }));
    fireEvent.click(screen.getByRole('button', { name: '+ Metric lane' }));
    const lanes = controller.state.map.lanes;
    expect(lanes.slice(-2).map((l) => [l.title, l.kind])).toEqual([
      ['Line of visibility', 'divider'],
      ['Drop-off', 'metric'],
    ]);
    fireEvent.change(screen.getByLabelText(/^Line of lane 4/), { target: { value: 'dashed' } });
    expect(controller.state.map.lanes[3]).toMatchObject({ kind: 'divider', style: 'dashed' });
    expect(normaliseMap(toMapInput(controller.state.map)).ok).toBe(true);
  });

  it('edits a metric as people write it, keeps a half-typed value out of the draft, and sets a target', () => {
    const draft = sampleDraft();
    draft.lanes.push({ id: 'drop', title: 'Drop-off', kind: 'metric', cells: {} });
    const { controller } = renderPanel(draft);
    fireEvent.click(tab(/Cells/));
    const value = screen.getByLabelText('Drop-off, Buy: value');
    type(value, '18 %');
    expect(controller.state.map.lanes[3].cells).toEqual({ buy: { value: 18, unit: '%' } });
    type(value, 'about');
    // Not a number yet: said under the field, and the draft keeps the last number.
    expect(screen.getByText(/Start with a number/)).toBeTruthy();
    expect(controller.state.map.lanes[3].cells).toEqual({ buy: { value: 18, unit: '%' } });
    type(value, '3,5 min');
    type(screen.getByLabelText('Drop-off, Buy: target'), '2');
    fireEvent.change(screen.getByLabelText('Drop-off, Buy: better when'), { target: { value: 'lower' } });
    expect(controller.state.map.lanes[3].cells).toEqual({
      buy: { value: 3.5, unit: 'min', target: 2, better: 'lower' },
    });
    type(value, '');
    expect(controller.state.map.lanes[3].cells).toEqual({});
  });

  it('shows a link as "words <url>" and reads one typed that way; a javascript: address stays words', () => {
    const draft = sampleDraft();
    draft.lanes[1].cells = { buy: ['Slow checkout', { text: 'Fees', url: 'https://research.example.org/7' }] };
    const { controller } = renderPanel(draft);
    fireEvent.click(tab(/Cells/));
    const cards = screen.getByLabelText('Pains, Buy') as HTMLTextAreaElement;
    expect(cards.value).toBe('Slow checkout\nFees <https://research.example.org/7>');
    // Shown, never followed: no anchor in the panel.
    expect(document.querySelector('a[href^="https://research"]')).toBeNull();
    type(screen.getByLabelText('Actions, Use'), 'Reads reviews <https://example.org/r> ');
    expect(controller.state.map.lanes[0].cells.use).toEqual({ text: 'Reads reviews', url: 'https://example.org/r' });
    type(screen.getByLabelText('Actions, Use'), 'Clicks <javascript:alert(1)>');
    expect(controller.state.map.lanes[0].cells.use).toBe('Clicks <javascript:alert(1)>');
  });

  it('changing a lane between metric, text and cards keeps the values as words and back', () => {
    const draft = sampleDraft();
    draft.lanes.push({ id: 'drop', title: 'Drop-off', kind: 'metric', cells: { buy: { value: 18, unit: '%' } } });
    let m = setLaneKind(draft, 'drop', 'cards');
    expect(m.lanes[3].cells).toEqual({ buy: ['18%'] });
    m = setLaneKind(m, 'drop', 'metric');
    expect(m.lanes[3].cells).toEqual({ buy: { value: 18, unit: '%' } });
    m = setLaneKind(m, 'drop', 'text');
    expect(m.lanes[3].cells).toEqual({ buy: '18%' });
    m = setLaneKind(m, 'drop', 'metric');
    expect(m.lanes[3].cells).toEqual({ buy: { value: 18, unit: '%' } });
  });
});
