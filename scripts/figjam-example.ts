/**
 * docs/figjam-example.png: the e-commerce example as a FigJam workshop board, mid-workshop.
 *
 *   npm run build && npx tsx scripts/figjam-example.ts [--out docs/figjam-example.png]
 *
 * The real built sandbox draws the board in the fake's FigJam mode (as `npm run preview --
 * --figjam` does); then participants' stickies are added as FigJam would hold them (two in
 * cells, one parked beside the grid) and one emotion marker is dragged, and the board is
 * rendered with headless Chromium.
 */
import { launchBrowser, screenshotHtml } from '../tests/support/browser';
import { renderNodeToHtml } from '../tests/support/render-html';
import { createWithSandbox, loadBundle } from './preview';
import { boardGeometry, cellRect, stickySlot, EMOTION_AREA } from '../src/figjam/geometry';
import { scoreToY } from '../src/layout/emotion';
import { normaliseMap } from '../src/model';
import { readFileSync } from 'node:fs';

const out = process.argv.includes('--out')
  ? process.argv[process.argv.indexOf('--out') + 1]
  : 'docs/figjam-example.png';
const input = JSON.parse(readFileSync('examples/ecommerce.json', 'utf8')) as unknown;
const section = (await createWithSandbox(loadBundle(), input, 'ecommerce.json', undefined, 'figjam')) as SectionNode;
const map = normaliseMap(input);
if (!map.ok) throw new Error('examples/ecommerce.json is not valid');
const geo = boardGeometry(map.value);
const cell = (lane: string, stage: string) =>
  cellRect(
    geo.rows.find((r) => r.lane.id === lane)!,
    geo.columns.find((c) => c.stageId === stage)!,
  );
await figma.loadFontAsync({ family: 'Inter', style: 'Medium' });
const sticky = (text: string, at: { x: number; y: number }) => {
  const s = figma.createSticky();
  s.text.characters = text;
  section.appendChild(s);
  s.x = at.x;
  s.y = at.y;
};
const lanes = map.value.lanes.map((l) => l.id);
const pains = lanes.find((id) => /pain/.test(id)) ?? lanes[1];
const ideas = lanes.find((id) => /opportun|idea/.test(id)) ?? lanes[2];
const stages = map.value.stages.map((s) => s.id);
// Participants' stickies: FigJam's default yellow, dropped roughly into place.
sticky('No size advice for wide feet', {
  ...stickySlot(cell(pains, stages[2]), 2),
  y: stickySlot(cell(pains, stages[2]), 2).y + 14,
});
sticky('Pay later option?', {
  x: stickySlot(cell(ideas, stages[3]), 1).x + 10,
  y: stickySlot(cell(ideas, stages[3]), 1).y + 6,
});
sticky('Parking lot: ask legal about returns', { x: geo.width - 600, y: 80 });
// A marker dragged up during the discussion.
const feel = geo.rows.find((r) => r.lane.kind === 'emotion')!;
const marker = section
  .findAll((n) => n.getSharedPluginData('journeymap', 't').startsWith('emotion-marker'))
  .find((n) => n.getSharedPluginData('journeymap', 't').includes(stages[3]));
if (marker) marker.y = feel.y + scoreToY(2, EMOTION_AREA) - marker.height / 2;

const browser = (await launchBrowser())!;
await screenshotHtml(renderNodeToHtml(section, { padding: 24, scale: 0.5 }), out, { browser });
await browser.close();
console.log(`→ ${out}`);
