import { chromium } from 'playwright-core';
import { startServer, DIST, CHROMIUM_ARGS } from './harness.mjs';
const server = await startServer(DIST);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, '--enable-logging=stderr', '--v=0'], stderr: 'pipe' });
const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
page.on('crash', () => console.log('CRASH'));
page.on('console', (m) => console.log('console:', m.text().slice(0, 200)));
browser.on('disconnected', () => console.log('DISCONNECTED'));
await page.goto(server.url);
await page.evaluate(async () => { await window.viewer.ready; });
console.log('ready');
try {
  const r = await page.evaluate(async (f) => { const t0 = performance.now(); await window.viewer.load(f); return performance.now() - t0; }, process.argv[2]);
  console.log('loaded', r);
  for (let i = 0; i < 5; i++) { const n = await page.evaluate(() => new Promise((res) => requestAnimationFrame(() => res(window.viewer.getState().timeMs)))); console.log('frame', i, n); }
} catch (e) { console.log('ERR', e.message.slice(0, 300)); }
await browser.close(); await server.close();
