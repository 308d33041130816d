/**
 * `npm run bench`: speed and size, measured (never asserted in tests).
 * Runs the real sandbox code against the in-memory Figma and prints:
 *  - create: time, nodes created, property writes, for 5×5, 12×8, 40×30 maps;
 *  - update: a one-cell edit and a full stage re-order, time and nodes written,
 *    beside deleting and redrawing the whole map (what other plugins do);
 *  - bundle sizes of dist/ (raw and gzip);
 *  - panel typing on a 40×30 map (renders per keystroke), when the panel bench exists.
 * Times are medians of several runs on the in-memory Figma: they show how cost
 * grows with size, not how long real Figma takes.
 */
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { installFakeFigma, uninstallFakeFigma, type FakeFigma } from '../tests/support/figma-fake';
import { createMap, forgetDrawn, updateMap } from '../src/figma/map-ops';
import { readMap } from '../src/figma/read-map';
import type { JourneyMap } from '../src/model';
import { syntheticMap } from './synthetic';

const SIZES: Array<[number, number]> = [
  [5, 5],
  [12, 8],
  [20, 15],
  [40, 30],
];
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

interface Measure {
  ms: number;
  created: number;
  writes: number;
  /** Node property reads and read-only method calls: each crosses into the editor in Figma. */
  reads: number;
  nodesWritten: number;
}

/** UTF-8 bytes of all plugin data (shared, namespace journeymap) stored on a map's nodes. */
function storedBytes(node: BaseNode): number {
  let n = 0;
  for (const k of node.getSharedPluginDataKeys('journeymap'))
    n += Buffer.byteLength(k) + Buffer.byteLength(node.getSharedPluginData('journeymap', k));
  if ('children' in node) for (const c of (node as ChildrenMixin).children) n += storedBytes(c);
  return n;
}

/**
 * CPU time of this process (user + system) while the action runs: everything here is one
 * thread of synchronous work, so CPU time is the work done, and is far less disturbed than
 * wall time by other processes on a busy machine.
 */
async function measure(fake: FakeFigma, action: () => Promise<unknown>): Promise<Measure> {
  fake.resetStats();
  const c0 = process.cpuUsage();
  await action();
  const c = process.cpuUsage(c0);
  const ms = (c.user + c.system) / 1000;
  const s = fake.stats();
  return { ms, created: s.created, writes: s.writes, reads: s.reads, nodesWritten: s.nodesWritten };
}

async function repeat(build: (fake: FakeFigma) => Promise<() => Promise<unknown>>): Promise<Measure> {
  const runs: Measure[] = [];
  for (let i = 0; i < RUNS; i++) {
    const fake = installFakeFigma();
    const action = await build(fake);
    runs.push(await measure(fake, action));
    uninstallFakeFigma();
  }
  return {
    ms: median(runs.map((r) => r.ms)),
    created: runs[0].created,
    writes: runs[0].writes,
    reads: runs[0].reads,
    nodesWritten: runs[0].nodesWritten,
  };
}

function editOneCell(map: JourneyMap): JourneyMap {
  const m = clone(map);
  (m.lanes[0].cells as Record<string, string>)[m.stages[1].id] = 'One edited cell';
  return m;
}

function reorder(map: JourneyMap): JourneyMap {
  const m = clone(map);
  m.stages.reverse();
  return m;
}

const fmt = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n).toString());

function editCell(map: JourneyMap, stage: number, text: string): JourneyMap {
  const m = clone(map);
  (m.lanes[0].cells as Record<string, string>)[m.stages[stage].id] = text;
  return m;
}

interface Pair {
  create: Measure;
  warm: Measure;
  cold: Measure;
  check: Measure;
}

/**
 * One run: create (measured), then a one-cell update right after it, as with the panel open
 * (warm: this run's caches of what it drew, and the tags the create recorded), then another
 * with the caches dropped, as the first update after the plugin is opened (cold), then a
 * read-back alone (what the cold update's conflict check reads). Measured in the same run, so
 * their ratios hold.
 */
