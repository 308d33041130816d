/**
 * Maps as earlier versions left them on the canvas, made from a map drawn now:
 * the stored layouts the plugin must still read and update (src/figma/legacy.ts).
 * - 0.2.0: eight shared entries per node (key, role, stage, lane, index, phase,
 *   id, and `spec`, the JSON record of what was written); the map JSON (format 1:
 *   one `persona`) as one text cut in chunks (`map.n`, `map.0…`); the persona card
 *   keyed `persona`; no render options, no `t`, no `g`.
 * - 0.1.0: the same, but everything except the map JSON and `format` private.
 */
import { buildMapSpec } from '../../src/layout/map-spec';
import type { NodeSpec } from '../../src/layout/spec';
import { NAMESPACE } from '../../src/figma/node-data';
import { chunkText, fingerprint, readMapData, type RenderOptions } from '../../src/figma/storage';
import { writtenJson } from '../../src/figma/written';
import type { JourneyMap } from '../../src/model';
import { tagOf } from './tags';

export function toVersion02(frame: FrameNode): void {
  const stored = readMapData(frame)!;
  const render = stored.render as Required<Pick<RenderOptions, 'fonts'>> & RenderOptions;
  const spec = buildMapSpec(stored.data as JourneyMap, { ...render, fonts: render.fonts });
  // Resolve every tag first: they inherit from their ancestors' entries, which the walk removes.
  const tags = new Map<BaseNode, ReturnType<typeof tagOf>>();
  const resolve = (node: BaseNode) => {
    tags.set(node, tagOf(node));
    if ('children' in node) for (const c of (node as ChildrenMixin).children) resolve(c);
  };
  resolve(frame);
  const walk = (node: BaseNode, at: NodeSpec | undefined) => {
    const tag = tags.get(node);
    let here = at;
    if (tag && tag.id === node.id) {
      here = node === frame ? spec : at?.children?.find((c) => c.key === tag.key);
      const set = (k: string, v: string | number | undefined) =>
        node.setSharedPluginData(NAMESPACE, k, v === undefined ? '' : String(v));
      set('key', tag.role === 'persona' ? 'persona' : tag.key);
      set('role', tag.role);
      set('stage', tag.stage);
      set('lane', tag.lane);
      set('index', tag.index);
      set('phase', tag.phase);
      set('id', node.id);
      if (here) set('spec', writtenJson(here));
      node.setSharedPluginData(NAMESPACE, 't', '');
      node.setSharedPluginData(NAMESPACE, 'g', '');
    }
    if ('children' in node) for (const c of (node as ChildrenMixin).children) walk(c, here);
  };
  walk(frame, undefined);
  // Format 1, as 0.2.0 stored it: one `persona`, without an id.
  const { personas, ...rest } = stored.data as JourneyMap;
  const v1: Record<string, unknown> = { ...rest, version: 1 };
  if (personas?.length) {
    const { id: _id, ...persona } = personas[0];
    v1.persona = persona;
  }
  const json = JSON.stringify(v1);
  frame.setSharedPluginData(NAMESPACE, 'format', '1');
  // What 0.2.0 stored as the canvas right after its write: the fingerprint of the map it read back.
  frame.setSharedPluginData(NAMESPACE, 'canvas', fingerprint(v1));
  const n = Number(frame.getSharedPluginData(NAMESPACE, 'map.n'));
  for (let i = 0; i < n; i++) frame.setSharedPluginData(NAMESPACE, `map.${i}`, '');
  const chunks = chunkText(json);
  chunks.forEach((c, i) => frame.setSharedPluginData(NAMESPACE, `map.${i}`, c));
  frame.setSharedPluginData(NAMESPACE, 'map.n', String(chunks.length));
  frame.setSharedPluginData(NAMESPACE, 'map.parts', '');
  frame.setSharedPluginData(NAMESPACE, 'render', '');
}

export function toVersion01(frame: FrameNode): void {
  toVersion02(frame);
  const walk = (n: BaseNode) => {
    for (const k of n.getSharedPluginDataKeys(NAMESPACE)) {
      if (k.startsWith('map.') || k === 'format') continue;
      n.setPluginData(k, n.getSharedPluginData(NAMESPACE, k));
      n.setSharedPluginData(NAMESPACE, k, '');
    }
    if ('children' in n) (n as ChildrenMixin).children.forEach(walk);
  };
  walk(frame);
}
