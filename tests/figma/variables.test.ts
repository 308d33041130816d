/**
 * Issue 15, "Use Figma variables" (src/figma/variables.ts) against the strict fake's figma.variables
 * (tests/support/figma-fake/variables.ts): one "Journey map" collection per file, a COLOR variable per
 * palette colour, every palette fill and stroke of the map bound to its variable (emotion markers keep
 * their score colour), a value the designer changed never overwritten, a deleted or renamed variable
 * drawn as a plain colour with one message, a Dark mode where the plan allows a second mode, and the
 * frame's mode set from the panel.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { JourneyMap } from '../../src/model';
import { createMap, forgetDrawn, updateMap } from '../../src/figma/map-ops';
import { COLLECTION, drawSpec, setVariableMode, variableModes } from '../../src/figma/variables';
import { buildMapSpec } from '../../src/layout/map-spec';
import { paletteFor } from '../../src/layout/palette';
import { paletteColors } from '../../src/layout/palette-names';
import { hex, PREFERRED_FONTS } from '../../src/layout/theme';
import { installFakeFigma, uninstallFakeFigma } from '../support/figma-fake';
import { diffDumps, dumpMap } from '../support/dump';
import { clone, loadExamples, norm } from '../support/maps';
import { allNodes, startPlugin } from '../support/plugin';
import { tagField } from '../support/tags';

afterEach(() => uninstallFakeFigma());

const example = loadExamples().find((e) => e.file.includes('ecommerce')) ?? loadExamples()[0];
function withTheme(theme: JourneyMap['theme']): JourneyMap {
  return norm({ ...(example.input as object), theme });
}
const A = () => withTheme({ preset: 'warm', variables: true });

/** Every SOLID paint of the map's managed nodes, with where it is. */
function paintsOf(frame: FrameNode) {
  const out: Array<{ node: SceneNode; role: string; prop: string; paint: SolidPaint }> = [];
  for (const n of allNodes(frame) as SceneNode[]) {
    const role = tagField(n, 'role');
    if (!role) continue;
    for (const prop of ['fills', 'strokes'] as const)
      if (prop in n)
        for (const p of (n as GeometryMixin)[prop] as Paint[])
          if (p.type === 'SOLID') out.push({ node: n, role, prop, paint: p });
  }
  return out;
}

async function journeyCollection() {
  const all = await figma.variables.getLocalVariableCollectionsAsync();
  return all.filter((c) => c.name === COLLECTION);
}
async function variableNamed(name: string) {
  return (await figma.variables.getLocalVariablesAsync('COLOR')).find((v) => v.name === name)!;
}
const hexOf = (c: RGB) =>
  `#${[c.r, c.g, c.b]
    .map((x) =>
      Math.round(x * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`.toUpperCase();

describe('the probe layout', () => {
  // drawSpec lays the map out with a palette whose every colour is unique, to tell which palette colour
  // each paint is (palette-names.ts). That is sound only while the layout never looks at colours: with no
  // variable to bind, the result must be exactly the plain layout, for every example, preset and scheme.
  it.each(['default', 'mono', 'warm', 'contrast'] as const)('equals the plain layout: %s', (preset) => {
    const render = { fonts: PREFERRED_FONTS };
    for (const e of loadExamples())
      for (const scheme of [undefined, 'dark'] as const) {
        const map = norm({ ...(e.input as object), theme: { preset, accent: '#0038B8' } });
        const r = scheme ? { ...render, scheme } : render;
        expect(drawSpec(map, { ...r, variables: {} }), e.file).toEqual(buildMapSpec(map, r));
      }
  });
});

