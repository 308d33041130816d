/**
 * Versions and history as stored on a map frame (src/figma/versions.ts): the same data stored
 * once, in chunks within Figma's entry limit, bounded (10 versions of the largest map, the last
 * 50 history entries, summaries clipped), damaged data read as none and repaired by the next
 * write, versions of an older format migrated when loaded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { JourneyMap } from '../../src/model';
import {
  MAX_HISTORY,
  MAX_VERSIONS,
  SUMMARY_CHARS,
  appendHistory,
  deleteVersion,
  listVersions,
  loadVersion,
  readHistory,
  saveVersion,
} from '../../src/figma/versions';
import { CHUNK_CHARS } from '../../src/figma/storage';
import { installFakeFigma, uninstallFakeFigma } from '../support/figma-fake';
import { syntheticMap } from '../../bench/synthetic';
import { clone, norm } from '../support/maps';

afterEach(() => uninstallFakeFigma());

const NS = 'journeymap';

function entries(node: BaseNode): Record<string, string> {
  return Object.fromEntries(node.getSharedPluginDataKeys(NS).map((k) => [k, node.getSharedPluginData(NS, k)]));
}

const map = () =>
  norm({
    title: 'Shoes',
    stages: [{ name: 'Search' }, { name: 'Choose' }, { name: 'Checkout' }],
    lanes: [
      { title: 'Doing', kind: 'text', cells: { search: 'Googles', checkout: 'Pays' } },
      { title: 'Today', kind: 'emotion', cells: { search: { score: 1 }, checkout: { score: 1 } } },
    ],
  });

describe('versions on the frame', () => {
  it('store the same data once, in chunks within the entry limit, and drop chunks no version uses', async () => {
    const fake = installFakeFigma();
    const frame = fake.figma.createFrame();
    const big = norm(syntheticMap(40, 30));
    const text = JSON.stringify(big);
    expect(text.length).toBeGreaterThan(2 * CHUNK_CHARS);
    expect(saveVersion(frame, 'One', big, 1).ok).toBe(true);
    const chunks = () => frame.getSharedPluginDataKeys(NS).filter((k) => k.startsWith('v.'));
    const one = chunks();
    expect(one.length).toBe(Math.ceil(text.length / CHUNK_CHARS));
    for (const k of one) expect(frame.getSharedPluginData(NS, k).length).toBeLessThanOrEqual(CHUNK_CHARS);
    // The same data again: a second version, no second copy.
    expect(saveVersion(frame, 'Same again', big, 2).ok).toBe(true);
    expect(chunks()).toEqual(one);
    // Stored compactly: about the JSON's size, once.
    const stored = one.reduce((n, k) => n + frame.getSharedPluginData(NS, k).length, 0);
    expect(stored).toBe(text.length);
    const other = clone(big);
    other.title = 'Other';
    saveVersion(frame, 'Other', other, 3);
    expect(chunks().length).toBe(2 * one.length);
    // Deleting one of the two sharing the data keeps it; deleting the last drops it.
    const [v1, v2, v3] = listVersions(frame).map((v) => v.id);
    deleteVersion(frame, v1);
    expect(chunks().length).toBe(2 * one.length);
    expect(loadVersion(frame, v2)).toMatchObject({ ok: true, map: big });
    deleteVersion(frame, v2);
    expect(chunks().length).toBe(one.length);
    deleteVersion(frame, v3);
    expect(chunks()).toEqual([]);
    expect(entries(frame)).toEqual({});
  });

  it('bounded: ten versions of the largest map, each entry within Figma’s 100 kB', () => {
    const fake = installFakeFigma();
    const frame = fake.figma.createFrame();
    const big = norm(syntheticMap(40, 30));
    for (let i = 0; i < MAX_VERSIONS; i++) {
      const m = clone(big);
      m.title = `Map ${i}`;
      expect(saveVersion(frame, `V${i}`, m, i).ok).toBe(true);
    }
    expect(saveVersion(frame, 'Eleven', big, 11)).toMatchObject({ ok: false, code: 'invalid' });
    const all = entries(frame);
    const total = Object.values(all).reduce((n, v) => n + v.length, 0);
    expect(total).toBeLessThanOrEqual(MAX_VERSIONS * (JSON.stringify(big).length + 20) + 2000);
    for (const v of Object.values(all)) expect(new TextEncoder().encode(v).length).toBeLessThan(100_000);
  });

  it('read damaged data as none, and the next save repairs the index and drops stray chunks', () => {
    const fake = installFakeFigma();
    const frame = fake.figma.createFrame();
    saveVersion(frame, 'One', map(), 1);
    frame.setSharedPluginData(NS, 'versions', '{"next": 2, "list": [{"id": 1}]');
    frame.setSharedPluginData(NS, 'history', 'not json');
    expect(listVersions(frame)).toEqual([]);
    expect(readHistory(frame)).toEqual([]);
    expect(saveVersion(frame, 'Two', map(), 2).ok).toBe(true);
    expect(listVersions(frame).map((v) => v.name)).toEqual(['Two']);
    expect(frame.getSharedPluginDataKeys(NS).filter((k) => k.startsWith('v.')).length).toBe(1);
    // A version whose data is damaged is reported, not thrown.
    const key = frame.getSharedPluginDataKeys(NS).find((k) => k.startsWith('v.'))!;
    frame.setSharedPluginData(NS, key, '{"title":');
    expect(loadVersion(frame, listVersions(frame)[0].id)).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('load a version saved in format 1 as the map migrated', () => {
    const fake = installFakeFigma();
    const frame = fake.figma.createFrame();
    const v1 = { version: 1, title: 'Old', persona: { name: 'Maya' }, stages: [{ name: 'A' }], lanes: [] };
    saveVersion(frame, 'Old', v1 as unknown as JourneyMap, 1);
    expect(loadVersion(frame, 'v1')).toMatchObject({ ok: true, map: { version: 2, personas: [{ name: 'Maya' }] } });
  });
});

describe('history', () => {
  it('appends one entry per create and update, keeps the last 50, and clips long summaries', async () => {
    const fake = installFakeFigma();
    const frame = fake.figma.createFrame();
    const a = map();
    appendHistory(frame, 1, a, 'new', new Date('2025-06-01T10:00:00Z'));
    expect(readHistory(frame)).toEqual([
      { revision: 1, date: '2025-06-01T10:00:00.000Z', summary: 'created: 3 stages, 2 lanes' },
    ]);
    for (let r = 2; r <= 70; r++) {
      const b = clone(a);
      b.stages.forEach((s, i) => (s.name = `${'Stage with a long name '.repeat(3)}${r}-${i}`));
      for (let k = 0; k < 20; k++) b.stages.push({ id: `n${k}`, name: `New ${k}` });
      b.lanes.forEach((l, i) => (l.title = `Lane ${r}-${i}`));
      appendHistory(frame, r, b, a);
    }
    const h = readHistory(frame);
    expect(h.length).toBe(MAX_HISTORY);
    expect(h[0].revision).toBe(21);
    expect(h[h.length - 1].revision).toBe(70);
    for (const e of h) expect(Array.from(e.summary).length).toBeLessThanOrEqual(SUMMARY_CHARS);
    // Bounded: the history entry stays far below Figma's 100 kB per entry.
    expect(frame.getSharedPluginData(NS, 'history').length).toBeLessThan(MAX_HISTORY * (SUMMARY_CHARS + 80));
    appendHistory(frame, 71, a, undefined);
    expect(readHistory(frame).at(-1)!.summary).toBe('updated (the data stored before could not be read)');
  });
});
