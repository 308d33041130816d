/**
 * Maps drawn by 0.2.0 (eight plugin-data entries per node, the whole `spec` record of
 * what was written, the map JSON in one run of chunks) are converted on first contact
 * to today's single tag per node (src/figma/legacy.ts), and update and read back as
 * if drawn today: the conversion keeps each node's "what was written" as its hash, so
 * the first update after it still writes only what changed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createMap, updateMap } from '../../src/figma/map-ops';
import { readMap } from '../../src/figma/read-map';
import { NAMESPACE } from '../../src/figma/node-data';
import { installFakeFigma, uninstallFakeFigma } from '../support/figma-fake';
import { diffDumps, dumpMap } from '../support/dump';
import { loadExamples, norm } from '../support/maps';
import { toVersion02 } from '../support/old-versions';
import { syntheticMap } from '../../bench/synthetic';
import { freshDump } from '../support/fresh-dump';

afterEach(() => uninstallFakeFigma());

const OLD_KEYS = ['key', 'role', 'stage', 'lane', 'index', 'phase', 'id', 'spec'];

function entries(frame: BaseNode): string[] {
  const out: string[] = [];
  const walk = (n: BaseNode) => {
    out.push(...n.getSharedPluginDataKeys(NAMESPACE));
    if ('children' in n) (n as ChildrenMixin).children.forEach(walk);
  };
  walk(frame);
  return out;
}

// 0.2.0 knew format 1 only: one persona, one −2..+2 curve per emotion lane (the format-1 examples).
const maps = () => [
  ...loadExamples()
    .filter((e) => !['redesign-as-is-to-be.json', 'two-personas-clinic.json'].includes(e.file))
    .map((e) => ({ name: e.file, map: norm(e.input) })),
  { name: 'synthetic 12×8', map: syntheticMap(12, 8) },
];

describe('a map drawn by 0.2.0', () => {
  for (const { name, map } of maps()) {
    it(`${name}: reads back, converts, and its first update writes only the changed cell`, async () => {
      const edited = structuredClone(map);
      const lane = edited.lanes.find((l) => l.kind === 'text')!;
      (lane.cells as Record<string, string>)[edited.stages[0].id] = 'Edited after the upgrade';
      const expected = await freshDump(edited);

      const fake = installFakeFigma();
      const { frame } = await createMap(map);
      toVersion02(frame);
      expect(entries(frame)).toContain('spec');
      expect(entries(frame)).not.toContain('t');

      const read = readMap(frame);
      expect(read.ok && read.map).toEqual(map);

      fake.resetStats();
      const result = await updateMap(frame, edited);
      expect(result.stats).toMatchObject({ created: 0, removed: 0 });
      // The cell's text, and the cell or row around it if its height changed: not the map.
      expect(result.stats.updated).toBeLessThanOrEqual(3);
      expect(diffDumps(dumpMap(frame), expected)).toEqual([]);
      const keys = entries(frame);
      for (const old of OLD_KEYS) expect(keys).not.toContain(old);

      // Converted for good: the next one-cell update writes a handful of nodes, as for a map drawn today.
      const again = structuredClone(edited);
      (again.lanes.find((l) => l.id === lane.id)!.cells as Record<string, string>)[edited.stages[0].id] = 'Once more';
      fake.resetStats();
      await updateMap(frame, again);
      expect(fake.stats().nodesWritten).toBeLessThanOrEqual(5);
      const back = readMap(frame);
      expect(back.ok && back.map).toEqual(again);
    });
  }
});