describe('binding on create', () => {
  it('binds every fill and stroke of the map to its palette variable, in one collection', async () => {
    installFakeFigma();
    const map = A();
    const { frame } = await createMap(map);
    const colors = paletteColors(paletteFor(map.theme));
    const cols = await journeyCollection();
    expect(cols).toHaveLength(1);
    expect(cols[0].modes.map((m) => m.name)).toEqual(['Light']);
    const vars = await figma.variables.getLocalVariablesAsync('COLOR');
    expect(vars.map((v) => v.name).sort()).toEqual([...colors.keys()].sort());
    for (const v of vars) expect(hexOf(v.valuesByMode[cols[0].defaultModeId] as RGB)).toBe(colors.get(v.name));
    const byId = new Map(vars.map((v) => [v.id, v]));
    const paints = paintsOf(frame);
    expect(paints.length).toBeGreaterThan(100);
    for (const { role, paint } of paints) {
      // Only an emotion marker's fill is not a palette colour: its score's colour.
      if (role === 'emotion-marker' && !paint.boundVariables) continue;
      const id = paint.boundVariables?.color?.id;
      expect(id, role).toBeDefined();
      expect(hexOf(paint.color)).toBe(colors.get(byId.get(id!)!.name));
    }
    expect(
      paints.filter((p) => p.role === 'emotion-marker' && p.prop === 'strokes').every((p) => p.paint.boundVariables),
    ).toBe(true);
  });

  it('draws nothing bound without the option, and the same colours as with it', async () => {
    installFakeFigma();
    const plain = withTheme({ preset: 'warm' });
    const { frame } = await createMap(plain);
    expect(paintsOf(frame).some((p) => p.paint.boundVariables)).toBe(false);
    expect(await journeyCollection()).toHaveLength(0);
    const colours = paintsOf(frame).map((p) => hexOf(p.paint.color));
    const bound = await createMap(A());
    expect(paintsOf(bound.frame).map((p) => hexOf(p.paint.color))).toEqual(colours);
  });
});

describe('reuse', () => {
  it('reuses the collection and a variable by name; a second map makes no duplicate', async () => {
    installFakeFigma();
    const c = figma.variables.createVariableCollection(COLLECTION);
    const mine = figma.variables.createVariable('colors/text', c, 'COLOR');
    mine.setValueForMode(c.defaultModeId, { r: 0.2, g: 0, b: 0.4 });
    await createMap(A());
    const count = (await figma.variables.getLocalVariablesAsync()).length;
    const second = await createMap(withTheme({ preset: 'mono', variables: true }));
    expect(await journeyCollection()).toEqual([c]);
    expect(await figma.variables.getLocalVariablesAsync()).toHaveLength(count);
    expect((await variableNamed('colors/text')).id).toBe(mine.id);
    // A variable the designer made is theirs: its value is kept, and the maps show it.
    expect(mine.valuesByMode[c.defaultModeId]).toEqual({ r: 0.2, g: 0, b: 0.4, a: 1 });
    const title = allNodes(second.frame).find((n) => tagField(n, 'role') === 'title') as TextNode;
    expect((title.fills as SolidPaint[])[0]).toMatchObject({ color: { r: 0.2, g: 0, b: 0.4 } });
  });
});

describe('one collection', () => {
  it('two maps created at once make one collection and one set of variables', async () => {
    installFakeFigma();
    const [a, b] = await Promise.all([createMap(A()), createMap(withTheme({ variables: true }))]);
    expect(await journeyCollection()).toHaveLength(1);
    const names = (await figma.variables.getLocalVariablesAsync()).map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    expect((a.frame.fills as SolidPaint[])[0].boundVariables).toEqual(
      (b.frame.fills as SolidPaint[])[0].boundVariables,
    );
  });
});

describe('values', () => {
  it('keeps a value the designer changed; values the plugin wrote follow the theme', async () => {
    installFakeFigma();
    const { frame } = await createMap(A());
    const c = (await journeyCollection())[0];
    const bg = await variableNamed('colors/mapBackground');
    bg.setValueForMode(c.defaultModeId, hex('#123456'));
    const b = withTheme({ preset: 'warm', accent: '#0038B8', variables: true });
    const r = await updateMap(frame, b);
    expect(r.warnings).toEqual([]);
    expect(hexOf(bg.valuesByMode[c.defaultModeId] as RGB)).toBe('#123456');
    const accent = await variableNamed('colors/personaAccent');
    expect(hexOf(accent.valuesByMode[c.defaultModeId] as RGB)).toBe('#0038B8');
    expect(hexOf((frame.fills as SolidPaint[])[0].color)).toBe('#123456');
    // Once the designer's, always: another theme change leaves it too.
    await updateMap(frame, withTheme({ preset: 'mono', variables: true }));
    expect(hexOf(bg.valuesByMode[c.defaultModeId] as RGB)).toBe('#123456');
    // A value the designer points at another variable (an alias) is theirs too.
    const brand = figma.variables.createVariableCollection('Brand');
    const ink = figma.variables.createVariable('ink', brand, 'COLOR');
    ink.setValueForMode(brand.defaultModeId, hex('#0A0A0A'));
    const text = await variableNamed('colors/text');
    const alias: VariableAlias = { type: 'VARIABLE_ALIAS', id: ink.id };
    text.setValueForMode(c.defaultModeId, alias);
    await updateMap(frame, withTheme({ preset: 'contrast', variables: true }));
    expect(text.valuesByMode[c.defaultModeId]).toEqual(alias);
  });
});

