/**
 * Moments of truth on the canvas: drawn by create and update alike (update equals create when
 * moments come and go), laid out without overlapping texts, and read back, with notes edited
 * on the canvas in the stage header or in the legend.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JourneyMap } from '../../src/model';
import { createMap, forgetDrawn, updateMap } from '../../src/figma/map-ops';
import { readMap } from '../../src/figma/read-map';
import { fingerprint, readMapData } from '../../src/figma/storage';
import { setData } from '../../src/figma/node-data';
import { installFakeFigma, uninstallFakeFigma } from '../support/figma-fake';
import { arbMapInput } from '../support/arbitraries';
import { diffDumps, dumpMap } from '../support/dump';
import { checkGeometry } from '../support/fake-geometry';
import { clone, norm } from '../support/maps';
import { managed, startPlugin } from '../support/plugin';
import { tagField } from '../support/tags';
import { freshDump } from '../support/fresh-dump';

afterEach(() => uninstallFakeFigma());

const input = {
  title: 'Moments',
  objective: 'Find the moments that decide a return.',
  stages: [
    { name: 'Search' },
    { name: 'Choose', moment: true, momentNote: 'Unsure of fit.' },
    { name: 'Pay', description: 'Checks out as guest' },
    { name: 'Unbox', moment: true, momentNote: 'The first try-on decides keep or return. '.repeat(6).trim() },
    { name: 'Run', moment: true },
  ],
  lanes: [
    {
      title: 'Today',
      kind: 'emotion',
      cells: { search: { score: 1, note: 'Keen' }, choose: { score: -1, note: 'Anxious' }, unbox: { score: 0 } },
    },
    { title: 'To be', kind: 'emotion', overlay: 'today', style: 'dashed', cells: { choose: { score: 1 } } },
    { title: 'Doing', kind: 'text', cells: { search: 'Looks' } },
  ],
};

const text = (frame: FrameNode, role: string, stage: string) =>
  managed(frame, role).find((n) => tagField(n, 'stage') === stage) as TextNode | undefined;

describe('moments of truth on the canvas', () => {
  it('are drawn without overlapping texts and read back exactly', async () => {
    installFakeFigma();
    const map = norm(input);
    const { frame } = await createMap(map);
    expect(checkGeometry(frame).problems).toEqual([]);
    expect(managed(frame, 'moment-label').map((n) => tagField(n, 'stage'))).toEqual(['choose', 'unbox', 'run']);
    expect(managed(frame, 'moment-ring').length).toBe(3); // today at choose and unbox, to-be at choose
    const read = readMap(frame);
    expect(read.ok && read.map).toEqual(map);
  });

  it('bring back a note edited in the stage header or in the legend, and a note cleared', async () => {
    const p = await startPlugin();
    const created = p.expectReply(await p.send({ type: 'create', map: input }), 'created');
    const frame = (await p.figma.getNodeByIdAsync(created.nodeId)) as FrameNode;
    for (const style of ['Regular', 'Italic', 'Semi Bold']) await p.figma.loadFontAsync({ family: 'Inter', style });
    // Choose: its note is in the header and the legend; edited in the header.
    text(frame, 'moment-note', 'choose')!.characters = 'Size guide decides.';
    // Unbox: too long for its header, so in the legend only; edited there.
    expect(text(frame, 'moment-note', 'unbox')).toBeUndefined();
    text(frame, 'moment-legend-note', 'unbox')!.characters = 'Fit decides keep or return.';
    const read = p.expectReply(await p.send({ type: 'read', nodeId: frame.id }), 'map');
    const expected = clone(norm(input));
    expected.stages[1].momentNote = 'Size guide decides.';
    expected.stages[3].momentNote = 'Fit decides keep or return.';
    expect(read.map).toEqual(expected);

    // The panel had read those edits: its update is no conflict, and draws both places anew.
    const updated = p.expectReply(
      await p.send({ type: 'update', nodeId: frame.id, map: read.map, baseCanvas: read.canvas }),
      'updated',
    );
    expect(updated.map).toEqual(expected);
    expect(text(frame, 'moment-legend-note', 'choose')!.characters).toBe('Size guide decides.');
    expect(text(frame, 'moment-note', 'unbox')!.characters).toBe('Fit decides keep or return.');

    // A note emptied on the canvas is gone; the stage stays a moment.
    text(frame, 'moment-legend-note', 'choose')!.characters = '';
    const again = p.expectReply(await p.send({ type: 'read', nodeId: frame.id }), 'map');
    const stage = (again.map as JourneyMap).stages[1];
    expect(stage).toEqual({ id: 'choose', name: 'Choose', moment: true });
  });

  it('are read from the header labels when no data is stored on the map', async () => {
    installFakeFigma();
    const { frame } = await createMap(norm(input));
    const n = Number(frame.getSharedPluginData('journeymap', 'map.n'));
    for (let i = 0; i < n; i++) setData(frame, `map.${i}`, '');
    setData(frame, 'map.n', '');
    const read = readMap(frame);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.warnings.join(' ')).toContain('No data is stored');
    expect(read.map.stages.map((s) => [s.id, s.moment ?? false, s.momentNote])).toEqual([
      ['search', false, undefined],
      ['choose', true, 'Unsure of fit.'],
      ['pay', false, undefined],
      ['unbox', true, input.stages[3].momentNote],
      ['run', true, undefined],
    ]);
  });

  it('update equals create when moments come, go and change notes (warm and cold)', async () => {
    const a = norm(input);
    const none = clone(a);
    for (const s of none.stages) {
      delete s.moment;
      delete s.momentNote;
    }
    const moved = clone(a);
    moved.stages[1].momentNote = 'A note long enough that it no longer fits into the header of its column at all.';
    delete moved.stages[3].moment;
    delete moved.stages[3].momentNote;
    moved.stages[0].moment = true;
    for (const [from, to] of [
      [a, none],
      [none, a],
      [a, moved],
      [moved, a],
    ])
      for (const cold of [false, true]) {
        const expected = await freshDump(to);
        installFakeFigma();
        const { frame } = await createMap(from);
        if (cold) forgetDrawn();
        await updateMap(frame, to);
        expect(diffDumps(dumpMap(frame), expected)).toEqual([]);
        expect(checkGeometry(frame).problems).toEqual([]);
        const read = readMap(frame);
        expect(read.ok && fingerprint(read.map)).toBe(readMapData(frame)?.canvas);
        uninstallFakeFigma();
      }
  });

  it('random maps with many moments: no overlapping texts, exact read-back, update from no moments equals create', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbMapInput({ maxStages: 6, maxLanes: 4 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.constantFrom(undefined, 120, 640),
        async (raw, marks, columnWidth) => {
          const plain = norm(raw);
          const map = clone(plain);
          map.stages.forEach((s, i) => {
            delete s.moment;
            delete s.momentNote;
            if (!marks[i]) return;
            s.moment = true;
            if (i % 2)
              s.momentNote = `${s.name} decides it. `
                .repeat(1 + i * 3)
                .slice(0, 280)
                .trim();
          });
          const expected = await freshDump(map);
          installFakeFigma();
          const { frame } = await createMap(map, { columnWidth });
          expect(checkGeometry(frame).problems).toEqual([]);
          const read = readMap(frame);
          expect(read.ok && read.map).toEqual(map);
          uninstallFakeFigma();
          if (columnWidth !== undefined) return;
          installFakeFigma();
          const made = await createMap({
            ...map,
            stages: plain.stages.map(({ moment: _, momentNote: __, ...s }) => s),
          });
          await updateMap(made.frame, map);
          expect(diffDumps(dumpMap(made.frame), expected)).toEqual([]);
          uninstallFakeFigma();
        },
      ),
      { numRuns: 40 },
    );
  });
});
