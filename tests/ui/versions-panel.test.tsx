// @vitest-environment jsdom
/**
 * The Versions tab (issue #18) against recorded sandbox replies: the list from a `versions`
 * message, saving (and what is refused before anything is sent), deleting after a confirmation,
 * the comparison view of a real diff, drawing it, loading a version into the draft (one undo
 * step), and sandbox errors shown as the status.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { diffMaps } from '../../src/model/diff';
import type { JourneyMap } from '../../src/model';
import type { PluginToUi } from '../../src/protocol';
import { toMapInput } from '../../ui/draft';
import { norm } from '../support/maps';
import { renderPanel, sampleDraft, tab } from './helpers';

afterEach(cleanup);

const NODE = '1:2';
const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });

/** The sample map as the sandbox would have it, and a panel that created it on the canvas. */
function onCanvas() {
  const map = norm(toMapInput(sampleDraft()));
  const p = renderPanel(sampleDraft());
  p.receive({ type: 'created', nodeId: NODE, canvas: 'c1', map, revision: 1 });
  return { ...p, map };
}

const V1 = { id: 'v1', name: 'As-is', date: '2026-06-01T09:30:00.000Z', revision: 1 };
const V2 = { id: 'v2', name: 'After workshop', date: '2026-06-20T14:05:00.000Z', revision: 4 };

function listReply(
  requestId: string | undefined,
  versions = [V1, V2],
  extra: Partial<Extract<PluginToUi, { type: 'versions' }>> = {},
): PluginToUi {
  return {
    type: 'versions',
    requestId,
    nodeId: NODE,
    versions,
    history: [
      { revision: 1, date: '2026-06-01T09:00:00.000Z', summary: 'created: 3 stages, 3 lanes' },
      {
        revision: 4,
        date: '2026-06-20T14:00:00.000Z',
        summary: "2 stages added, 5 cells changed, curve 'Feeling' −1.5 at Buy",
      },
    ],
    max: 10,
    ...extra,
  };
}

/** Open the tab on a map on the canvas and answer its list request. */
function opened(versions = [V1, V2]) {
  const p = onCanvas();
  fireEvent.click(tab(/Versions/));
  const asked = p.last('list-versions');
  expect(asked).toMatchObject({ type: 'list-versions', nodeId: NODE });
  p.receive(listReply(asked!.requestId, versions));
  return p;
}

/** The newer map of the comparison tests: a stage renamed, a cell changed, a score moved. */
function edited(map: JourneyMap): JourneyMap {
  const b = structuredClone(map);
  b.stages[1].name = 'Pay';
  (b.lanes[0].cells as Record<string, string>).discover = 'Asks a friend';
  (b.lanes[2].cells as Record<string, { score: number; note?: string }>).buy.score = 1;
  return b;
}

