// harness.mjs — shared e2e setup: a static server for dist/ (+ test fixtures), Debian's Chromium, console capture.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const DIST = resolve(process.env.DIST_DIR || new URL('../../dist', import.meta.url).pathname);

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.geojson': 'application/geo+json', '.ttf': 'font/ttf',
  '.png': 'image/png',
};

// Serves `root` on 127.0.0.1 (random port). `extra` maps URL paths to bodies, for fixtures the tests make.
// `{gzip: true}`: bodies are sent gzip-compressed (level 6, Content-Encoding: gzip) to a request that accepts it, as
// a static host sends them; each file is compressed once. `log` (an array) collects {path, status, bytes} per
// response, bytes as sent.
export async function startServer(root = DIST, extra = new Map(), headers = {}, { gzip = false, log = null } = {}) {
  const compressed = new Map();  // path → gzipped body
  const send = (req, res, path, status, type, body) => {
    const zip = gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '');
    if (zip && !compressed.has(path)) compressed.set(path, gzipSync(body, { level: 6 }));
    const out = zip ? compressed.get(path) : body;
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': out.length, ...(zip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}) });
    res.end(out);
    log?.push({ path, status, bytes: out.length });
  };
  const server = createServer(async (req, res) => {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (extra.has(path)) {
      send(req, res, path, 200, TYPES[extname(path)] || 'application/octet-stream', Buffer.from(extra.get(path)));
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
    try {
      await stat(file);
      const body = await readFile(file);
      send(req, res, path, 200, TYPES[extname(file)] || 'application/octet-stream', body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,  // Playwright gives every launch a fresh temporary profile
  });
}

// Opens a page and records console errors and uncaught exceptions, so tests can assert there were none.
export async function openPage(browser, url, { width = 1280, height = 720, deviceScaleFactor = 1 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url);
  return { page, context, problems };
}

export async function waitReady(page) {
  return page.evaluate(async () => { await window.viewer.ready; return window.viewer.getState(); });
}

// Waits until the page has drawn `n` more frames (so a screenshot shows the current state).
export async function waitFrames(page, n = 3) {
  const start = await page.evaluate(() => window.viewer.getState().frames);
  await page.waitForFunction((target) => window.viewer.getState().frames >= target, start + n, { polling: 50 });
}

// A test file's server for dist/ and its browser, started before its tests and closed after them (node:test hooks):
// `const env = serverAndBrowser();` then `env.server.url`, `env.browser`.
export function serverAndBrowser() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

// A context with the network gone, as on a USB stick at a venue: only file: URLs load; everything else asked for is
// aborted and listed in `requests` (a test asserts there were none beyond file:, blob: and data:).
export async function offlineContext(browser, viewport = { width: 1280, height: 720 }) {
  const context = await browser.newContext({ viewport, offline: true });
  const requests = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  return { context, requests };
}
