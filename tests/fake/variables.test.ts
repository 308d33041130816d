/**
 * figma.variables in the strict fake (tests/support/figma-fake/variables.ts), as Figma offers it to a
 * plugin with "documentAccess": "dynamic-page". Sources, from @figma/plugin-typings (plugin-api.d.ts):
 * - VariablesAPI: each sync getter "will throw an exception if the plugin manifest contains
 *   "documentAccess": "dynamic-page"" (getVariableById, getVariableCollectionById, getLocalVariables,
 *   getLocalVariableCollections); use the …Async ones.
 * - VariableCollection.addMode: "limited by the current file's pricing tier … will throw an error with the
 *   message `in addMode: Limited to N modes only`"; Variable.resolveForConsumer: "the Starter plan, which
 *   is limited to a single mode" (help.figma.com/hc/en-us/articles/15343816063383, Modes for variables).
 * - setBoundVariableForPaint: "returns a copy of the paint which is now bound to the provided variable";
 *   SolidPaint.boundVariables.color is a VariableAlias { type: 'VARIABLE_ALIAS', id }.
 * - ExplicitVariableModesMixin: setExplicitVariableModeForCollection(collection, modeId),
 *   explicitVariableModes; resolvedVariableModes: nodes "automatically inherit the modes of their parents".
 */
import { describe, expect, it } from 'vitest';
import { useFake } from './use-fake';

const ctx = useFake();
const RED = { r: 1, g: 0, b: 0 };
const NAVY = { r: 0, g: 0, b: 0.5 };

function colourVariable(limit?: number) {
  if (limit !== undefined) ctx.reinstall({ variableModeLimit: limit });
  const v = ctx.figma.variables;
  const collection = v.createVariableCollection('Journey map');
  const variable = v.createVariable('surface/background', collection, 'COLOR');
  return { v, collection, variable };
}

describe('collections and variables', () => {
  it('creates a collection with one mode and a COLOR variable, found by the async getters', async () => {
    const { v, collection, variable } = colourVariable();
    expect(collection.modes).toEqual([{ modeId: collection.defaultModeId, name: 'Mode 1' }]);
    variable.setValueForMode(collection.defaultModeId, RED);
    expect(variable.valuesByMode[collection.defaultModeId]).toEqual({ ...RED, a: 1 });
    expect(variable.variableCollectionId).toBe(collection.id);
    expect(await v.getLocalVariableCollectionsAsync()).toEqual([collection]);
    expect(await v.getLocalVariablesAsync('COLOR')).toEqual([variable]);
    expect(await v.getVariableByIdAsync(variable.id)).toBe(variable);
    expect(await v.getVariableCollectionByIdAsync(collection.id)).toBe(collection);
    expect(collection.variableIds).toEqual([variable.id]);
  });

  it('throws on the sync getters under dynamic-page', () => {
    const { v, variable, collection } = colourVariable();
    expect(() => v.getVariableById(variable.id)).toThrow(/dynamic-page/);
    expect(() => v.getVariableCollectionById(collection.id)).toThrow(/dynamic-page/);
    expect(() => v.getLocalVariables()).toThrow(/dynamic-page/);
    expect(() => v.getLocalVariableCollections()).toThrow(/dynamic-page/);
    // The deprecated id form of createVariable throws too.
    expect(() => v.createVariable('x', collection.id as never, 'COLOR')).toThrow(/dynamic-page/);
  });

  it('refuses a second mode on the Starter plan (the default), with Figma message', () => {
    const { collection } = colourVariable();
    expect(() => collection.addMode('Dark')).toThrow('in addMode: Limited to 1 modes only');
    expect(collection.modes).toHaveLength(1);
  });

  it('adds modes up to a larger plan limit; a new mode starts with the default mode values', () => {
    const { collection, variable } = colourVariable(2);
    variable.setValueForMode(collection.defaultModeId, RED);
    const dark = collection.addMode('Dark');
    expect(variable.valuesByMode[dark]).toEqual({ ...RED, a: 1 });
    collection.renameMode(collection.defaultModeId, 'Light');
    expect(collection.modes.map((m) => m.name)).toEqual(['Light', 'Dark']);
    expect(() => collection.addMode('Third')).toThrow('in addMode: Limited to 2 modes only');
    expect(() => variable.setValueForMode('nope', RED)).toThrow(/No mode/);
    expect(() => variable.setValueForMode(dark, { r: 255, g: 0, b: 0 })).toThrow(/between 0 and 1/);
  });

  it('removes a variable: gone from the getters, and any later use throws', async () => {
    const { v, variable, collection } = colourVariable();
    const id = variable.id;
    variable.remove();
    expect(await v.getVariableByIdAsync(id)).toBeNull();
    expect(await v.getLocalVariablesAsync()).toEqual([]);
    expect(collection.variableIds).toEqual([]);
    expect(() => variable.name).toThrow(/removed/);
  });

  it('keeps plugin data on collections and variables', () => {
    const { collection, variable } = colourVariable();
    collection.setPluginData('written', '{"a":1}');
    variable.setPluginData('k', 'v');
    expect(collection.getPluginData('written')).toBe('{"a":1}');
    expect(variable.getPluginData('k')).toBe('v');
    expect(collection.getPluginData('other')).toBe('');
  });
});