describe('Versions tab', () => {
  it('without a map on the canvas, says to create it first and asks the sandbox nothing', () => {
    const { sent } = renderPanel(sampleDraft());
    fireEvent.click(tab(/Versions/));
    expect(screen.getByText(/Create the map on the canvas first/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save current as version' })).toBeNull();
    expect(sent.some((m) => m.type === 'list-versions')).toBe(false);
  });

  it('lists the versions of a `versions` reply, newest first, with revision and date, and the history', () => {
    opened();
    const items = within(screen.getByRole('region', { name: /Saved versions/ }));
    const names = items.getAllByRole('listitem').map((li) => li.querySelector('.ver-name')!.textContent);
    expect(names).toEqual(['After workshop', 'As-is']);
    const asIs = screen.getByRole('listitem', { name: 'As-is' });
    expect(asIs.textContent).toMatch(/Revision 1 · 1 Jun 2026/);
    expect(screen.getByRole('heading', { name: /Saved versions/ }).textContent).toContain('2 of 10');
    const history = screen.getByRole('region', { name: 'History' });
    const entries = within(history)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(entries[0]).toMatch(/^Revision 4 · .*2 stages added, 5 cells changed, curve 'Feeling' −1\.5 at Buy$/);
    expect(entries[1]).toMatch(/Created: 3 stages, 3 lanes$/);
  });

  it('ignores a list of another map and a reply to no request of its own', () => {
    const p = onCanvas();
    fireEvent.click(tab(/Versions/));
    p.receive({ ...listReply('someone-else'), nodeId: NODE } as PluginToUi);
    expect(screen.getByText('Reading the versions…')).toBeTruthy();
    p.receive({ ...listReply(p.last('list-versions')!.requestId), nodeId: '9:9' } as PluginToUi);
    expect(screen.queryByRole('listitem', { name: 'As-is' })).toBeNull();
  });

  it('save sends save-version with the trimmed name; the saved one is announced and the field cleared', () => {
    const p = opened([V1]);
    const field = screen.getByLabelText('Version name') as HTMLInputElement;
    type(field, '  To-be, after workshop ');
    fireEvent.click(screen.getByRole('button', { name: 'Save current as version' }));
    const msg = p.last('save-version')!;
    expect(msg).toMatchObject({ type: 'save-version', nodeId: NODE, name: 'To-be, after workshop' });
    // The map on the canvas is saved, not the panel's draft.
    expect(msg.map).toBeUndefined();
    p.receive(listReply(msg.requestId, [V1, { ...V2, id: 'v3', name: 'To-be, after workshop' }], { saved: 'v3' }));
    expect(screen.getByRole('status').textContent).toMatch(/Saved .* as version “To-be, after workshop” \(2 of 10\)/);
    expect(field.value).toBe('');
    expect(screen.getByRole('listitem', { name: 'To-be, after workshop' }).classList.contains('saved')).toBe(true);
  });

  it('refuses an empty name, and an eleventh version, without sending anything', () => {
    const p = opened([V1]);
    const before = p.sent.length;
    type(screen.getByLabelText('Version name'), '   ');
    fireEvent.click(screen.getByRole('button', { name: 'Save current as version' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Give the version a name/);
    expect(screen.getByLabelText('Version name').getAttribute('aria-invalid')).toBe('true');
    expect(p.sent.length).toBe(before);

    cleanup();
    const ten = Array.from({ length: 10 }, (_, i) => ({ ...V1, id: `v${i + 1}`, name: `Round ${i + 1}` }));
    const full = opened(ten);
    const sentBefore = full.sent.length;
    expect(screen.getByText(/10 of 10 versions kept: delete one to save another/)).toBeTruthy();
    type(screen.getByLabelText('Version name'), 'Round 11');
    fireEvent.click(screen.getByRole('button', { name: 'Save current as version' }));
    expect(screen.getByRole('alert').textContent).toMatch(/already keeps 10 versions.*Delete one/);
    expect(full.sent.length).toBe(sentBefore);
  });

  it('deletes a version only after a confirmation', () => {
    const p = opened();
    const item = screen.getByRole('listitem', { name: 'As-is' });
    fireEvent.click(within(item).getByRole('button', { name: 'Delete' }));
    expect(p.last('delete-version')).toBeUndefined();
    fireEvent.click(within(item).getByRole('button', { name: 'Keep it' }));
    expect(p.last('delete-version')).toBeUndefined();
    fireEvent.click(within(item).getByRole('button', { name: 'Delete' }));
    expect(within(item).getByRole('group', { name: 'Confirm delete' }).textContent).toMatch(/Delete “As-is”\?/);
    fireEvent.click(within(item).getByRole('button', { name: 'Delete version' }));
    const msg = p.last('delete-version')!;
    expect(msg).toMatchObject({ nodeId: NODE, versionId: 'v1' });
    p.receive(listReply(msg.requestId, [V2]));
    expect(screen.queryByRole('listitem', { name: 'As-is' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Version deleted.');
  });

  it('compare shows a diff reply: the renamed stage, the cell before → after, the score with its delta', () => {
    const p = opened();
    const older = norm(toMapInput(sampleDraft()));
    const diff = diffMaps(older, edited(older));
    fireEvent.click(
      within(screen.getByRole('listitem', { name: 'As-is' })).getByRole('button', { name: 'Compare with current' }),
    );
    const asked = p.last('compare')!;
    expect(asked).toMatchObject({ nodeId: NODE, a: 'v1', b: 'current' });
    expect(asked.map).toBeUndefined();
    p.receive({
      type: 'comparison',
      requestId: asked.requestId,
      nodeId: NODE,
      a: V1,
      b: { id: 'current', name: 'Current', revision: 5 },
      diff,
    });
    const view = screen.getByRole('region', { name: 'As-is → current map' });
    const lines = (title: string) =>
      within(view)
        .getByRole('heading', { name: new RegExp(`^${title}`) })
        .parentElement!.querySelectorAll('li');
    expect([...lines('Stages')].map((li) => li.textContent)).toEqual(['Renamed “Buy” → “Pay”']);
    const cell = lines('Cells')[0];
    expect(cell.textContent).toBe('Actions · DiscoverSearches → Asks a friend');
    expect(cell.querySelector('del')!.textContent).toBe('Searches');
    expect(cell.querySelector('ins')!.textContent).toBe('Asks a friend');
    const score = lines('Scores')[0];
    expect(score.textContent).toBe('Feeling · Pay−2 → 1 +3');
    expect(score.querySelector('.ver-delta')!.classList.contains('up')).toBe(true);
    expect(within(view).getByText(/^Stage 'Buy' renamed 'Pay'/)).toBeTruthy();
    expect(view.textContent).toContain('From As-is (revision 1, 1 Jun 2026');
    expect(view.textContent).toContain('to Current map on the canvas (revision 5)');
    expect(screen.getByRole('status').textContent).toBe('Compared “As-is” with the current map: 3 changes.');
  });

  it('shows a metric cell change with its unit and target', () => {
    const p = opened();
    const older = norm({
      ...toMapInput(sampleDraft()),
      lanes: [
        ...sampleDraft().lanes,
        { id: 'conv', title: 'Conversion', kind: 'metric', cells: { buy: { value: 18, unit: '%', target: 20 } } },
      ],
    });
    const newer = structuredClone(older);
    (newer.lanes[3].cells as Record<string, { value: number; unit?: string; target?: number }>).buy = {
      value: 21.5,
      unit: '%',
      target: 20,
    };
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    p.receive({
      type: 'comparison',
      requestId: p.last('compare')!.requestId,
      nodeId: NODE,
      a: V2,
      b: { id: 'current', name: 'Current' },
      diff: diffMaps(older, newer),
    });
    const cell = screen.getByRole('region', { name: 'After workshop → current map' }).querySelector('.ver-cell')!;
    expect(cell.textContent).toBe('Conversion · Buy18% (target 20%) → 21.5% (target 20%)');
  });

  it('compares two chosen versions, and draws the comparison asked for, saying where', () => {
    const p = opened();
    fireEvent.change(screen.getByLabelText('From (older)'), { target: { value: 'v1' } });
    fireEvent.change(screen.getByLabelText('To (newer)'), { target: { value: 'v2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    const asked = p.last('compare')!;
    expect(asked).toMatchObject({ a: 'v1', b: 'v2' });
    const older = norm(toMapInput(sampleDraft()));
    p.receive({
      type: 'comparison',
      requestId: asked.requestId,
      nodeId: NODE,
      a: V1,
      b: V2,
      diff: diffMaps(older, older),
    });
    const view = screen.getByRole('region', { name: 'As-is → After workshop' });
    expect(view.textContent).toContain('No differences');
    fireEvent.click(within(view).getByRole('button', { name: 'Draw on canvas' }));
    const draw = p.last('draw-comparison')!;
    expect(draw).toMatchObject({ nodeId: NODE, a: 'v1', b: 'v2' });
    p.receive({
      type: 'comparison-drawn',
      requestId: draw.requestId,
      nodeId: NODE,
      frameId: '7:1',
      a: V1,
      b: V2,
      summary: 'no changes',
    });
    expect(screen.getByRole('status').textContent).toMatch(
      /^Drew the comparison of “As-is” with “After workshop” as a separate frame to the right of the map on the canvas; the map itself is unchanged\.$/,
    );
    expect(view.textContent).toContain('Drawn to the right of the map on the canvas (the map is unchanged).');
  });

  it('a reply to an earlier comparison than the last one asked for is dropped', () => {
    const p = opened();
    const older = norm(toMapInput(sampleDraft()));
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    const first = p.last('compare')!.requestId;
    fireEvent.click(
      within(screen.getByRole('listitem', { name: 'As-is' })).getByRole('button', { name: 'Compare with current' }),
    );
    p.receive({ type: 'comparison', requestId: first, nodeId: NODE, a: V2, b: V1, diff: diffMaps(older, older) });
    expect(screen.queryByRole('region', { name: /→/ })).toBeNull();
  });

  it('load puts the version in the draft as one undo step; Ctrl+Z brings the previous draft back', () => {
    const p = opened();
    const before = p.controller.state.map;
    fireEvent.click(
      within(screen.getByRole('listitem', { name: 'As-is' })).getByRole('button', { name: 'Load into panel' }),
    );
    const asked = p.last('load-version')!;
    expect(asked).toMatchObject({ nodeId: NODE, versionId: 'v1' });
    const version = edited(norm(toMapInput(sampleDraft())));
    p.receive({ type: 'version', requestId: asked.requestId, nodeId: NODE, version: V1, map: version });
    expect(p.controller.state.map.stages[1].name).toBe('Pay');
    expect(norm(toMapInput(p.controller.state.map))).toEqual(version);
    expect(screen.getByRole('status').textContent).toMatch(
      /Loaded version “As-is” into the panel\. Update selected map puts it on the canvas; Ctrl\+Z undoes the load\./,
    );
    // Still working on the same map: Update goes to it.
    expect(p.controller.state.target?.nodeId).toBe(NODE);
    // The draft now differs from the canvas: the tab says versions are of the canvas map.
    expect(screen.getByRole('note').textContent).toMatch(/edits that are not on the canvas yet/);
    fireEvent.keyDown(document, { key: 'z', ctrlKey: true });
    expect(p.controller.state.map).toBe(before);
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('shows a sandbox error reply as the status, without field issues', () => {
    const p = opened();
    fireEvent.click(
      within(screen.getByRole('listitem', { name: 'As-is' })).getByRole('button', { name: 'Load into panel' }),
    );
    p.receive({
      type: 'error',
      requestId: p.last('load-version')!.requestId,
      code: 'invalid',
      message: 'The data of version “As-is” is damaged and cannot be read.',
      issues: [{ path: 'name', message: 'must not be empty' }],
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(/^The data of version “As-is” is damaged and cannot be read\./);
    expect(alert.textContent).toContain('name: must not be empty');
    expect(p.controller.state.issues).toEqual([]);
    expect(screen.queryByRole('region', { name: 'Problems' })).toBeNull();
  });

  it('shows version names, cells and summaries with markup as text', () => {
    const ATTACK = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    const p = opened([{ ...V1, name: ATTACK }]);
    const older = norm(toMapInput(sampleDraft()));
    const newer = structuredClone(older);
    newer.stages[0].name = ATTACK;
    (newer.lanes[0].cells as Record<string, string>).discover = ATTACK;
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    p.receive({
      type: 'comparison',
      requestId: p.last('compare')!.requestId,
      nodeId: NODE,
      a: { ...V1, name: ATTACK },
      b: { id: 'current', name: 'Current' },
      diff: diffMaps(older, newer),
    });
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    expect(screen.getByRole('listitem', { name: ATTACK })).toBeTruthy();
    expect(screen.getByRole('region', { name: /→ current map$/ }).textContent).toContain(`“Discover” → “${ATTACK}”`);
  });
});
