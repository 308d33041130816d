/**
 * Long work shows progress (issue #11): during a 40×30 create the sandbox reports
 * layers done of layers needed whenever 200 ms of work have passed, yielding to the
 * editor each time; yielding keeps the guarantees: a failure after a yield leaves no
 * half-drawn map, and a failed update is rolled back.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMap, updateMap } from '../../src/figma/map-ops';
import { readMap } from '../../src/figma/read-map';
import { installFakeFigma, uninstallFakeFigma } from '../support/figma-fake';
import { diffDumps, dumpMap } from '../support/dump';
import { syntheticMap } from '../../bench/synthetic';
import { startPlugin } from '../support/plugin';

afterEach(() => {
  vi.restoreAllMocks();
  uninstallFakeFigma();
});

/** A clock that advances `step` ms each time it is read: "work" takes time, deterministically. */
function steppingClock(step: number) {
  let t = 0;
  vi.spyOn(Date, 'now').mockImplementation(() => (t += step));
}

describe('progress during long work', () => {
  it('reports layers done of layers needed during a 40×30 create, at least every 200 ms of work', async () => {
    installFakeFigma();
    steppingClock(5);
    const reports: Array<[number, number]> = [];
    const { frame } = await createMap(syntheticMap(40, 30), {
      onProgress: (done, total) => reports.push([done, total]),
    });
    const total = frame.findAll(() => true).length + 1;
    expect(reports.length).toBeGreaterThan(10);
    for (const [, t] of reports) expect(t).toBe(total);
    for (let i = 1; i < reports.length; i++) expect(reports[i][0]).toBeGreaterThan(reports[i - 1][0]);
    // One tick per layer and 5 ms per tick: a report every 40 layers (200 ms), give or take one.
    const gaps = reports.slice(1).map(([d], i) => d - reports[i][0]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(41);
  });

  it('a create that fails after yielding leaves nothing behind', async () => {
    const fake = installFakeFigma();
    steppingClock(5);
    const real = fake.figma.createText.bind(fake.figma);
    let made = 0;
    vi.spyOn(fake.figma, 'createText').mockImplementation(() => {
      if (++made === 1500) throw new Error('Figma ran out of memory');
      return real();
    });
    const reports: number[] = [];
    await expect(createMap(syntheticMap(40, 30), { onProgress: (d) => reports.push(d) })).rejects.toThrow(
      /out of memory/,
    );
    expect(reports.length).toBeGreaterThan(1); // it did yield before failing
    expect(fake.figma.currentPage.children).toHaveLength(0);
  });

  it('an update that fails after yielding is rolled back to the map it was', async () => {
    const fake = installFakeFigma();
    const map = syntheticMap(12, 8);
    const { frame } = await createMap(map);
    const before = dumpMap(frame);
    steppingClock(50);
    const next = structuredClone(map);
    next.stages.reverse(); // moves every column: a long update
    const real = fake.figma.createText.bind(fake.figma);
    let calls = 0;
    next.stages.push({ id: 'new', name: 'New stage' });
    vi.spyOn(fake.figma, 'createText').mockImplementation(() => {
      if (++calls === 1) throw new Error('boom');
      return real();
    });
    const reports: number[] = [];
    await expect(updateMap(frame, next, { onProgress: (d) => reports.push(d) })).rejects.toThrow(/put back/);
    expect(reports.length).toBeGreaterThan(0);
    vi.restoreAllMocks();
    expect(diffDumps(dumpMap(frame), before)).toEqual([]);
    const read = readMap(frame);
    expect(read.ok && read.map).toEqual(map);
  });

  it('the panel gets progress messages for its request during a 40×30 create, then one reply and one undo step', async () => {
    const p = await startPlugin();
    steppingClock(5);
    const replies = await p.send({ type: 'create', requestId: 'r1', map: syntheticMap(40, 30) });
    const progress = replies.filter((r) => r.type === 'progress');
    expect(progress.length).toBeGreaterThan(10);
    for (const r of progress) expect(r).toMatchObject({ requestId: 'r1' });
    const done = progress.map((r) => (r.type === 'progress' ? r.done : 0));
    expect(done).toEqual([...done].sort((a, b) => a - b));
    // Progress first, the reply last; and Cmd+Z takes the whole map back in one step.
    expect(replies.at(-1)?.type).toBe('created');
    expect(p.fake.undoCommits).toBe(1);
  });
});
