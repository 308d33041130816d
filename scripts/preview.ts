/**
 * See what the plugin draws, without Figma:
 *
 *   npm run preview -- examples/<name>.json [--out <file>.png] [--html] [--scale 2] [--dark]
 *   npm run preview -- --all [--html]       every examples/*.json → out/preview/<name>.png
 *
 * --figjam runs the plugin in FigJam (the fake's FigJam mode) and renders the workshop board it draws.
 * --dark draws the map in its theme's dark colours (paletteFor(theme, 'dark'), sent as the create
 * message's `scheme`) on Figma's dark canvas grey. In Figma a dark map is the "Dark" mode of the
 * map's variables; this is how to see those colours without Figma.
 *
 * Runs the real built sandbox (dist/code.js, so build first) against the
 * in-memory Figma fake, sends it the `create` message the panel would send,
 * then renders the frame it created to HTML and screenshots it with headless
 * Chromium. What you see is what the bundle built, node by node.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { DEFAULT_FONTS, installFakeFigma } from '../tests/support/figma-fake';
import { renderNodeToHtml } from '../tests/support/render-html';
import { launchBrowser, screenshotHtml, CHROMIUM_PATH } from '../tests/support/browser';
import { describeIssues, parseMapJson } from '../src/model';

const BUNDLE = 'dist/code.js';
const PREVIEW_FONTS = [
  ...DEFAULT_FONTS,
  ...['DejaVu Serif', 'Liberation Serif'].flatMap((family) =>
    ['Regular', 'Bold', 'Italic', 'Bold Italic'].map((style) => ({ family, style })),
  ),
];
const REPLY_TIMEOUT_MS = 30_000;

/** An expected failure: printed as one clear message, without a stack trace. */
export class PreviewError extends Error {}

interface Args {
  inputs: string[];
  out?: string;
  html: boolean;
  scale: number;
  dark: boolean;
  figjam: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { inputs: [], html: false, scale: 1, dark: false, figjam: false };
  let all = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--all') all = true;
    else if (a === '--html') args.html = true;
    else if (a === '--dark') args.dark = true;
    else if (a === '--figjam') args.figjam = true;
    else if (a === '--out') args.out = argv[++i];
    else if (a === '--scale') args.scale = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log(usage());
      process.exit(0);
    } else if (a.startsWith('--')) throw new PreviewError(`unknown option ${a}\n${usage()}`);
    else args.inputs.push(a);
  }
  if (!(args.scale > 0 && args.scale <= 4)) throw new PreviewError('--scale must be a number between 0 and 4');
  if (all) {
    if (!existsSync('examples'))
      throw new PreviewError('--all: no examples/ folder here (run from the repository root)');
    args.inputs.push(
      ...readdirSync('examples')
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => join('examples', f)),
    );
  }
  if (args.inputs.length === 0) throw new PreviewError(usage());
  if (args.out && args.inputs.length > 1) throw new PreviewError('--out needs exactly one input map');
  return args;
}

function usage(): string {
  return 'usage: npm run preview -- examples/<name>.json [--out <file>.png] [--html] [--scale 2] [--dark] [--figjam]\n       npm run preview -- --all [--html] [--dark]';
}

function loadMap(path: string): unknown {
  if (!existsSync(path)) throw new PreviewError(`${path}: no such file`);
  const text = readFileSync(path, 'utf8');
  // Validate here too, so a bad map is reported with its located issues before anything runs.
  const result = parseMapJson(text);
  if (!result.ok) throw new PreviewError(`${path} is not a valid journey map:\n${describeIssues(result.issues, 20)}`);
  return JSON.parse(text) as unknown;
}

export function loadBundle(): string {
  if (!existsSync(BUNDLE)) throw new PreviewError(`${BUNDLE} is missing: run npm run build first`);
  return readFileSync(BUNDLE, 'utf8');
}

type Reply = { type: string; nodeId?: string; message?: string; issues?: Array<{ path: string; message: string }> };