async function pair(map: JourneyMap): Promise<Pair> {
  const fake = installFakeFigma();
  forgetDrawn();
  let frame!: FrameNode;
  const create = await measure(fake, async () => ({ frame } = await createMap(map)));
  // Figma lays the map out while the plugin waits; the fake lays out lazily, on the first
  // geometry read. Settle it, so that an update is not charged with the layout of the write before.
  void frame.height;
  // The edited maps are made before the clock starts: copying a 40×30 map is the bench's work,
  // not the plugin's (~1.2 ms at 40×30, about 2% of the measured update).
  const oneCell = editCell(map, 1, 'One edited cell');
  const another = editCell(map, 2, 'Another edited cell');
  const warm = await measure(fake, () => updateMap(frame, oneCell));
  void frame.height;
  forgetDrawn();
  const cold = await measure(fake, () => updateMap(frame, another));
  void frame.height;
  const check = await measure(fake, async () => readMap(frame));
  uninstallFakeFigma();
  return { create, warm, cold, check };
}

async function main() {
  const rows: string[] = [];
  rows.push(
    '| map (stages×lanes) | nodes | create ms | writes | reads | reads per node | 1-cell update ms | ÷ create | reads | writes | nodes written | cold ÷ create | cold reads | of which read-back | re-order: nodes written | redraw writes ÷ 1-cell |',
  );
  rows.push(
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  const stored: string[] = [];
  const growth: number[] = [];
  for (const [s, l] of SIZES) {
    const map = syntheticMap(s, l);
    const pairs: Pair[] = [];
    for (let i = 0; i < RUNS; i++) pairs.push(await pair(map));
    const create = pairs[0].create;
    const warm = pairs[0].warm;
    const setup = async (next: JourneyMap) => {
      const { frame } = await createMap(map);
      void frame.height;
      return () => updateMap(frame, next);
    };
    const reordered = await repeat(() => setup(reorder(map)));
    // What other plugins do: delete the frame and draw it again.
    const redraw = await repeat(async () => {
      const { frame } = await createMap(map);
      return async () => {
        frame.remove();
        await createMap(editOneCell(map));
      };
    });
    growth.push(create.created);
    const createMs = median(pairs.map((p) => p.create.ms));
    const ratio = median(pairs.map((p) => p.warm.ms / p.create.ms));
    const coldRatio = median(pairs.map((p) => p.cold.ms / p.create.ms));
    rows.push(
      `| ${s}×${l} | ${create.created} | ${fmt(createMs)} | ${create.writes} | ${create.reads} | ${(create.reads / create.created).toFixed(1)} | ${fmt(median(pairs.map((p) => p.warm.ms)))} | ${(ratio * 100).toFixed(1)}% | ${warm.reads} | ${warm.writes} | ${warm.nodesWritten} | ${(coldRatio * 100).toFixed(1)}% | ${pairs[0].cold.reads} | ${pairs[0].check.reads} | ${reordered.nodesWritten} | ${(redraw.writes / Math.max(1, warm.writes)).toFixed(0)}× |`,
    );
    installFakeFigma();
    const { frame } = await createMap(map);
    const json = Buffer.byteLength(JSON.stringify(map));
    const bytes = storedBytes(frame);
    stored.push(`| ${s}×${l} | ${json} | ${bytes} | ${(bytes / json).toFixed(1)}× |`);
    uninstallFakeFigma();
  }
  console.log(
    '\n## Canvas (in-memory Figma; CPU ms, median of ' +
      RUNS +
      ' runs; each ratio is taken within one run, then the median)\n',
  );
  console.log(rows.join('\n'));
  console.log('\n## Stored plugin data\n');
  console.log('| map | map JSON bytes | bytes stored on its nodes | ÷ map JSON |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(stored.join('\n'));
  const cells = SIZES.map(([s, l]) => s * l);
  console.log(
    `\nNodes created per stage×lane cell: ${SIZES.map((_, i) => (growth[i] / cells[i]).toFixed(2)).join(', ')} (linear growth: ~constant per cell).`,
  );

  console.log('\n## Bundles\n');
  console.log('| file | raw | gzip |');
  console.log('| --- | ---: | ---: |');
  for (const f of ['dist/code.js', 'dist/ui.html', 'dist/journey-map.schema.json']) {
    if (!existsSync(f)) {
      console.log(`| ${f} | missing (run npm run build) | |`);
      continue;
    }
    const buf = readFileSync(f);
    console.log(`| ${f} | ${(buf.length / 1024).toFixed(1)} kB | ${(gzipSync(buf).length / 1024).toFixed(1)} kB |`);
  }

  const panelBench = new URL('./panel.bench.ts', import.meta.url);
  if (existsSync(panelBench)) {
    const mod = (await import(panelBench.href)) as { panelSection?: () => Promise<string> };
    if (mod.panelSection) console.log('\n' + (await mod.panelSection()));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
