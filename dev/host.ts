/**
 * The dev harness page: Figma's part, played in the browser.
 *  - installs the strict in-memory Figma as `figma`, runs the BUILT dist/code.js
 *    against it, and fires the `open` command so it shows its UI;
 *  - loads the BUILT dist/ui.html in an iframe, like Figma does;
 *  - carries messages both ways with Figma's shape and timing: the panel posts
 *    `{ pluginMessage }` to its parent, the sandbox gets a structured clone,
 *    asynchronously; the sandbox's `figma.ui.postMessage` reaches the iframe as
 *    `{ pluginMessage }`, asynchronously;
 *  - draws the in-memory canvas next to the panel after every change, and lets
 *    a tester select, edit a text and nudge an emotion marker, as on a canvas.
 */
import { installFakeFigma } from '../tests/support/figma-fake';
import { renderNodeFragment } from '../tests/support/render-html';
import { FIGMA_THEMES } from '../tests/support/figma-themes';

const fake = installFakeFigma({ viewport: { x: 0, y: 0 } });
const figmaApi = fake.figma;
const iframe = document.getElementById('plugin') as HTMLIFrameElement;
const canvas = document.getElementById('canvas') as HTMLDivElement;
const status = document.getElementById('status') as HTMLSpanElement;
const editBox = document.getElementById('edit-text') as HTMLInputElement;
let selectedId: string | null = null;
let theme: 'light' | 'dark' = 'light';

/** Exposed for end-to-end tests and for poking around in the console. */
const harness = {
  fake,
  figma: figmaApi,
  messagesToPanel: [] as unknown[],
  messagesFromPanel: [] as unknown[],
  redraw,
  select,
  ready: false,
};
(window as unknown as { harness: typeof harness }).harness = harness;

function redraw(): void {
  const nodes = figmaApi.currentPage.children;
  canvas.innerHTML = nodes.map((n) => `<div class="top">${renderNodeFragment(n)}</div>`).join('') || '<p class="empty">The canvas is empty: create a map in the panel.</p>';
  if (selectedId) canvas.querySelector(`[data-node-id="${CSS.escape(selectedId)}"]`)?.classList.add('selected');
  const sel = selectedId ? canvas.querySelector(`[data-node-id="${CSS.escape(selectedId)}"]`) : null;
  status.textContent = sel ? `Selected: ${sel.getAttribute('data-type')} “${sel.getAttribute('data-name')}”${sel.getAttribute('data-role') ? ` (${sel.getAttribute('data-role')})` : ''}` : 'Click a node on the canvas to select it.';
}

/** Select a node as a designer would by clicking it; Figma then fires selectionchange. */
async function select(id: string | null): Promise<void> {
  selectedId = id;
  const node = id ? ((await figmaApi.getNodeByIdAsync(id)) as SceneNode | null) : null;
  figmaApi.currentPage.selection = node ? [node] : [];
  fake.fireSelectionChange();
  const text = node && node.type === 'TEXT' ? node.characters : '';
  editBox.value = text;
  redraw();
}

// Sandbox → panel: asynchronous, `{ pluginMessage }`, already a structured clone.
fake.onUiMessage((msg) => {
  harness.messagesToPanel.push(msg);
  setTimeout(() => {
    iframe.contentWindow?.postMessage({ pluginMessage: msg }, '*');
    redraw();
  }, 0);
});

// Panel → sandbox: only from the plugin iframe, only `{ pluginMessage }`.
window.addEventListener('message', (event) => {
  if (event.source !== iframe.contentWindow) return;
  const data = event.data as { pluginMessage?: unknown } | null;
  if (!data || typeof data !== 'object' || !('pluginMessage' in data)) return;
  harness.messagesFromPanel.push(data.pluginMessage);
  fake
    .sendToPlugin(data.pluginMessage)
    .catch((e) => console.error('sandbox error', e))
    .finally(redraw);
});

canvas.addEventListener('click', (event) => {
  const el = (event.target as HTMLElement).closest('[data-node-id]');
  void select(el ? el.getAttribute('data-node-id') : null);
});

document.getElementById('apply-text')!.addEventListener('click', async () => {
  const node = selectedId ? await figmaApi.getNodeByIdAsync(selectedId) : null;
  if (!node || node.type !== 'TEXT') return void (status.textContent = 'Select a text on the canvas first.');
  // As in Figma: the text's font must be loaded before its characters change.
  await figmaApi.loadFontAsync(node.fontName as FontName);
  node.characters = editBox.value;
  redraw();
});

for (const [id, dy] of [
  ['marker-up', -10],
  ['marker-down', 10],
] as const) {
  document.getElementById(id)!.addEventListener('click', async () => {
    const node = selectedId ? await figmaApi.getNodeByIdAsync(selectedId) : null;
    if (!node || node.getPluginData('role') !== 'emotion-marker') return void (status.textContent = 'Select an emotion marker first.');
    (node as EllipseNode).y += dy;
    redraw();
  });
}

function applyTheme(): void {
  const doc = iframe.contentDocument;
  if (!doc) return;
  doc.documentElement.className = theme === 'dark' ? 'figma-dark' : 'figma-light';
  let style = doc.getElementById('figma-style');
  if (!style) {
    style = doc.createElement('style');
    style.id = 'figma-style';
    doc.head.appendChild(style);
  }
  style.textContent = `:root{${Object.entries(FIGMA_THEMES[theme]).map(([k, v]) => `${k}:${v}`).join(';')}}`;
  document.body.dataset.theme = theme;
}
const zoom = document.getElementById('zoom') as HTMLInputElement;
zoom.addEventListener('input', () => canvas.style.setProperty('--zoom', zoom.value));

document.getElementById('theme')!.addEventListener('click', () => {
  theme = theme === 'light' ? 'dark' : 'light';
  applyTheme();
});

async function start(): Promise<void> {
  // The sandbox first, as in Figma: it must be listening before the panel says "ready".
  const code = await (await fetch('/dist/code.js')).text();
  (0, eval)(code);
  await fake.runCommand('open');
  const html = await (await fetch('/dist/ui.html')).text();
  iframe.addEventListener('load', () => {
    applyTheme();
    harness.ready = true;
  });
  // srcdoc: like Figma's iframe, the panel document has no origin to load anything from.
  iframe.srcdoc = html;
  redraw();
  // --watch: reload when dist/ changes.
  if ('EventSource' in window) {
    const events = new EventSource('/events');
    events.addEventListener('reload', () => location.reload());
  }
}

start().catch((e) => {
  status.textContent = `Could not start the plugin: ${e instanceof Error ? e.message : String(e)}`;
  console.error(e);
});