/** Runs the bundle against a fresh fake canvas and returns the frame it created for `map`. */
export async function createWithSandbox(
  bundle: string,
  map: unknown,
  source: string,
  scheme?: 'light' | 'dark',
  editor: 'figma' | 'figjam' = 'figma',
): Promise<SceneNode> {
  // Inter, plus two families Chromium can draw here, so a map's `theme.font` can be previewed.
  const fake = installFakeFigma({ fonts: PREVIEW_FONTS, editorType: editor });
  // The bundle is an IIFE that reads the globals `figma` and `__html__`; hand them in explicitly.
  new Function('figma', '__html__', bundle)(fake.figma, '<html></html>');
  await fake.runCommand('open');
  const before = fake.uiMessages.length;
  await fake.sendToPlugin({ type: 'create', requestId: 'preview', map, ...(scheme ? { scheme } : {}) });
  const reply = await waitForReply(fake.uiMessages as unknown[], before);
  if (reply.type === 'error') {
    const issues = reply.issues?.length ? `\n${describeIssues(reply.issues, 20)}` : '';
    throw new PreviewError(`${source}: the sandbox answered an error: ${reply.message}${issues}`);
  }
  const node = await fake.figma.getNodeByIdAsync(reply.nodeId!);
  if (!node || !('type' in node) || node.type === 'DOCUMENT' || node.type === 'PAGE')
    throw new PreviewError(`${source}: the sandbox said it created ${reply.nodeId}, but no such node is on the canvas`);
  return node as SceneNode;
}

/** The first `created` or `error` message posted after index `from`. */
async function waitForReply(messages: unknown[], from: number): Promise<Reply> {
  const deadline = Date.now() + REPLY_TIMEOUT_MS;
  for (;;) {
    const hit = messages
      .slice(from)
      .find((m): m is Reply => typeof m === 'object' && m !== null && ['created', 'error'].includes((m as Reply).type));
    if (hit) return hit;
    if (Date.now() > deadline)
      throw new PreviewError(
        `no reply from the sandbox within ${REPLY_TIMEOUT_MS / 1000}s (messages: ${JSON.stringify(messages.slice(from)).slice(0, 300)})`,
      );
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function previewOne(input: string, out: string, args: Args, bundle: string, browser: Browser): Promise<void> {
  const map = loadMap(input);
  const frame = await createWithSandbox(
    bundle,
    map,
    input,
    args.dark ? 'dark' : undefined,
    args.figjam ? 'figjam' : 'figma',
  );
  // Dark: on Figma's dark canvas grey, as a designer would see it.
  const html = renderNodeToHtml(frame, { padding: 24, ...(args.dark ? { background: '#1E1E1E' } : {}) });
  mkdirSync(dirname(out), { recursive: true });
  const htmlOut = out.replace(/\.png$/i, '') + '.html';
  if (args.html) writeFileSync(htmlOut, html);
  await screenshotHtml(html, out, { browser, deviceScaleFactor: args.scale });
  console.log(`${input} → ${out}${args.html ? ` and ${htmlOut}` : ''}`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const bundle = loadBundle();
  const browser = await launchBrowser();
  if (!browser) throw new PreviewError(`no Chromium at ${CHROMIUM_PATH} (install: apt-get install -y chromium)`);
  let failed = 0;
  try {
    for (const input of args.inputs) {
      const out = args.out ?? join('out', 'preview', `${basename(input, '.json')}.png`);
      try {
        await previewOne(input, out, args, bundle, browser);
      } catch (e) {
        // With --all, one broken example should not hide the others.
        if (!(e instanceof PreviewError) || args.inputs.length === 1) throw e;
        console.error(e.message);
        failed++;
      }
    }
  } finally {
    await browser.close();
  }
  if (failed) throw new PreviewError(`${failed} of ${args.inputs.length} maps failed`);
}

// Run only as a script, so tests can import createWithSandbox.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof PreviewError ? e.message : e);
    process.exitCode = 1;
  });
}
