/**
 * Hand-made node-like objects shaped like Figma's SceneNode API, to test the
 * HTML renderer independently of the Figma fake.
 */
import { encodeTag, TAG_ENTRY } from '../../src/figma/tags';
import type { Tag } from '../../src/layout/spec';

let nextId = 1;

type Props = Record<string, unknown>;
export type FakeNode = Props & { id: string; type: string; name: string; children?: FakeNode[] };

function node(type: string, props: Props, data: Record<string, string> = {}): FakeNode {
  const id = `1:${nextId++}`;
  return {
    id,
    type,
    name: String(props.name ?? type.toLowerCase()),
    visible: true,
    opacity: 1,
    x: 0,
    y: 0,
    rotation: 0,
    fills: [],
    strokes: [],
    strokeWeight: 1,
    // Tags as the plugin stores them: one `t` entry (src/figma/tags.ts), written absolute here.
    getSharedPluginData: (_ns: string, k: string) =>
      k === TAG_ENTRY && data.role
        ? encodeTag({
            role: data.role as Tag['role'],
            key: data.key ?? data.role,
            id,
            hash: '',
            stage: data.stage,
            lane: data.lane,
            index: data.index === undefined ? undefined : Number(data.index),
            phase: data.phase,
          })
        : '',
    ...props,
  };
}

export const solid = (r: number, g: number, b: number, opacity = 1) => [
  { type: 'SOLID', visible: true, opacity, color: { r, g, b } },
];

export function frame(props: Props, children: FakeNode[] = [], data: Record<string, string> = {}): FakeNode {
  return node(
    'FRAME',
    {
      layoutMode: 'NONE',
      itemSpacing: 0,
      paddingTop: 0,
      paddingRight: 0,
      paddingBottom: 0,
      paddingLeft: 0,
      primaryAxisAlignItems: 'MIN',
      counterAxisAlignItems: 'MIN',
      layoutWrap: 'NO_WRAP',
      counterAxisSpacing: 0,
      clipsContent: false,
      cornerRadius: 0,
      width: 100,
      height: 100,
      children,
      ...props,
    },
    data,
  );
}

export function text(characters: string, props: Props = {}, data: Record<string, string> = {}): FakeNode {
  return node(
    'TEXT',
    {
      characters,
      fontName: { family: 'Inter', style: 'Regular' },
      fontSize: 14,
      lineHeight: { unit: 'PIXELS', value: 20 },
      letterSpacing: { unit: 'PERCENT', value: 0 },
      textAlignHorizontal: 'LEFT',
      textCase: 'ORIGINAL',
      textAutoResize: 'WIDTH_AND_HEIGHT',
      fills: solid(0.1, 0.1, 0.1),
      width: 100,
      height: 20,
      ...props,
    },
    data,
  );
}

export function vector(
  paths: Array<{ windingRule: string; data: string }>,
  props: Props = {},
  data: Record<string, string> = {},
): FakeNode {
  return node('VECTOR', { vectorPaths: paths, strokeCap: 'ROUND', width: 100, height: 50, ...props }, data);
}

export function ellipse(props: Props = {}, data: Record<string, string> = {}): FakeNode {
  return node('ELLIPSE', { width: 12, height: 12, ...props }, data);
}

export function rectangle(props: Props = {}, data: Record<string, string> = {}): FakeNode {
  return node('RECTANGLE', { width: 10, height: 10, cornerRadius: 0, ...props }, data);
}

/** The hand-made objects are structurally SceneNode-like; the renderer reads them defensively. */
export const asScene = (n: FakeNode) => n as unknown as SceneNode;
