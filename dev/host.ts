/**
 * The dev harness page: Figma's part, played in the browser.
 *  - installs the strict in-memory Figma as `figma`, runs the BUILT dist/code.js
 *    against it with `__html__` set to the BUILT dist/ui.html, and fires the
 *    `open` command, so the sandbox calls showUI;
 *  - shows the HTML the sandbox passed to showUI in an opaque-origin iframe
 *    sized as asked (showUI / figma.ui.resize), like Figma's plugin window;
 *  - bridges messages with Figma's shape and timing (dev/bridge.ts);
 *  - draws the canvas and redraws it after every change (dev/canvas.ts);
 *  - tester tools: edit the picked text, move an emotion marker, theme switch.
 * Everything is exposed as `window.harness` for the end-to-end tests.
 */
import { installFakeFigma } from '../tests/support/figma-fake';
import { EMOTION_AREA } from '../src/layout/map-spec';
import { scoreToY } from '../src/layout/emotion';
import { connect } from './bridge';
import { createCanvas } from './canvas';
import { checkGeometry } from './geometry';
import { themeMessage, withTheme, type ThemeName } from './theme';
import { roleOf } from '../src/figma/tags';
import { stickySlot, STICKY, EMOTION_AREA as BOARD_AREA } from '../src/figjam/geometry';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const iframe = $<HTMLIFrameElement>('plugin');
const panelNote = $<HTMLParagraphElement>('panel-note');
const status = $<HTMLSpanElement>('status');
const editBox = $<HTMLInputElement>('edit-text');
const toast = $<HTMLDivElement>('toast');
const themeButton = $<HTMLButtonElement>('theme');

/** `?editor=figjam` runs the plugin in FigJam (the fake's FigJam mode): the map is a workshop board. */
const editor = new URLSearchParams(location.search).get('editor') === 'figjam' ? 'figjam' : 'figma';
const fake = installFakeFigma({ viewport: { x: 0, y: 0 }, editorType: editor });
document.title = `Journey map · dev harness${editor === 'figjam' ? ' · FigJam' : ''}`;
const figma = fake.figma;
let theme: ThemeName = 'light';
let shownHtml: string | null = null;

// Keep the HTML the sandbox really passes to showUI: the iframe shows that, not a file we pick.
const fakeShowUI = figma.showUI.bind(figma);
(figma as { showUI: PluginAPI['showUI'] }).showUI = (html: string, options?: ShowUIOptions) => {
  shownHtml = html;
  fakeShowUI(html, options);
};

/** The editable text of a node: a text's characters, a sticky's or shape's text sublayer. */
const textOf = (node: SceneNode | null): { characters: string; fontName: FontName | symbol } | null =>
  !node
    ? null
    : node.type === 'TEXT'
      ? node
      : node.type === 'STICKY' || node.type === 'SHAPE_WITH_TEXT'
        ? node.text
        : null;

const canvas = createCanvas(fake, $('canvas'), (node) => {
  const text = textOf(node);
  editBox.disabled = !text;
  editBox.value = text ? text.characters : '';
  describe();
});
const bridge = connect(fake, iframe, () => poll());

function describe(): void {
  const sel = figma.currentPage.selection[0];
  const picked = canvas.picked();
  status.textContent = sel
    ? `Selected “${sel.name}”` +
      (picked && picked !== sel
        ? `; picked ${picked.type} “${picked.name}”${roleOf(picked) ? ` (${roleOf(picked)})` : ''}`
        : '')
    : 'Click a node on the canvas: its map is selected, the node itself is picked for the tools.';
}

function flash(text: string, error = false): void {
  toast.textContent = text;
  toast.className = error ? 'error' : '';
  toast.hidden = false;
  clearTimeout((flash as { timer?: number }).timer);
  (flash as { timer?: number }).timer = window.setTimeout(() => (toast.hidden = true), 4000);
}

/**
 * Redraw whenever the in-memory document changed, whoever changed it (the
 * sandbox, a tool, a test through `harness.figma`): cheap counters, polled.
 */
let seen = '';
let notified = 0;
let errorsShown = 0;
function poll(): void {
  const s = fake.stats();
  const sig = [
    s.writes,
    s.created,
    figma.currentPage.children.length,
    figma.currentPage.selection.map((n) => n.id).join(','),
  ].join('|');
  if (sig !== seen) {
    seen = sig;
    canvas.redraw();
    describe();
  }
  // figma.notify and sandbox errors appear as Figma's toast would.
  if (fake.notifications.length > notified) {
    const n = fake.notifications[fake.notifications.length - 1];
    notified = fake.notifications.length;
    flash(n.shown, !!n.options?.error);
  }
  if (bridge.sandboxErrors.length > errorsShown) {
    errorsShown = bridge.sandboxErrors.length;
    flash(`Sandbox error: ${bridge.sandboxErrors[errorsShown - 1]}`, true);
  }
  // figma.ui.resize / figma.closePlugin
  const o = fake.uiOptions;
  if (o?.width) iframe.style.width = `${o.width}px`;
  if (o?.height) iframe.style.height = `${o.height}px`;
  if (fake.closed && !iframe.hidden) {
    iframe.hidden = true;
    panelNote.hidden = false;
    panelNote.textContent = 'The plugin closed itself (figma.closePlugin). Reload the page to run it again.';
  }
}
setInterval(poll, 100);

