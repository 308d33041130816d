/**
 * Each edit a designer commonly makes, one by one on a realistic map: after
 * the update the managed tree dumps equal to a fresh create of the new data,
 * the fake's layout (tests/support/figma-fake/layout.ts) shows no problem
 * (tests/support/fake-geometry.ts: no overlapping texts, cards inside their
 * cells, markers on their columns, rows and header apart), and nodes that
 * stand for the same thing keep their ids.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { JourneyMap } from '../../src/model';
import { createMap, updateMap } from '../../src/figma/map-ops';
import { installFakeFigma, uninstallFakeFigma } from '../support/figma-fake';
import { checkGeometry } from '../support/fake-geometry';
import { diffDumps, dumpMap } from '../support/dump';
import { norm } from '../support/maps';
import { base, CASES, lane, tagged } from '../support/update-cases';
import { tagField } from '../support/tags';

afterEach(() => uninstallFakeFigma());

async function fresh(map: JourneyMap, columnWidths?: Record<string, number>) {
  installFakeFigma();
  const { frame } = await createMap(map, { columnWidths });
  const dump = dumpMap(frame);
  uninstallFakeFigma();
  return dump;
}

describe('each common edit, updated in place', () => {
  for (const c of CASES) {
    it(`${c.name}: equals a fresh create, lays out cleanly, keeps node ids`, async () => {
      const a = norm(base());
      const edited = base();
      c.edit(edited);
      const b = norm(edited);
      // Unless the edit is a no-op by mistake, B differs from A.
      expect(b).not.toEqual(a);
      const expected = await fresh(b, c.columnWidths);

      installFakeFigma();
      const { frame } = await createMap(a);
      c.canvas?.(frame);
      const ids = new Map(tagged(frame, 'stage-header').map((n) => [tagField(n, 'stage'), n.id] as const));
      const bands = new Map(tagged(frame, 'phase').map((n) => [tagField(n, 'phase'), n.id] as const));
      await updateMap(frame, b);

      expect(diffDumps(dumpMap(frame), expected)).toEqual([]);
      expect(checkGeometry(frame).problems).toEqual([]);
      // The same stage, the same node; a band whose phase is still there keeps its node.
      for (const n of tagged(frame, 'stage-header')) {
        const before = ids.get(tagField(n, 'stage'));
        if (before) expect(n.id).toBe(before);
      }
      for (const n of tagged(frame, 'phase')) {
        const before = bands.get(tagField(n, 'phase'));
        if (before) expect(n.id).toBe(before);
      }
    });
  }

  it('the geometry check is not blind: a card pushed out of its cell after an update is reported', async () => {
    const a = norm(base());
    installFakeFigma();
    const { frame } = await createMap(a);
    await updateMap(frame, norm({ ...base(), title: 'Other title' }));
    const card = tagged(frame, 'card')[0] as FrameNode;
    card.layoutPositioning = 'ABSOLUTE';
    card.x += 400;
    expect(checkGeometry(frame).problems.length).toBeGreaterThan(0);
  });
});

describe('Overwrite', () => {
  it('leaves the canvas exactly as a create of the panel map would, whatever was edited on the canvas', async () => {
    const a = norm(base());
    const panel = base();
    lane(panel, 'actions').cells.size = 'Reads the size chart twice';
    const p = norm(panel);
    const expected = await fresh(p);

    installFakeFigma();
    const { frame } = await createMap(a);
    // Canvas edits the panel never read: a text retyped, a marker dragged, a card deleted.
    const text = tagged(frame, 'cell-text', { lane: 'thoughts', stage: 'search' })[0] as TextNode;
    text.characters = 'Typed on the canvas';
    const marker = tagged(frame, 'emotion-marker', { stage: 'compare' })[0];
    marker.y -= 30;
    tagged(frame, 'card', { lane: 'touchpoints', stage: 'search' })[0].remove();

    await expect(updateMap(frame, p)).rejects.toThrow(/edited on the canvas/);
    await updateMap(frame, p, { force: true });
    expect(diffDumps(dumpMap(frame), expected)).toEqual([]);
    expect(checkGeometry(frame).problems).toEqual([]);
  });
});
