// @vitest-environment jsdom
/**
 * Messages name a field as the panel labels it (src/model/errors.ts's fieldLabel): for every
 * field of format 2 the panel edits, the control labelled with fieldLabel(path) is the one
 * that edits `path`, on the tab tabForPath(path) opens.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { fieldLabel, type Lane } from '../../src/model';
import { tabForPath } from '../../ui/state';
import type { DraftMap } from '../../ui/draft';
import { renderPanel, sampleDraft, tab } from './helpers';

afterEach(cleanup);

function formatTwo(): DraftMap {
  const d = sampleDraft();
  d.objective = 'Why';
  d.personas.push({
    id: 'bo',
    name: 'Bo',
    role: '',
    quote: '',
    description: '',
    goals: ['Go'],
    frustrations: ['Wait'],
  });
  d.stages[1] = { ...d.stages[1], moment: true, momentNote: 'Here' };
  d.lanes[2] = { ...d.lanes[2], scale: { min: 1, max: 5, low: 'Bad', high: 'Good' }, persona: 'ana' } as Lane;
  d.lanes.push({ id: 'tobe', title: 'To-be', kind: 'emotion', overlay: 'feel', style: 'dashed', cells: {} });
  return d;
}

const TAB_NAMES = {
  persona: /Personas/,
  stages: /Stages/,
  lanes: /Lanes/,
  cells: 'Cells',
  port: /^Data/,
  versions: /Versions/,
} as const;

describe('field labels in messages are the panel’s labels', () => {
  it.each([
    'objective',
    'personas[1].name',
    'personas[1].role',
    'personas[1].quote',
    'personas[1].description',
    'personas[1].goals[0]',
    'personas[1].frustrations[0]',
    'stages[1].name',
    'stages[1].phase',
    'stages[1].moment',
    'stages[1].momentNote',
    'lanes[2].title',
    'lanes[2].kind',
    'lanes[1].tone',
    'lanes[2].persona',
    'lanes[3].overlay',
    'lanes[3].style',
    'lanes[2].scale',
    'lanes[2].scale.max',
    'lanes[2].scale.low',
    'lanes[2].scale.high',
  ])('%s', (path) => {
    renderPanel(formatTwo());
    const t = tabForPath(path);
    expect(t).not.toBeNull();
    fireEvent.click(tab(TAB_NAMES[t!]));
    // Details of persona 2 are folded at first (two personas): unfold them.
    const unfold = screen.queryByRole('button', { name: /^Details.*of persona 2$/ });
    if (unfold) fireEvent.click(unfold);
    const control = screen.getByLabelText(fieldLabel(path));
    // The control edits that path (a scale's min and max are the Scale select).
    expect(control.getAttribute('data-path')).toBe(path.replace(/\.scale\.(min|max)$/, '.scale'));
  });
});
