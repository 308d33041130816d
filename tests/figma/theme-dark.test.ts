/**
 * Issue 15: a dark map without Figma variables. The create message's `scheme: 'dark'` (what
 * `npm run preview -- --dark` sends) draws the theme's dark colours as literal paints; the map's
 * data is unchanged (no format field), read-back gives the same map, and an update keeps the
 * scheme it was drawn with, as it keeps resized columns.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hex } from '../../src/layout/theme';
import { paletteFor } from '../../src/layout/palette';
import { uninstallFakeFigma } from '../support/figma-fake';
import { loadExamples } from '../support/maps';
import { allNodes, startPlugin } from '../support/plugin';

afterEach(() => uninstallFakeFigma());

const example = loadExamples().find((e) => e.file.includes('ecommerce')) ?? loadExamples()[0];
const fillOf = (n: BaseNode) => ((n as GeometryMixin).fills as SolidPaint[])[0]?.color;

describe('dark scheme without variables', () => {
  it('create with scheme dark draws the dark palette; read-back is the same map; update keeps it dark', async () => {
    const p = await startPlugin();
    const map = { ...(example.input as object), theme: { preset: 'warm' } };
    const created = p.expectReply(await p.send({ type: 'create', map, scheme: 'dark' }), 'created');
    const frame = (await p.figma.getNodeByIdAsync(created.nodeId)) as FrameNode;
    const dark = paletteFor({ preset: 'warm' }, 'dark');
    expect(fillOf(frame)).toEqual(hex(dark.colors.mapBackground));
    const texts = allNodes(frame).filter((n): n is TextNode => n.type === 'TEXT');
    expect(texts.some((t) => JSON.stringify(fillOf(t)) === JSON.stringify(hex(dark.colors.text)))).toBe(true);

    const read = p.expectReply(await p.send({ type: 'read', nodeId: created.nodeId }), 'map');
    expect(read.map).toEqual(created.map);

    // An update (a new title) writes the title and leaves the dark paints as they are.
    p.fake.resetStats();
    const next = { ...(created.map as object), title: 'Dark and renamed' };
    p.expectReply(await p.send({ type: 'update', nodeId: created.nodeId, map: next }), 'updated');
    expect(fillOf(frame)).toEqual(hex(dark.colors.mapBackground));
    expect(p.fake.stats().writtenIds.size).toBeLessThan(5);
  });

  it('a create without a scheme is light, and the protocol refuses another scheme', async () => {
    const p = await startPlugin();
    const created = p.expectReply(await p.send({ type: 'create', map: example.input }), 'created');
    const frame = (await p.figma.getNodeByIdAsync(created.nodeId)) as FrameNode;
    expect(fillOf(frame)).toEqual(hex(paletteFor(undefined).colors.mapBackground));
    const reply = p.expectReply(
      await p.send({ type: 'create', map: example.input, scheme: 'dim' } as Record<string, unknown>),
      'error',
    );
    expect(reply.message).toContain('create');
  });
});
