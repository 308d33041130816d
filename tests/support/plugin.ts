/**
 * Start the real sandbox code (src/main.ts) against a fresh strict in-memory
 * Figma, and talk to it the way the panel does.
 */
import { vi } from 'vitest';
import { installFakeFigma, type FakeFigma, type FakeOptions } from './figma-fake';
import { PluginToUiSchema, type PluginToUi, type UiToPlugin } from '../../src/protocol';
import { tagField } from './tags';

export interface Plugin {
  fake: FakeFigma;
  figma: PluginAPI;
  /** Send a message as the panel would; returns the replies it caused (each validated by the protocol schema). */
  send(msg: UiToPlugin | Record<string, unknown>): Promise<PluginToUi[]>;
  /** The first reply of a type, or a thrown error that shows what came back instead. */
  expectReply<T extends PluginToUi['type']>(replies: PluginToUi[], type: T): Extract<PluginToUi, { type: T }>;
}

export async function startPlugin(options?: FakeOptions, command = 'open'): Promise<Plugin> {
  const fake = installFakeFigma(options);
  vi.resetModules();
  await import('../../src/main');
  await fake.runCommand(command);
  const send = async (msg: UiToPlugin | Record<string, unknown>) => {
    const before = fake.uiMessages.length;
    await fake.sendToPlugin(msg);
    return fake.uiMessages.slice(before).map((m) => PluginToUiSchema.parse(m));
  };
  const expectReply = <T extends PluginToUi['type']>(replies: PluginToUi[], type: T) => {
    const hit = replies.find((r) => r.type === type);
    if (!hit) throw new Error(`expected a "${type}" reply, got ${JSON.stringify(replies).slice(0, 600)}`);
    return hit as Extract<PluginToUi, { type: T }>;
  };
  return { fake, figma: fake.figma, send, expectReply };
}

/** Every node below (and including) `node`. */
export function allNodes(node: BaseNode): BaseNode[] {
  const out: BaseNode[] = [node];
  if ('children' in node) for (const c of (node as ChildrenMixin).children) out.push(...allNodes(c));
  return out;
}

export function managed(node: BaseNode, role: string): SceneNode[] {
  return allNodes(node).filter((n) => tagField(n, 'role') === role) as SceneNode[];
}