describe('a collection the designer renamed', () => {
  it('stays the map’s, with the values the designer set in it: no second collection', async () => {
    installFakeFigma();
    const { frame } = await createMap(A());
    const [c] = await journeyCollection();
    c.name = 'Brand / journey colours';
    const bg = await variableNamed('colors/mapBackground');
    bg.setValueForMode(c.defaultModeId, hex('#123456'));
    const count = (await figma.variables.getLocalVariablesAsync()).length;
    const r = await updateMap(frame, withTheme({ preset: 'mono', variables: true }));
    expect(r.warnings).toEqual([]);
    expect(await figma.variables.getLocalVariableCollectionsAsync()).toEqual([c]);
    expect(await figma.variables.getLocalVariablesAsync()).toHaveLength(count);
    expect((frame.fills as SolidPaint[])[0].boundVariables?.color?.id).toBe(bg.id);
    expect(hexOf((frame.fills as SolidPaint[])[0].color)).toBe('#123456');
    expect(await variableModes(frame)).toEqual({ modes: ['Light'], mode: undefined });
  });
});

describe('a value the designer made translucent', () => {
  it('is theirs: a theme change does not make it opaque again', async () => {
    installFakeFigma();
    const { frame } = await createMap(A());
    const c = (await journeyCollection())[0];
    const bg = await variableNamed('colors/mapBackground');
    const was = bg.valuesByMode[c.defaultModeId] as RGBA;
    bg.setValueForMode(c.defaultModeId, { r: was.r, g: was.g, b: was.b, a: 0.5 });
    await updateMap(frame, withTheme({ preset: 'mono', variables: true }));
    expect(bg.valuesByMode[c.defaultModeId]).toEqual({ r: was.r, g: was.g, b: was.b, a: 0.5 });
  });
});

describe('a deleted or renamed variable', () => {
  it('is drawn as a plain colour, with one message naming it, and is not made again', async () => {
    installFakeFigma();
    const map = A();
    const { frame } = await createMap(map);
    (await variableNamed('colors/text')).remove();
    (await variableNamed('colors/stageText')).name = 'brand/stage text';
    const edited = clone(map);
    edited.title = 'Renamed map';
    const r = await updateMap(frame, edited);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/“colors\/text”, “colors\/stageText” in “Journey map” were deleted or renamed/);
    const colors = paletteColors(paletteFor(map.theme));
    const title = allNodes(frame).find((n) => tagField(n, 'role') === 'title') as TextNode;
    const fill = (title.fills as SolidPaint[])[0];
    expect(fill.boundVariables).toBeUndefined();
    expect(hexOf(fill.color)).toBe(colors.get('colors/text'));
    expect(await variableNamed('colors/text')).toBeUndefined();
    // Said once: the next update draws the same, silently.
    edited.title = 'Again';
    expect((await updateMap(frame, edited)).warnings).toEqual([]);
    expect(await variableNamed('colors/text')).toBeUndefined();
    // A variable given the name again is used again.
    const c = (await journeyCollection())[0];
    const back = figma.variables.createVariable('colors/text', c, 'COLOR');
    await updateMap(frame, map);
    expect((title.fills as SolidPaint[])[0].boundVariables?.color?.id).toBe(back.id);
  });
});

describe('a deleted collection', () => {
  it('is made again with the theme’s colours, said once, and the map is bound to it', async () => {
    // A plan with two modes: the new collection gets its Dark mode back, so only the deletion is said.
    installFakeFigma({ variableModeLimit: 2 });
    const map = A();
    const { frame } = await createMap(map);
    (await journeyCollection())[0].remove();
    const edited = clone(map);
    edited.title = 'After the collection went';
    const r = await updateMap(frame, edited);
    expect(r.warnings).toEqual(['The “Journey map” variables were deleted: made again with the theme’s colours.']);
    const [again, ...more] = await journeyCollection();
    expect(more).toEqual([]);
    expect(again.modes.map((m) => m.name)).toEqual(['Light', 'Dark']);
    const title = allNodes(frame).find((n) => tagField(n, 'role') === 'title') as TextNode;
    const bound = (title.fills as SolidPaint[])[0].boundVariables?.color?.id;
    expect((await figma.variables.getVariableByIdAsync(bound!))?.variableCollectionId).toBe(again.id);
    // Said once: the next update finds the new collection.
    edited.title = 'Again';
    expect((await updateMap(frame, edited)).warnings).toEqual([]);
  });
});