$('apply-text').addEventListener('click', async () => {
  const node = textOf(canvas.picked());
  if (!node) return flash('Pick a text, sticky or shape on the canvas first.', true);
  try {
    // As in Figma: every font of the text must be loaded before its characters change.
    if (node.fontName === figma.mixed)
      throw new Error('this text mixes fonts; the harness only edits single-font texts');
    await figma.loadFontAsync(node.fontName as FontName);
    node.characters = editBox.value;
    poll();
  } catch (e) {
    flash(`Could not edit the text: ${e instanceof Error ? e.message : String(e)}`, true);
  }
});

// One press moves a marker by one whole point of the emotion scale.
const AREA = editor === 'figjam' ? BOARD_AREA : EMOTION_AREA;
const POINT = scoreToY(1, AREA) - scoreToY(2, AREA);
for (const [id, dy] of [
  ['marker-up', -POINT],
  ['marker-down', POINT],
] as const) {
  $(id).addEventListener('click', () => {
    const node = canvas.picked();
    if (!node || roleOf(node) !== 'emotion-marker') return flash('Pick an emotion marker on the canvas first.', true);
    canvas.moveY(node, dy);
  });
}

/**
 * FigJam: a participant's sticky, with the text in the box, put into the picked cards cell at its
 * first free place (two per row, as the board lays them out).
 */
const addSticky = $<HTMLButtonElement>('add-sticky');
addSticky.hidden = editor !== 'figjam';
async function stickyInto(cell: SceneNode, text: string): Promise<StickyNode> {
  const section = cell.parent as SectionNode;
  const sticky = figma.createSticky();
  await figma.loadFontAsync(sticky.text.fontName as FontName);
  sticky.text.characters = text;
  const taken = section.children.filter((n) => n.type === 'STICKY' && n !== sticky);
  const rect = { x: cell.x, y: cell.y, width: cell.width, height: cell.height };
  let i = 0;
  for (; ; i++) {
    const at = stickySlot(rect, i);
    if (!taken.some((s) => Math.abs(s.x - at.x) < STICKY / 2 && Math.abs(s.y - at.y) < STICKY / 2)) break;
  }
  section.appendChild(sticky);
  const at = stickySlot(rect, i);
  sticky.x = at.x;
  sticky.y = at.y;
  return sticky;
}
addSticky.addEventListener('click', async () => {
  const cell = canvas.picked();
  if (!cell || roleOf(cell) !== 'cell') return flash('Pick an empty part of a cards cell on the board first.', true);
  await stickyInto(cell, editBox.value || 'New sticky');
  poll();
});

function setTheme(next: ThemeName): void {
  theme = next;
  iframe.contentWindow?.postMessage(themeMessage(theme), '*');
  document.body.dataset.theme = theme;
  themeButton.setAttribute('aria-pressed', String(theme === 'dark'));
}
themeButton.addEventListener('click', () => setTheme(theme === 'light' ? 'dark' : 'light'));

/** The drawn maps' geometry, as the browser computed it (see dev/geometry.ts). */
const checkLayout = () => checkGeometry(Array.from(document.querySelectorAll<HTMLElement>('#canvas .top')));
$('check-layout').addEventListener('click', () => {
  const { problems, counts } = checkLayout();
  if (problems.length) console.warn('layout problems', problems);
  flash(
    problems.length
      ? `${problems.length} layout problem${problems.length === 1 ? '' : 's'} (see the console); first: ${problems[0]}`
      : `Layout OK: ${counts.maps} map(s), ${counts.texts} texts, ${counts.cards} cards, ${counts.markers} markers`,
    problems.length > 0,
  );
});

const zoom = $<HTMLInputElement>('zoom');
zoom.addEventListener('input', () => $('canvas').style.setProperty('--zoom', zoom.value));

/** Exposed for end-to-end tests and for poking around in the console. */
const harness = {
  fake,
  figma,
  bridge,
  canvas,
  setTheme,
  checkLayout,
  markerPoint: POINT,
  editor,
  stickyInto,
  /** Redraw now (the poll would within 100 ms). */
  redraw: () => poll(),
  ready: false,
  startError: null as string | null,
};
(window as unknown as { harness: typeof harness }).harness = harness;

async function start(): Promise<void> {
  const [code, html] = await Promise.all(['/dist/code.js', '/dist/ui.html'].map(async (p) => (await fetch(p)).text()));
  (globalThis as { __html__?: string }).__html__ = html;
  // The sandbox first, as in Figma: it must be listening before the panel says "ready".
  (0, eval)(code);
  await fake.runCommand('open');
  if (shownHtml === null || !fake.uiVisible) throw new Error('the `open` command did not call figma.showUI');
  iframe.addEventListener('load', () => {
    bridge.panelLoaded();
    harness.ready = true;
  });
  // srcdoc + sandbox without allow-same-origin: the panel gets a null origin, as in Figma.
  iframe.srcdoc = fake.uiOptions?.themeColors ? withTheme(shownHtml, theme) : shownHtml;
  iframe.hidden = false;
  panelNote.hidden = true;
  poll();
  // --watch: reload when dist/ or dev/ changes.
  new EventSource('/events').addEventListener('reload', () => location.reload());
}

start().catch((e: unknown) => {
  const text = e instanceof Error ? e.message : String(e);
  harness.startError = text;
  panelNote.textContent = `Could not start the plugin: ${text}`;
  console.error(e);
});
