import { launchBrowser, openPage, startServer, waitReady, DIST } from './harness.mjs';
const server = await startServer(DIST);
const browser = await launchBrowser();
const { page, problems } = await openPage(browser, server.url, { width: 1280, height: 800 });
await waitReady(page); page.on('crash', () => console.log('CRASH')); page.on('console', (m) => console.log('console:', m.text().slice(0, 300)));await page.evaluate((f) => { window.BENCH_FILE = f; }, process.argv[2]);
const r = await page.evaluate(async () => {
  const before = window.viewer.getState().heapUsedBytes;
  const t0 = performance.now();
  await window.viewer.load(window.BENCH_FILE);
  const loadMs = performance.now() - t0;
  const s = window.viewer.getState();
  window.viewer.setSpeed(3600); window.viewer.play();
  const frames = [];
  await new Promise((res) => { let last = performance.now(); const f = (t) => { frames.push(t - last); last = t; if (frames.length < 120) requestAnimationFrame(f); else res(); }; requestAnimationFrame(f); });
  frames.sort((a, b) => a - b);
  const seeks = [];
  for (let i = 0; i < 20; i++) { const t = s.startMs + Math.random() * (s.endMs - s.startMs); const a = performance.now(); window.viewer.seek(t); seeks.push(performance.now() - a); }
  return { loadMs, readings: s.readings, heap: s.heapUsedBytes - before, p50: frames[60], p95: frames[114], seekMax: Math.max(...seeks), seekMed: seeks.sort((a,b)=>a-b)[10] };
});
console.log(r, problems);
await page.screenshot({ path: '/tmp/scale.png' });
await browser.close(); await server.close();