describe('modes', () => {
  it('modes the designer renamed stay Light and Dark: no third mode, the panel still shows Light and Dark', async () => {
    installFakeFigma({ variableModeLimit: 4 });
    const { frame } = await createMap(A());
    const [c] = await journeyCollection();
    const [light, dark] = c.modes.map((m) => m.modeId);
    c.renameMode(light, 'Day');
    c.renameMode(dark, 'Night');
    const b = withTheme({ preset: 'mono', variables: true });
    const r = await updateMap(frame, b);
    expect(r.warnings).toEqual([]);
    expect(c.modes).toEqual([
      { modeId: light, name: 'Day' },
      { modeId: dark, name: 'Night' },
    ]);
    // Its values the plugin wrote follow the theme, as a mode named Dark would.
    const want = paletteColors(paletteFor(b.theme, 'dark'), paletteFor(b.theme));
    const bg = await variableNamed('colors/mapBackground');
    expect(hexOf(bg.valuesByMode[dark] as RGB)).toBe(want.get('colors/mapBackground'));
    expect(await setVariableMode(frame, 'Dark')).toBe(true);
    expect(frame.explicitVariableModes).toEqual({ [c.id]: dark });
    expect(await variableModes(frame)).toEqual({ modes: ['Light', 'Dark'], mode: 'Dark' });
  });

  it('adds a Dark mode with the dark palette where the plan allows two modes', async () => {
    installFakeFigma({ variableModeLimit: 2 });
    const map = A();
    const { frame, warnings } = await createMap(map);
    expect(warnings).toEqual([]);
    const c = (await journeyCollection())[0];
    expect(c.modes.map((m) => m.name)).toEqual(['Light', 'Dark']);
    const dark = paletteColors(paletteFor(map.theme, 'dark'), paletteFor(map.theme));
    for (const v of await figma.variables.getLocalVariablesAsync())
      expect(hexOf(v.valuesByMode[c.modes[1].modeId] as RGB)).toBe(dark.get(v.name));
    expect(await variableModes(frame)).toEqual({ modes: ['Light', 'Dark'], mode: undefined });
    expect(await setVariableMode(frame, 'Dark')).toBe(true);
    expect(frame.explicitVariableModes).toEqual({ [c.id]: c.modes[1].modeId });
    expect(hexOf((frame.fills as SolidPaint[])[0].color)).toBe(dark.get('colors/mapBackground'));
    expect(await variableModes(frame)).toEqual({ modes: ['Light', 'Dark'], mode: 'Dark' });
  });

  it('has Light only on the Starter plan (one mode), and says so once', async () => {
    installFakeFigma();
    const { frame, warnings } = await createMap(A());
    expect(warnings).toEqual([
      "This file's Figma plan allows one variable mode: “Journey map” has Light colours only.",
    ]);
    expect((await journeyCollection())[0].modes.map((m) => m.name)).toEqual(['Light']);
    expect(await setVariableMode(frame, 'Dark')).toBe(false);
    expect(frame.explicitVariableModes).toEqual({});
    expect((await createMap(A())).warnings).toEqual([]);
  });
});

describe('update equals create with variables', () => {
  const cases: Array<[string, JourneyMap['theme'], JourneyMap['theme']]> = [
    ['turned on', { preset: 'warm' }, { preset: 'warm', variables: true }],
    ['turned off', { preset: 'warm', variables: true }, { preset: 'mono' }],
    ['another theme', { variables: true }, { preset: 'contrast', accent: '#C2410C', variables: true }],
  ];
  it.each(cases)('%s', async (_, ta, tb) => {
    const b = withTheme(tb);
    // A stage added by the update is bound as a create would bind it.
    b.stages.push({ id: 'extra', name: 'Extra stage' });
    installFakeFigma();
    const expected = dumpMap((await createMap(b)).frame);
    uninstallFakeFigma();
    // The dump holds the bindings, so equal dumps mean equal bindings.
    expect(JSON.stringify(expected).includes('"bound"')).toBe(!!tb?.variables);
    for (const cold of [false, true]) {
      installFakeFigma();
      const { frame } = await createMap(withTheme(ta));
      if (cold) forgetDrawn();
      await updateMap(frame, b);
      expect(diffDumps(dumpMap(frame), expected)).toEqual([]);
      uninstallFakeFigma();
    }
  });
});

