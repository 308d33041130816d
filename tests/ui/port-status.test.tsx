// @vitest-environment jsdom
// Statuses never contradict each other: the Import/Export tab's message and the footer's status
// speak of the same last action; the footer names fields as the panel labels them.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { renderPanel, sampleDraft, tab } from './helpers';

afterEach(cleanup);

const paste = (text: string) => {
  fireEvent.click(tab(/^Data/));
  fireEvent.input(screen.getByLabelText(/Paste a map/), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Import pasted text' }));
};
/** Every status and alert the panel shows now, as [role, class, text]. */
const said = () =>
  [...screen.queryAllByRole('status'), ...screen.queryAllByRole('alert')].map((el) => [
    el.getAttribute('role'),
    el.className,
    el.textContent,
  ]);

describe('import and the footer agree', () => {
  it('a failed import after "Map created" leaves no green status beside the red error', () => {
    const { last, receive, controller } = renderPanel(sampleDraft());
    fireEvent.click(screen.getByRole('button', { name: 'Create map' }));
    receive({ type: 'created', nodeId: '1:2', canvas: 'c', map: last('create')!.map, revision: 1 });
    expect(said()).toEqual([['status', 'status success', 'Map created on the canvas.']]);

    paste('{"title": "Broken", "stages": [ {"name": "Buy" }, ], "lanes": [] }');
    const shown = said();
    expect(shown).toHaveLength(1);
    expect(shown[0][0]).toBe('alert');
    expect(shown[0][2]).toMatch(
      /^This JSON could not be imported \(your map is unchanged\):line 1, column 51: not valid JSON: a comma before "\]"/,
    );
    expect(controller.state.status).toBeNull();
  });

  it('the tab’s error goes when a later action sets the footer’s status; what was imported stays said', () => {
    const { last, receive } = renderPanel(sampleDraft());
    paste('T\tA\tB\nMood (1-5)\t2\t9\n');
    expect(screen.getByRole('alert').textContent).toMatch(/row 2, column C: score must be between 1 and 5/);
    fireEvent.click(screen.getByRole('button', { name: 'Create map' }));
    expect(said()).toEqual([['status', 'status info', 'Creating map…']]);
    receive({ type: 'created', nodeId: '1:2', canvas: 'c', map: last('create')!.map, revision: 1 });
    expect(said()).toEqual([['status', 'status success', 'Map created on the canvas.']]);
    // An import that worked is still true after the map is created from it.
    paste('Trip\tGo\tBack\nActions\tDrives\tFlies\n');
    fireEvent.click(screen.getByRole('button', { name: 'Create map' }));
    receive({ type: 'created', nodeId: '1:3', canvas: 'c', map: last('create')!.map, revision: 1 });
    expect(said().map(([, cls, text]) => [cls, text?.slice(0, 20)])).toEqual([
      ['msg success', 'Imported table: 2 st'],
      ['status success', 'Map created on the c'],
    ]);
  });

  it('a successful import says the same in the tab and the footer', () => {
    const { controller } = renderPanel(sampleDraft());
    paste('Trip\tGo\tBack\nActions\tDrives\tFlies\n');
    const shown = said();
    expect(shown.map(([role, cls]) => [role, cls])).toEqual([
      ['status', 'msg success'],
      ['status', 'status success'],
    ]);
    expect(shown[0][2]).toMatch(/^Imported table: 2 stages, 1 lane\./);
    expect(shown[1][2]).toBe('Imported “Trip” from pasted text. Undo with Ctrl+Z.');
    // A refused export afterwards: its own error in the tab and the footer; the import stays said.
    fireEvent.input(screen.getByLabelText('Map title'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Copy JSON' }));
    expect(said().map(([role, cls]) => [role, cls])).toEqual([
      ['status', 'msg success'],
      ['alert', 'msg error'],
      ['alert', 'status error'],
    ]);
    expect(controller.state.status).toMatchObject({ tone: 'error' });
  });
});

describe('footer problems name fields as the panel labels them', () => {
  it('shows the label, the message and the path, and the label takes the user to the field', () => {
    renderPanel({
      ...sampleDraft(),
      stages: [
        { id: 'discover', name: 'Discover' },
        { id: 'buy', name: ' ' },
        { id: 'use', name: 'Use' },
      ],
      lanes: [{ id: 'actions', title: 'Actions', kind: 'text', cells: { use: 'x'.repeat(2001) } }],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create map' }));
    const items = within(screen.getByRole('region', { name: 'Problems' })).getAllByRole('button');
    expect(items.map((b) => b.textContent)).toEqual([
      'Stage 2 name: must not be empty stages[1].name',
      'Actions, Use: at most 2000 characters lanes[0].cells.use',
    ]);
    expect(items[0].querySelector('code')!.textContent).toBe('stages[1].name');
  });
});
