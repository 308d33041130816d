/**
 * The invariant every later feature relies on: updating a map in place leaves
 * exactly what a fresh create of the new data would. For random maps A and
 * random sequences of panel edits giving B, the managed tree after
 * update(create(A), B) dumps equal to create(B) (tests/support/dump.ts says
 * what the dump holds), and a designer's own node survives the update.
 * The update runs both right after the create (this run's caches of what it drew,
 * reconcile.ts's fast path) and cold (caches dropped, as after the plugin reopens),
 * and what it stores as "the canvas right after the write" is what read-back gives.
 * A second update back to A then runs on the tags the first one recorded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createMap, forgetDrawn, updateMap } from '../../src/figma/map-ops';
import { readMap } from '../../src/figma/read-map';
import { fingerprint, readMapData } from '../../src/figma/storage';
import { installFakeFigma, uninstallFakeFigma } from '../support/figma-fake';
import { arbMapInput } from '../support/arbitraries';
import { diffDumps, dumpMap } from '../support/dump';
import { checkGeometry } from '../support/fake-geometry';
import { arbEdits, applyEdits } from '../support/map-edits';
import { norm } from '../support/maps';
import { freshDump } from '../support/fresh-dump';

afterEach(() => uninstallFakeFigma());

describe('update(create(A), B) equals create(B)', () => {
  it('for random maps and random sequences of panel edits (200 sequences)', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbMapInput({ maxStages: 6, maxLanes: 4 }),
        arbEdits(5),
        fc.boolean(),
        async (input, edits, cold) => {
          const a = norm(input);
          const b = norm(applyEdits(a, edits));
          const expected = await freshDump(b);
          const expectedBack = await freshDump(a);

          const fake = installFakeFigma();
          const { frame } = await createMap(a);
          // A designer's own sticker inside the map must survive whatever the update does.
          const sticker = fake.figma.createRectangle();
          sticker.name = 'designer sticker';
          frame.appendChild(sticker);
          if (cold) forgetDrawn();
          await updateMap(frame, b);
          const got = dumpMap(frame);
          expect(diffDumps(got, expected), JSON.stringify(edits.map((e) => e.kind))).toEqual([]);
          expect(sticker.removed).toBe(false);
          // And the fake's layout of the updated map has no overlapping texts, stray cards or markers.
          expect(checkGeometry(frame).problems).toEqual([]);
          // The fingerprint stored without reading back is the one a read-back gives.
          const read = readMap(frame);
          expect(read.ok && fingerprint(read.map)).toBe(readMapData(frame)?.canvas);
          // Back to A, as the next update of this run: it takes the tags the first update recorded
          // (src/figma/node-cache.ts) instead of reading them, and must still equal a fresh create.
          await updateMap(frame, a);
          expect(diffDumps(dumpMap(frame), expectedBack), 'back to A').toEqual([]);
          expect(checkGeometry(frame).problems).toEqual([]);
          uninstallFakeFigma();
        },
      ),
      { numRuns: 200 },
    );
  });
});
