import { FORMAT_VERSION } from '../../src/model';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readMapData } from '../../src/figma/storage';
import { NAMESPACE as SHARED_NAMESPACE } from '../../src/figma/node-data';
import { uninstallFakeFigma } from '../support/figma-fake';
import { arbMapInput } from '../support/arbitraries';
import { expectedTexts } from '../support/map-texts';
import { loadExamples, norm } from '../support/maps';
import { allNodes, managed, startPlugin } from '../support/plugin';
import { tagField } from '../support/tags';

const examples = loadExamples();

function canvasText(node: BaseNode): string {
  return allNodes(node)
    .filter((n): n is TextNode => n.type === 'TEXT')
    .map((n) => n.characters)
    .join('\n');
}

afterEach(() => uninstallFakeFigma());

describe('create', () => {
  for (const { file, input } of examples) {
    it(`draws every text of ${file}, stores the map, one undo step`, async () => {
      const p = await startPlugin();
      const replies = await p.send({ type: 'create', map: input });
      const created = p.expectReply(replies, 'created');
      const frame = (await p.figma.getNodeByIdAsync(created.nodeId)) as FrameNode;
      const map = norm(input);
      expect(frame.type).toBe('FRAME');
      expect(frame.parent).toBe(p.figma.currentPage);
      expect(frame.name).toBe(map.title);
      expect(created.map).toEqual(map);
      const shown = canvasText(frame);
      for (const t of expectedTexts(map)) expect(shown).toContain(t);
      expect(p.fake.undoCommits).toBe(1);
      expect(p.figma.currentPage.selection).toEqual([frame]);
      expect(p.fake.scrolledTo.at(-1)).toEqual([frame]);
      expect(readMapData(frame)?.data).toEqual(map);
      expect(frame.getSharedPluginData(SHARED_NAMESPACE, 'format')).toBe(String(FORMAT_VERSION));
      expect(frame.getRelaunchData()).toHaveProperty('edit');
      // one stage header per stage, one lane row per lane with a row (not those drawn on another's chart), in order
      expect(managed(frame, 'stage-header').map((n) => tagField(n, 'stage'))).toEqual(map.stages.map((s) => s.id));
      expect(managed(frame, 'lane').map((n) => tagField(n, 'lane'))).toEqual(
        map.lanes.filter((l) => l.kind !== 'emotion' || !l.overlay).map((l) => l.id),
      );
    });
  }

  it('places the map at the centre of the viewport, not at 0,0', async () => {
    const p = await startPlugin({ viewport: { x: 5000, y: -3000 } });
    const created = p.expectReply(await p.send({ type: 'create', map: examples[0].input }), 'created');
    const frame = (await p.figma.getNodeByIdAsync(created.nodeId)) as FrameNode;
    // Rounded to whole pixels, so an odd size puts the centre half a pixel off.
    expect(Math.abs(frame.x + frame.width / 2 - 5000)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(frame.y + frame.height / 2 + 3000)).toBeLessThanOrEqual(0.5);
  });

  it('answers an invalid map with located issues and changes nothing', async () => {
    const p = await startPlugin();
    const before = p.figma.currentPage.children.length;
    p.fake.resetStats();
    const replies = await p.send({
      type: 'create',
      map: { title: 'T', stages: [{ name: 'A' }, {}], lanes: [{ title: 'L', kind: 'text', cells: { nope: 'x' } }] },
    });
    const error = p.expectReply(replies, 'error');
    expect(error.code).toBe('invalid');
    expect(error.issues).toContainEqual({ path: 'stages[1].name', message: 'required' });
    expect(p.figma.currentPage.children.length).toBe(before);
    expect(p.fake.stats().created).toBe(0);
    expect(p.fake.undoCommits).toBe(0);
    expect(p.fake.notifications.at(-1)?.options?.error).toBe(true);
  });

  it('answers unknown and malformed messages with an error, not silence', async () => {
    const p = await startPlugin();
    expect(p.expectReply(await p.send({ type: 'explode' }), 'error').message).toContain('explode');
    expect(p.expectReply(await p.send({ type: 'update', map: {} }), 'error').code).toBe('invalid'); // no nodeId
  });

  it('falls back to another font when Inter is missing, and says so', async () => {
    const p = await startPlugin({
      fonts: [
        { family: 'Roboto', style: 'Regular' },
        { family: 'Roboto', style: 'Bold' },
        { family: 'Roboto', style: 'Medium' },
        { family: 'Roboto', style: 'Italic' },
      ],
    });
    const created = p.expectReply(await p.send({ type: 'create', map: examples[0].input }), 'created');
    const frame = (await p.figma.getNodeByIdAsync(created.nodeId)) as FrameNode;
    const families = new Set(
      allNodes(frame)
        .filter((n): n is TextNode => n.type === 'TEXT')
        .map((n) => (n.fontName as FontName).family),
    );
    expect([...families]).toEqual(['Roboto']);
    expect(p.fake.notifications.map((n) => n.message).join(' ')).toMatch(/Inter is not available/);
  });

  it('loads each font once per run, not once per map', async () => {
    const p = await startPlugin();
    const api = p.figma as unknown as { loadFontAsync: (f: FontName) => Promise<void> };
    const real = api.loadFontAsync;
    const loads: string[] = [];
    api.loadFontAsync = (f) => {
      loads.push(`${f.family} ${f.style}`);
      return real(f);
    };
    p.expectReply(await p.send({ type: 'create', map: examples[0].input }), 'created');
    const first = loads.length;
    p.expectReply(await p.send({ type: 'create', map: examples[1].input }), 'created');
    expect(first).toBe(5); // Inter Regular, Medium, Semi Bold, Bold, Italic
    expect(new Set(loads).size).toBe(5);
    expect(loads.length).toBe(first);
  });

  it('leaves nothing behind when no usable font exists', async () => {
    const p = await startPlugin({ fonts: [{ family: 'Comic Sans', style: 'Regular' }] });
    const before = p.figma.currentPage.children.length;
    const error = p.expectReply(await p.send({ type: 'create', map: examples[0].input }), 'error');
    expect(error.message).toMatch(/font/i);
    expect(p.figma.currentPage.children.length).toBe(before);
    expect(p.fake.stats().created).toBe(0);
  });

  it('creates a map from a template menu command without the panel', async () => {
    const p = await startPlugin(undefined, 'template:ecommerce');
    const frames = p.figma.currentPage.children.filter((n) => tagField(n, 'role') === 'map');
    expect(frames).toHaveLength(1);
    expect(p.fake.undoCommits).toBe(1);
    expect(p.fake.closed).toBe(true);
    expect(p.fake.uiVisible).toBe(false);
  });

  it('draws random maps within Figma rules and shows all their text', async () => {
    await fc.assert(
      fc.asyncProperty(arbMapInput({ maxStages: 8, maxLanes: 5 }), async (input) => {
        const p = await startPlugin();
        const created = p.expectReply(await p.send({ type: 'create', map: input }), 'created');
        const frame = (await p.figma.getNodeByIdAsync(created.nodeId)) as FrameNode;
        const shown = canvasText(frame);
        for (const t of expectedTexts(norm(input))) expect(shown).toContain(t);
        expect(p.fake.undoCommits).toBe(1);
        uninstallFakeFigma();
      }),
      { numRuns: 25 },
    );
  });
});
