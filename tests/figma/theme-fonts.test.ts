/**
 * Issue 15: `theme.font` picks a family Figma has (figma.listAvailableFontsAsync), its styles
 * mapped to the weights the map uses (the nearest where one is missing); a family Figma does not
 * have falls back to Inter with one warning naming it. The strict fake refuses text writes with an
 * unloaded font, so a map drawn at all was drawn after every font it uses was loaded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { nearestStyle, styleWeight } from '../../src/figma/fonts';
import { DEFAULT_FONTS, uninstallFakeFigma } from '../support/figma-fake';
import { loadExamples } from '../support/maps';
import { allNodes, startPlugin } from '../support/plugin';

afterEach(() => uninstallFakeFigma());

const example = loadExamples().find((e) => e.file.includes('ecommerce')) ?? loadExamples()[0];
const GEORGIA = ['Regular', 'Bold', 'Italic', 'Bold Italic'].map((style) => ({ family: 'Georgia', style }));

function fontsOf(frame: FrameNode): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const n of allNodes(frame))
    if (n.type === 'TEXT') {
      const f = n.fontName as FontName;
      if (!out.has(f.family)) out.set(f.family, new Set());
      out.get(f.family)!.add(f.style);
    }
  return out;
}

describe('theme font', () => {
  it('reads weights and slant from style names as Figma lists them', () => {
    expect(styleWeight('Semi Bold')).toEqual({ weight: 600, italic: false });
    expect(styleWeight('SemiBold Italic')).toEqual({ weight: 600, italic: true });
    expect(styleWeight('ExtraLight')).toEqual({ weight: 200, italic: false });
    expect(styleWeight('Extra Bold')).toEqual({ weight: 800, italic: false });
    expect(styleWeight('Book')).toEqual({ weight: 400, italic: false });
    expect(styleWeight('Italic')).toEqual({ weight: 400, italic: true });
    expect(styleWeight('Black')).toEqual({ weight: 900, italic: false });
  });

  it('takes the nearest style: slant first, then weight (on a tie heavier above 500, as CSS)', () => {
    const styles = ['Regular', 'Bold', 'Italic', 'Bold Italic'];
    expect(nearestStyle(styles, { weight: 500, italic: false })).toBe('Regular');
    expect(nearestStyle(styles, { weight: 600, italic: false })).toBe('Bold');
    expect(nearestStyle(styles, { weight: 400, italic: true })).toBe('Italic');
    expect(nearestStyle(['Light', 'Bold'], { weight: 500, italic: false })).toBe('Light');
    expect(nearestStyle(['Light', 'Medium', 'Black'], { weight: 700, italic: false })).toBe('Black');
    expect(nearestStyle(['Regular', 'Bold'], { weight: 400, italic: true })).toBe('Regular');
  });

  it("the fake lists available fonts as Figma's typings say: Font[] of { fontName }", async () => {
    // @figma/plugin-typings: listAvailableFontsAsync(): Promise<Font[]>; interface Font { fontName: FontName }.
    const p = await startPlugin({ fonts: [...DEFAULT_FONTS, ...GEORGIA] });
    const list = await p.figma.listAvailableFontsAsync();
    expect(list).toContainEqual({ fontName: { family: 'Georgia', style: 'Bold Italic' } });
    expect(list.every((f) => Object.keys(f).join() === 'fontName')).toBe(true);
    expect(list).toHaveLength(DEFAULT_FONTS.length + GEORGIA.length);
  });

  it('lists the families Figma has for the panel: once each, sorted, in a message the protocol checks', async () => {
    const odd = [
      { family: 'ábaco Sans', style: 'Regular' },
      { family: 'zeta', style: 'Bold' },
      { family: 'x'.repeat(201), style: 'Regular' },
    ];
    const p = await startPlugin({ fonts: [...DEFAULT_FONTS, ...GEORGIA, ...odd] });
    // p.send validates every reply with PluginToUiSchema.
    const reply = p.expectReply(await p.send({ type: 'list-fonts', requestId: 'f1' }), 'fonts');
    expect(reply.requestId).toBe('f1');
    const families = [...new Set(DEFAULT_FONTS.map((f) => f.family))];
    expect(reply.families).toEqual(
      [...families, 'Georgia', 'ábaco Sans', 'zeta'].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
    );
    expect(reply.families.indexOf('ábaco Sans')).toBeLessThan(reply.families.indexOf('Georgia'));
    expect(new Set(reply.families).size).toBe(reply.families.length);
    // A family name too long for the protocol is not sent; a malformed request is refused.
    expect(reply.families.some((f) => f.length > 200)).toBe(false);
    p.expectReply(await p.send({ type: 'list-fonts', extra: 1 } as Record<string, unknown>), 'error');
  });

  it('draws every text in the theme family, each role at the nearest weight', async () => {
    const p = await startPlugin({ fonts: [...DEFAULT_FONTS, ...GEORGIA] });
    const map = { ...(example.input as object), theme: { font: 'Georgia' } };
    const created = p.expectReply(await p.send({ type: 'create', map }), 'created');
    const frame = (await p.figma.getNodeByIdAsync(created.nodeId)) as FrameNode;
    const fonts = fontsOf(frame);
    expect([...fonts.keys()]).toEqual(['Georgia']);
    // Regular for regular and medium, Bold for semibold and bold, Italic for italic.
    expect([...fonts.get('Georgia')!].sort()).toEqual(['Bold', 'Italic', 'Regular']);
    expect(created.warnings ?? []).toEqual([]);
  });

  it('an unavailable family falls back to Inter, with one warning naming it', async () => {
    const p = await startPlugin();
    const map = { ...(example.input as object), theme: { font: 'Brand Sans' } };
    const created = p.expectReply(await p.send({ type: 'create', map }), 'created');
    const frame = (await p.figma.getNodeByIdAsync(created.nodeId)) as FrameNode;
    expect([...fontsOf(frame).keys()]).toEqual(['Inter']);
    const warnings = created.warnings ?? [];
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Brand Sans');
    expect(p.fake.notifications.filter((n) => n.message.includes('Brand Sans'))).toHaveLength(1);
  });

  it('changing the theme font on update rewrites the texts in the new family, and only texts', async () => {
    const p = await startPlugin({ fonts: [...DEFAULT_FONTS, ...GEORGIA] });
    const created = p.expectReply(await p.send({ type: 'create', map: example.input }), 'created');
    const map = { ...(example.input as object), theme: { font: 'Georgia' } };
    const before = p.fake.stats();
    const updated = p.expectReply(await p.send({ type: 'update', nodeId: created.nodeId, map }), 'updated');
    const frame = (await p.figma.getNodeByIdAsync(updated.nodeId)) as FrameNode;
    expect([...fontsOf(frame).keys()]).toEqual(['Georgia']);
    expect(p.fake.stats().created).toBe(before.created);
  });
});

describe('theme change on update', () => {
  it('rewrites only the nodes whose paint changed, and reads the theme back from the stored map', async () => {
    const p = await startPlugin();
    const created = p.expectReply(await p.send({ type: 'create', map: example.input }), 'created');
    const frame = (await p.figma.getNodeByIdAsync(created.nodeId)) as FrameNode;
    const avatar = allNodes(frame).find((n) => n.name === 'Avatar') as FrameNode | undefined;
    const fillOf = (n: SceneNode | undefined) => JSON.stringify((n as GeometryMixin | undefined)?.fills);
    const avatarBefore = fillOf(avatar);
    const texts = allNodes(frame).filter((n): n is TextNode => n.type === 'TEXT');
    p.fake.resetStats();
    const map = { ...(example.input as object), theme: { accent: '#0038B8' } };
    p.expectReply(await p.send({ type: 'update', nodeId: created.nodeId, map }), 'updated');
    const written = p.fake.stats().writtenIds;
    expect(written.size).toBeGreaterThan(0);
    // The accent colours the persona card, its avatar and section titles, links and phase bands:
    // a small share of the map. Body texts in the lanes keep their paint and are not written.
    const all = allNodes(frame).length;
    expect(written.size).toBeLessThan(all / 4);
    const cellTexts = texts.filter((t) => t.fills !== undefined && t.name !== 'Avatar initials');
    expect(cellTexts.some((t) => !written.has(t.id))).toBe(true);
    if (avatar) expect(fillOf(avatar)).not.toBe(avatarBefore);
    // Read back: the theme is the stored one.
    const read = p.expectReply(await p.send({ type: 'read', nodeId: created.nodeId }), 'map');
    expect((read.map as { theme?: unknown }).theme).toEqual({ accent: '#0038B8' });
  });
});
