/**
 * The panel's only way to talk to the sandbox. Every message out is checked
 * with UiToPluginSchema (a bug here should fail loudly in tests, not reach
 * Figma); every message in is checked with PluginToUiSchema and dropped with a
 * console warning if malformed.
 */
import { PluginToUiSchema, UiToPluginSchema, type PluginToUi, type UiToPlugin } from '../src/protocol';

export type Send = (msg: UiToPlugin) => void;

export const sendToPlugin: Send = (msg) => {
  const checked = UiToPluginSchema.parse(msg);
  parent.postMessage({ pluginMessage: checked }, '*');
};

export function listenToPlugin(handler: (msg: PluginToUi) => void): () => void {
  const onMessage = (event: MessageEvent) => {
    const data = event.data as { pluginMessage?: unknown } | null;
    if (!data || typeof data !== 'object' || !('pluginMessage' in data)) return;
    const parsed = PluginToUiSchema.safeParse(data.pluginMessage);
    // Our own outgoing messages echo back when the panel runs outside Figma (parent === window).
    if (!parsed.success) return;
    handler(parsed.data);
  };
  window.addEventListener('message', onMessage);
  return () => window.removeEventListener('message', onMessage);
}
