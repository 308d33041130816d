/**
 * Messages between the sandbox (dist/code.js on the in-memory Figma) and the
 * panel iframe, with the shape and timing of Figma's postMessage:
 *  - panel → sandbox: the panel posts `{ pluginMessage }` to its parent; only
 *    that envelope, only from the plugin iframe, reaches `figma.ui.onmessage`,
 *    as a structured clone, in a later task (FakeFigma.sendToPlugin does both);
 *  - sandbox → panel: `figma.ui.postMessage(msg)` is cloned at once (by the
 *    fake) and reaches the iframe later as `{ pluginMessage: msg }`.
 * Messages the sandbox posts before the iframe has loaded are held and sent on
 * load, so none is lost to the about:blank document the iframe starts with.
 */
import type { FakeFigma } from '../tests/support/figma-fake';

export interface BridgeLog {
  toPanel: unknown[];
  fromPanel: unknown[];
  /** Errors thrown by the sandbox's message handler, as text. */
  sandboxErrors: string[];
}

export interface Bridge extends BridgeLog {
  /** Call when the iframe has loaded a new document: flushes held messages. */
  panelLoaded(): void;
}

export function connect(fake: FakeFigma, iframe: HTMLIFrameElement, onActivity: () => void): Bridge {
  let loaded = false;
  const held: unknown[] = [];
  const bridge: Bridge = {
    toPanel: [],
    fromPanel: [],
    sandboxErrors: [],
    panelLoaded() {
      loaded = true;
      for (const msg of held.splice(0)) deliver(msg);
    },
  };
  const deliver = (msg: unknown) => iframe.contentWindow?.postMessage({ pluginMessage: msg }, '*');

  fake.onUiMessage((msg) => {
    bridge.toPanel.push(msg);
    setTimeout(() => {
      if (loaded) deliver(msg);
      else held.push(msg);
      onActivity();
    }, 0);
  });

  window.addEventListener('message', (event) => {
    if (event.source !== iframe.contentWindow) return;
    const data = event.data as { pluginMessage?: unknown } | null;
    if (!data || typeof data !== 'object' || !('pluginMessage' in data)) return;
    bridge.fromPanel.push(data.pluginMessage);
    fake
      .sendToPlugin(data.pluginMessage)
      .catch((e: unknown) => {
        const text = e instanceof Error ? e.message : String(e);
        bridge.sandboxErrors.push(text);
        console.error('sandbox error', e);
      })
      .finally(onActivity);
  });
  return bridge;
}
