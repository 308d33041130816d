/**
 * figma.variables in the strict fake: local COLOR variables in collections with modes, paints bound
 * to them, and a node's explicit mode per collection. Only what Figma offers a plugin whose manifest
 * says `"documentAccess": "dynamic-page"`:
 *  - the async getters (getLocalVariableCollectionsAsync, getLocalVariablesAsync, getVariableByIdAsync,
 *    getVariableCollectionByIdAsync); their sync twins throw, as the typings say of each ("This function
 *    will throw an exception if the plugin manifest contains "documentAccess": "dynamic-page"");
 *  - createVariable(name, collection, type) with a collection OBJECT (the id form is deprecated and
 *    throws under dynamic-page, typings), createVariableCollection(name);
 *  - collection.addMode(name) up to the plan's mode limit. Typings, addMode: "This API is limited by the
 *    current file's pricing tier. If limited the current pricing tier, this method will throw an error
 *    with the message `in addMode: Limited to N modes only`"; typings, resolveForConsumer: "the Starter
 *    plan, which is limited to a single mode" (help.figma.com/hc/en-us/articles/15343816063383, "Modes
 *    for variables": paid plans allow more). The limit is a fake option, default 1 (Starter);
 *  - figma.variables.setBoundVariableForPaint(paint, 'color', variable | null): "returns a copy of the
 *    paint which is now bound to the provided variable" (typings), as boundVariables.color, a
 *    VariableAlias { type: 'VARIABLE_ALIAS', id };
 *  - node.setExplicitVariableModeForCollection(collection, modeId) / clear…, explicitVariableModes
 *    (typings, ExplicitVariableModesMixin; the collection-id forms are deprecated and throw).
 * Reading a node's fills or strokes gives a bound paint's colour as the variable's value in the node's
 * mode (its own explicit mode, else its nearest ancestor's, else the collection's default mode: "nodes
 * automatically inherit the modes of their parents", typings, resolvedVariableModes), so renders and
 * dumps show what Figma shows, following a value that is an alias of another COLOR variable (typings,
 * VariableValue includes VariableAlias) in that variable's collection's mode. A paint bound to a
 * variable that was removed keeps its own colour.
 * Assumed where the docs are silent: a new COLOR variable is white in every mode, a new mode starts
 * with the default mode's values, and a removed variable or collection throws on any use (like a node).
 */
export interface FakeVariablesOptions {
  /** How many modes a collection may have (the plan's limit): 1 = Starter (the default). */
  modeLimit?: number;
}

type Rgba = { r: number; g: number; b: number; a: number };
/** A mode's value: a colour, or an alias of another COLOR variable (typings, VariableValue). */
type Value = Rgba | VariableAlias;

interface Collection {
  id: string;
  name: string;
  modes: Array<{ modeId: string; name: string }>;
  variableIds: string[];
  pluginData: Map<string, string>;
  removed: boolean;
  proxy: VariableCollection;
}

interface Var {
  id: string;
  name: string;
  collection: Collection;
  values: Map<string, Value>;
  pluginData: Map<string, string>;
  removed: boolean;
  proxy: Variable;
}

/** What a FakeNode gives the variables code: its explicit modes and its parent. */
export interface ModeHolder {
  explicitModes: Record<string, string>;
  parentNode: ModeHolder | null;
}

const dynamicPage = (api: string) => () => {
  throw new Error(`in ${api}: Cannot call with documentAccess: dynamic-page. Use ${api}Async instead.`);
};

function checkColor(value: unknown, where: string): Rgba {
  const c = value as Record<string, unknown> | null;
  const ok = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;
  if (!c || typeof c !== 'object' || !ok(c.r) || !ok(c.g) || !ok(c.b) || (c.a !== undefined && !ok(c.a)))
    throw new Error(`in ${where}: Expected a color { r, g, b, a? } with channels between 0 and 1`);
  return { r: c.r as number, g: c.g as number, b: c.b as number, a: (c.a as number | undefined) ?? 1 };
}

/** A proxy that throws on what it does not implement, and on any use after removal. */
function strictObject<T extends object>(name: string, target: T, removed: () => boolean): T {
  return new Proxy(target, {
    get(t, prop) {
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON' || prop === 'asymmetricMatch')
        return (t as Record<PropertyKey, unknown>)[prop];
      if (prop !== 'id' && removed()) throw new Error(`in get_${prop}: The ${name} has been removed`);
      if (!(prop in t)) throw new Error(`FakeFigma: ${name}.${prop} is not implemented`);
      return (t as Record<string, unknown>)[prop];
    },
    set(t, prop, value) {
      if (removed()) throw new Error(`in set_${String(prop)}: The ${name} has been removed`);
      if (prop !== 'name') throw new Error(`FakeFigma: setting ${name}.${String(prop)} is not implemented`);
      if (typeof value !== 'string') throw new Error('in set_name: Expected string');
      (t as Record<string, unknown>).name = value;
      return true;
    },
  });
}