describe('cost', () => {
  it('a one-cell update of a bound map reads and writes what it does on a plain map', async () => {
    const measure = async (variables: boolean) => {
      const fake = installFakeFigma();
      const map = withTheme(variables ? { preset: 'warm', variables: true } : { preset: 'warm' });
      const { frame } = await createMap(map);
      const edited = clone(map);
      const lane = edited.lanes.find((l) => l.kind === 'text')!;
      (lane.cells as Record<string, string>)[edited.stages[1].id] = 'One cell edited';
      fake.resetStats();
      const r = await updateMap(frame, edited);
      const s = fake.stats();
      uninstallFakeFigma();
      return { stats: r.stats, reads: s.reads, nodes: s.nodesWritten };
    };
    expect(await measure(true)).toEqual(await measure(false));
  });
});

describe('from the panel', () => {
  it('the option travels with the map; the reply gives the modes; the frame mode is one undo step', async () => {
    const p = await startPlugin({ variableModeLimit: 2 });
    const created = p.expectReply(await p.send({ type: 'create', map: A() }), 'created');
    expect(created.variables).toEqual({ modes: ['Light', 'Dark'] });
    expect(p.fake.undoCommits).toBe(1);
    const set = p.expectReply(
      await p.send({ type: 'set-variable-mode', nodeId: created.nodeId, mode: 'Dark' }),
      'variable-modes',
    );
    expect(set.variables).toEqual({ modes: ['Light', 'Dark'], mode: 'Dark' });
    expect(p.fake.undoCommits).toBe(2);
    const read = p.expectReply(await p.send({ type: 'read', nodeId: created.nodeId }), 'map');
    expect((read.map as JourneyMap).theme?.variables).toBe(true);
    expect(read.variables?.mode).toBe('Dark');
  });

  it("a reopened panel asks for the frame's modes (never stored with its draft) and gets them, writing nothing", async () => {
    const p = await startPlugin({ variableModeLimit: 2 });
    const created = p.expectReply(await p.send({ type: 'create', map: A() }), 'created');
    p.expectReply(await p.send({ type: 'set-variable-mode', nodeId: created.nodeId, mode: 'Dark' }), 'variable-modes');
    const commits = p.fake.undoCommits;
    p.fake.resetStats();
    const modes = p.expectReply(await p.send({ type: 'get-variable-modes', nodeId: created.nodeId }), 'variable-modes');
    expect(modes).toMatchObject({ nodeId: created.nodeId, variables: { modes: ['Light', 'Dark'], mode: 'Dark' } });
    expect(p.fake.stats().writes).toBe(0);
    expect(p.fake.undoCommits).toBe(commits);
    // A map no longer on the canvas: no reply, no error toast.
    const gone = await p.send({ type: 'get-variable-modes', nodeId: '999:999' });
    expect(gone).toEqual([]);
  });

  it('bad input changes nothing: a non-boolean option, a mode that does not exist', async () => {
    const p = await startPlugin();
    const bad = p.expectReply(
      await p.send({ type: 'create', map: { ...(example.input as object), theme: { variables: 'yes' } } }),
      'error',
    );
    expect(bad.issues).toContainEqual({
      path: 'theme.variables',
      message: 'Invalid input: expected boolean, received string',
    });
    expect(await p.figma.variables.getLocalVariableCollectionsAsync()).toEqual([]);
    const created = p.expectReply(await p.send({ type: 'create', map: A() }), 'created');
    const commits = p.fake.undoCommits;
    const refused = p.expectReply(
      await p.send({ type: 'set-variable-mode', nodeId: created.nodeId, mode: 'Dark' }),
      'error',
    );
    expect(refused.message).toMatch(/no Dark mode/);
    expect(p.fake.undoCommits).toBe(commits);
    const invalid = p.expectReply(
      await p.send({ type: 'set-variable-mode', nodeId: created.nodeId, mode: 'Sepia' } as Record<string, unknown>),
      'error',
    );
    expect(invalid.code).toBe('invalid');
  });
});
