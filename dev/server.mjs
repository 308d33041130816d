// `npm run dev`: the whole plugin in a browser, without Figma.
// Serves, on 127.0.0.1 only, a page that runs the BUILT dist/code.js against
// the in-memory Figma, shows the BUILT dist/ui.html in an iframe beside a live
// drawing of the canvas (page: dev/index.html, code: dev/host.ts). `--watch` rebuilds dist/ on change
// (node build.mjs --watch) and reloads the page.
import * as esbuild from 'esbuild';
import { createServer } from 'node:http';
import { existsSync, readFileSync, watch } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

async function bundleHost() {
  const out = await esbuild.build({
    entryPoints: [`${root}dev/host.ts`],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'warning',
  });
  return out.outputFiles[0].text;
}

/**
 * Start the harness; resolves with its URL and a close function.
 * `watchMode` reloads open pages when dist/ or dev/ changes; `rebuild` (default:
 * same as watchMode) also runs `build.mjs --watch` so src/ and ui/ edits reach dist/.
 */
export async function startDevServer({ port = 5173, watchMode = false, rebuild = watchMode } = {}) {
  if (!existsSync(`${root}dist/code.js`) || !existsSync(`${root}dist/ui.html`)) {
    throw new Error('dist/ is missing: run `npm run build` first (or `npm run dev -- --watch`)');
  }
  let hostJs = await bundleHost();
  const clients = new Set();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (type, body) => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (url.pathname === '/') return send('text/html; charset=utf-8', readFileSync(`${root}dev/index.html`));
    if (url.pathname === '/host.js') return send('text/javascript; charset=utf-8', hostJs);
    if (url.pathname === '/dist/code.js')
      return send('text/javascript; charset=utf-8', readFileSync(`${root}dist/code.js`));
    if (url.pathname === '/dist/ui.html') return send('text/html; charset=utf-8', readFileSync(`${root}dist/ui.html`));
    if (url.pathname === '/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    res.writeHead(404).end('not found');
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`;

  const stops = [];
  if (watchMode) {
    if (rebuild) {
      const builder = spawn(process.execPath, [`${root}build.mjs`, '--watch'], { stdio: 'inherit', cwd: root });
      stops.push(() => builder.kill());
    }
    let timer;
    const reload = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        hostJs = await bundleHost().catch(() => hostJs);
        for (const c of clients) c.write('event: reload\ndata: now\n\n');
      }, 200);
    };
    const w1 = watch(`${root}dist`, reload);
    const w2 = watch(`${root}dev`, reload);
    stops.push(
      () => w1.close(),
      () => w2.close(),
      () => clearTimeout(timer),
    );
  }
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        for (const stop of stops) stop();
        for (const c of clients) c.end();
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const watchMode = process.argv.includes('--watch');
  const { url, close } = await startDevServer({ port: Number(process.env.PORT) || 5173, watchMode });
  console.log(`Journey map dev harness: ${url}${watchMode ? ' (watching src/, ui/, dev/)' : ''}`);
  // Ctrl+C or kill: stop the `build.mjs --watch` child too, or it would outlive us.
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void close().then(() => process.exit(0)));
}