function pluginDataMethods(data: Map<string, string>) {
  return {
    getPluginData: (key: string) => data.get(key) ?? '',
    setPluginData(key: string, value: string) {
      if (typeof key !== 'string' || typeof value !== 'string')
        throw new Error('in setPluginData: Expected key and value to be strings');
      if (value === '') data.delete(key);
      else data.set(key, value);
    },
    getPluginDataKeys: () => [...data.keys()],
  };
}

export function makeVariables(options: FakeVariablesOptions, countWrite: () => void) {
  const limit = options.modeLimit ?? 1;
  const collections = new Map<string, Collection>();
  const variables = new Map<string, Var>();
  let n = 0;
  const nextId = () => `1:${++n}`;

  const liveCollection = (c: unknown, where: string): Collection => {
    if (typeof c === 'string')
      throw new Error(`in ${where}: Cannot call with documentAccess: dynamic-page. Pass a VariableCollection object.`);
    const found = [...collections.values()].find((x) => x.proxy === c);
    if (!found || found.removed) throw new Error(`in ${where}: Expected a variable collection of this file`);
    return found;
  };
  const liveVariable = (v: unknown, where: string): Var => {
    const found = [...variables.values()].find((x) => x.proxy === v);
    if (!found || found.removed) throw new Error(`in ${where}: Expected a variable of this file`);
    return found;
  };

  function newCollection(name: string): Collection {
    if (typeof name !== 'string') throw new Error('in createVariableCollection: Expected name to be a string');
    const c = {
      id: `VariableCollectionId:${nextId()}`,
      name,
      modes: [{ modeId: nextId(), name: 'Mode 1' }],
      variableIds: [],
      pluginData: new Map(),
      removed: false,
    } as unknown as Collection;
    const target = {
      get id() {
        return c.id;
      },
      get name() {
        return c.name;
      },
      set name(v: string) {
        c.name = v;
      },
      remote: false,
      isExtension: false,
      hiddenFromPublishing: false,
      get key() {
        return c.id;
      },
      get modes() {
        return c.modes.map((m) => ({ ...m }));
      },
      get defaultModeId() {
        return c.modes[0].modeId;
      },
      get variableIds() {
        return c.variableIds.filter((id) => !variables.get(id)!.removed);
      },
      addMode(modeName: string) {
        if (typeof modeName !== 'string') throw new Error('in addMode: Expected name to be a string');
        if (c.modes.length >= limit) throw new Error(`in addMode: Limited to ${limit} modes only`);
        const modeId = nextId();
        const from = c.modes[0].modeId;
        c.modes.push({ modeId, name: modeName });
        for (const id of c.variableIds) {
          const v = variables.get(id)!;
          v.values.set(modeId, { ...v.values.get(from)! } as Value);
        }
        countWrite();
        return modeId;
      },
      renameMode(modeId: string, newName: string) {
        const m = c.modes.find((x) => x.modeId === modeId);
        if (!m) throw new Error(`in renameMode: No mode with id "${modeId}" in this collection`);
        if (typeof newName !== 'string') throw new Error('in renameMode: Expected name to be a string');
        m.name = newName;
        countWrite();
      },
      removeMode(modeId: string) {
        const i = c.modes.findIndex((x) => x.modeId === modeId);
        if (i < 0) throw new Error(`in removeMode: No mode with id "${modeId}" in this collection`);
        if (c.modes.length === 1) throw new Error('in removeMode: A collection needs at least one mode');
        c.modes.splice(i, 1);
        for (const id of c.variableIds) variables.get(id)!.values.delete(modeId);
        countWrite();
      },
      remove() {
        c.removed = true;
        for (const id of c.variableIds) variables.get(id)!.removed = true;
        countWrite();
      },
      ...pluginDataMethods(c.pluginData),
    };
    c.proxy = strictObject('variable collection', target, () => c.removed) as unknown as VariableCollection;
    collections.set(c.id, c);
    countWrite();
    return c;
  }

  function newVariable(name: string, collection: unknown, type: unknown): Var {
    const c = liveCollection(collection, 'createVariable');
    if (typeof name !== 'string' || !name.trim()) throw new Error('in createVariable: Expected a non-empty name');
    if (type !== 'COLOR') throw new Error(`FakeFigma: variables of type ${String(type)} are not implemented`);
    const v = {
      id: `VariableID:${nextId()}`,
      name,
      collection: c,
      values: new Map(c.modes.map((m) => [m.modeId, { r: 1, g: 1, b: 1, a: 1 }])),
      pluginData: new Map(),
      removed: false,
    } as unknown as Var;
    const target = {
      get id() {
        return v.id;
      },
      get name() {
        return v.name;
      },
      set name(x: string) {
        v.name = x;
      },
      description: '',
      remote: false,
      hiddenFromPublishing: false,
      scopes: ['ALL_SCOPES'],
      resolvedType: 'COLOR',
      get key() {
        return v.id;
      },
      get variableCollectionId() {
        return c.id;
      },
      get valuesByMode() {
        return Object.fromEntries([...v.values].map(([k, x]) => [k, { ...x }]));
      },
      setValueForMode(modeId: string, value: unknown) {
        if (!c.modes.some((m) => m.modeId === modeId))
          throw new Error(`in setValueForMode: No mode with id "${modeId}" in the variable's collection`);
        const alias = value as VariableAlias | null;
        if (alias && typeof alias === 'object' && 'type' in alias && alias.type === 'VARIABLE_ALIAS') {
          const target = variables.get(alias.id);
          if (!target || target.removed || target === v)
            throw new Error(`in setValueForMode: Cannot alias to variable "${String(alias.id)}"`);
          v.values.set(modeId, { type: 'VARIABLE_ALIAS', id: alias.id });
        } else v.values.set(modeId, checkColor(value, 'setValueForMode'));
        countWrite();
      },
      remove() {
        v.removed = true;
        countWrite();
      },
      ...pluginDataMethods(v.pluginData),
    };
    v.proxy = strictObject('variable', target, () => v.removed) as unknown as Variable;
    c.variableIds.push(v.id);
    variables.set(v.id, v);
    countWrite();
    return v;
  }

  const api = strictObject(
    'figma.variables',
    {
      getLocalVariableCollectionsAsync: async () =>
        [...collections.values()].filter((c) => !c.removed).map((c) => c.proxy),
      getLocalVariablesAsync: async (type?: string) =>
        [...variables.values()]
          .filter((v) => !v.removed && (type === undefined || type === 'COLOR'))
          .map((v) => v.proxy),
      getVariableByIdAsync: async (id: string) => {
        const v = variables.get(id);
        return v && !v.removed ? v.proxy : null;
      },
      getVariableCollectionByIdAsync: async (id: string) => {
        const c = collections.get(id);
        return c && !c.removed ? c.proxy : null;
      },
      getLocalVariableCollections: dynamicPage('getLocalVariableCollections'),
      getLocalVariables: dynamicPage('getLocalVariables'),
      getVariableById: dynamicPage('getVariableById'),
      getVariableCollectionById: dynamicPage('getVariableCollectionById'),
      createVariableCollection: (name: string) => newCollection(name).proxy,
      createVariable: (name: string, collection: unknown, type: unknown) => newVariable(name, collection, type).proxy,
      setBoundVariableForPaint(paint: SolidPaint, field: string, variable: Variable | null) {
        if (!paint || paint.type !== 'SOLID')
          throw new Error('in setBoundVariableForPaint: Expected a SolidPaint as the first argument');
        if (field !== 'color') throw new Error(`in setBoundVariableForPaint: Invalid field "${String(field)}"`);
        const { boundVariables, ...rest } = paint;
        if (variable === null) return { ...rest } as SolidPaint;
        liveVariable(variable, 'setBoundVariableForPaint');
        const alias = { type: 'VARIABLE_ALIAS' as const, id: variable.id };
        return { ...rest, boundVariables: { ...boundVariables, color: alias } } as SolidPaint;
      },
    },
    () => false,
  );

  /** The mode a node uses for a collection: its own explicit one, else its nearest ancestor's, else the default. */
  function modeOf(node: ModeHolder, c: Collection): string {
    for (let n: ModeHolder | null = node; n; n = n.parentNode) {
      const m = n.explicitModes[c.id];
      if (m && c.modes.some((x) => x.modeId === m)) return m;
    }
    return c.modes[0].modeId;
  }

  /** A variable's colour for a node: its value in the node's mode, following aliases (each in its own collection's mode). */
  function resolve(v: Var | undefined, node: ModeHolder, depth: number): Rgba | undefined {
    if (!v || v.removed || depth > 10) return undefined;
    const value = v.values.get(modeOf(node, v.collection))!;
    return 'type' in value ? resolve(variables.get(value.id), node, depth + 1) : value;
  }

  return {
    api,
    /** A node's fills or strokes as read: each bound colour as its variable's value in the node's mode. */
    resolvePaints(node: ModeHolder, paints: ReadonlyArray<Paint>): ReadonlyArray<Paint> {
      if (!paints.some((p) => p.type === 'SOLID' && p.boundVariables?.color)) return paints;
      return Object.freeze(
        paints.map((p) => {
          const id = p.type === 'SOLID' ? p.boundVariables?.color?.id : undefined;
          const c = id === undefined ? undefined : resolve(variables.get(id), node, 0);
          if (!c) return p;
          return Object.freeze({ ...p, color: Object.freeze({ r: c.r, g: c.g, b: c.b }) });
        }),
      );
    },
    /** setExplicitVariableModeForCollection's checks: a live collection object and one of its modes. */
    checkMode(collection: unknown, modeId: unknown, where: string): string {
      const c = liveCollection(collection, where);
      if (modeId !== undefined && !c.modes.some((m) => m.modeId === modeId))
        throw new Error(`in ${where}: No mode with id "${String(modeId)}" in collection "${c.name}"`);
      return c.id;
    },
  };
}

export type FakeVariables = ReturnType<typeof makeVariables>;