describe('paints bound to variables', () => {
  it('setBoundVariableForPaint returns a bound copy; a node keeps the binding and shows the variable colour', () => {
    const { v, collection, variable } = colourVariable();
    variable.setValueForMode(collection.defaultModeId, RED);
    const paint: SolidPaint = { type: 'SOLID', color: NAVY };
    const bound = v.setBoundVariableForPaint(paint, 'color', variable);
    expect(paint).not.toHaveProperty('boundVariables');
    expect(bound.boundVariables).toEqual({ color: { type: 'VARIABLE_ALIAS', id: variable.id } });
    const rect = ctx.figma.createRectangle();
    rect.fills = [bound];
    const fill = (rect.fills as SolidPaint[])[0];
    expect(fill.boundVariables?.color?.id).toBe(variable.id);
    expect(fill.color).toEqual(RED);
    // A changed value shows at once; unbinding gives a plain paint.
    variable.setValueForMode(collection.defaultModeId, NAVY);
    expect((rect.fills as SolidPaint[])[0].color).toEqual(NAVY);
    expect(v.setBoundVariableForPaint(bound, 'color', null)).not.toHaveProperty('boundVariables');
  });

  it('a variable may alias another; a bound paint shows the colour at the end of the chain', () => {
    const { v, collection, variable } = colourVariable();
    const brand = v.createVariableCollection('Brand');
    const ink = v.createVariable('ink', brand, 'COLOR');
    ink.setValueForMode(brand.defaultModeId, NAVY);
    const alias: VariableAlias = { type: 'VARIABLE_ALIAS', id: ink.id };
    variable.setValueForMode(collection.defaultModeId, alias);
    expect(variable.valuesByMode[collection.defaultModeId]).toEqual(alias);
    const rect = ctx.figma.createRectangle();
    rect.fills = [v.setBoundVariableForPaint({ type: 'SOLID', color: RED }, 'color', variable)];
    expect((rect.fills as SolidPaint[])[0].color).toEqual(NAVY);
    expect(() =>
      variable.setValueForMode(collection.defaultModeId, { type: 'VARIABLE_ALIAS', id: variable.id }),
    ).toThrow(/Cannot alias/);
  });

  it('a paint bound to a removed variable keeps its own colour', () => {
    const { v, collection, variable } = colourVariable();
    variable.setValueForMode(collection.defaultModeId, RED);
    const rect = ctx.figma.createRectangle();
    rect.strokes = [v.setBoundVariableForPaint({ type: 'SOLID', color: NAVY }, 'color', variable)];
    variable.remove();
    expect((rect.strokes as SolidPaint[])[0].color).toEqual(NAVY);
  });

  it('refuses a malformed binding and a removed variable', () => {
    const { v, variable } = colourVariable();
    const rect = ctx.figma.createRectangle();
    const bad = { type: 'SOLID', color: NAVY, boundVariables: { color: { id: 'x' } } } as unknown as SolidPaint;
    expect(() => (rect.fills = [bad])).toThrow(/VariableAlias/);
    expect(() => v.setBoundVariableForPaint({ type: 'SOLID', color: NAVY }, 'opacity' as never, variable)).toThrow(
      /Invalid field/,
    );
    variable.remove();
    expect(() => v.setBoundVariableForPaint({ type: 'SOLID', color: NAVY }, 'color', variable)).toThrow();
  });
});

describe('explicit variable modes', () => {
  it('a frame set to a mode colours its children in that mode; others use the default', () => {
    const { v, collection, variable } = colourVariable(2);
    const dark = collection.addMode('Dark');
    variable.setValueForMode(collection.defaultModeId, RED);
    variable.setValueForMode(dark, NAVY);
    const frame = ctx.figma.createFrame();
    const rect = ctx.figma.createRectangle();
    frame.appendChild(rect);
    rect.fills = [v.setBoundVariableForPaint({ type: 'SOLID', color: RED }, 'color', variable)];
    expect((rect.fills as SolidPaint[])[0].color).toEqual(RED);
    frame.setExplicitVariableModeForCollection(collection, dark);
    expect(frame.explicitVariableModes).toEqual({ [collection.id]: dark });
    expect(rect.explicitVariableModes).toEqual({});
    expect((rect.fills as SolidPaint[])[0].color).toEqual(NAVY);
    frame.clearExplicitVariableModeForCollection(collection);
    expect((rect.fills as SolidPaint[])[0].color).toEqual(RED);
  });

  it('refuses a mode of another collection and the deprecated id form', () => {
    const { collection } = colourVariable();
    const other = ctx.figma.variables.createVariableCollection('Other');
    const frame = ctx.figma.createFrame();
    expect(() => frame.setExplicitVariableModeForCollection(collection, other.defaultModeId)).toThrow(/No mode/);
    expect(() => frame.setExplicitVariableModeForCollection(collection.id, collection.defaultModeId)).toThrow(
      /dynamic-page/,
    );
  });
});
