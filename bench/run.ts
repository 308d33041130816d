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
import { performance } from 'node:perf_hooks';
import { installFakeFigma, uninstallFakeFigma, type FakeFigma } from '../tests/support/figma-fake';
import { createMap, updateMap } from '../src/figma/map-ops';
import type { JourneyMap } from '../src/model';
import { syntheticMap } from './synthetic';

const SIZES: Array<[number, number]> = [
  [5, 5],
  [12, 8],
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

async function measure(fake: FakeFigma, action: () => Promise<unknown>): Promise<Measure> {
  fake.resetStats();
  const t0 = performance.now();
  await action();
  const ms = performance.now() - t0;
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

async function main() {
  const rows: string[] = [];
  rows.push(
    '| map (stages×lanes) | create ms | nodes created | writes | reads | 1-cell update ms | ÷ create ms | reads | nodes written | re-order ms | nodes written | redraw ms | redraw writes | redraw ÷ 1-cell (writes) |',
  );
  rows.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const stored: string[] = [];
  const growth: number[] = [];
  for (const [s, l] of SIZES) {
    const map = syntheticMap(s, l);
    const create = await repeat(async () => () => createMap(map));
    const setup = async (next: JourneyMap) => {
      const { frame } = await createMap(map);
      return () => updateMap(frame, next);
    };
    const oneCell = await repeat(() => setup(editOneCell(map)));
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
    rows.push(
      `| ${s}×${l} | ${fmt(create.ms)} | ${create.created} | ${create.writes} | ${create.reads} | ${fmt(oneCell.ms)} | ${(oneCell.ms / create.ms).toFixed(2)} | ${oneCell.reads} | ${oneCell.nodesWritten} | ${fmt(reordered.ms)} | ${reordered.nodesWritten} | ${fmt(redraw.ms)} | ${redraw.writes} | ${(redraw.writes / Math.max(1, oneCell.writes)).toFixed(0)}× |`,
    );
    installFakeFigma();
    const { frame } = await createMap(map);
    const json = Buffer.byteLength(JSON.stringify(map));
    const bytes = storedBytes(frame);
    stored.push(`| ${s}×${l} | ${json} | ${bytes} | ${(bytes / json).toFixed(1)}× |`);
    uninstallFakeFigma();
  }
  console.log('\n## Canvas (in-memory Figma, median of ' + RUNS + ' runs)\n');
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
    const { measurePanelTyping } = (await import(panelBench.href)) as {
      measurePanelTyping: () => Promise<{ rendersPerKeystroke: number; msPerKeystroke: number }>;
    };
    const r = await measurePanelTyping();
    console.log('\n## Panel (jsdom, 40×30 map)\n');
    console.log('| typing into one cell | value |');
    console.log('| --- | ---: |');
    console.log(`| component renders per keystroke | ${r.rendersPerKeystroke.toFixed(1)} |`);
    console.log(`| ms per keystroke (jsdom) | ${r.msPerKeystroke.toFixed(2)} |`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
