// scratch: CPU work per frame at 100k (auto/glyphs), seeks; prints getState().frame
import { readFileSync } from 'node:fs';
import { chromium } from './node_modules/playwright-core/index.mjs';
import { CHROMIUM_ARGS, DIST, startServer } from './harness.mjs';
const file = process.env.SCALE || '/work/main/bench/out/scale.bkr';
const server = await startServer(DIST, new Map([['/bench/scale.bkr', readFileSync(file)]]));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, '--disable-gpu-vsync', '--disable-frame-rate-limit'] });
for (const detail of (process.env.DETAILS || 'auto').split(',')) {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.log('console:', m.text()); });
  const t0 = Date.now();
  await page.goto(`${server.url}?data=/bench/scale.bkr&speed=3600&play=1&loop=1&detail=${detail}${process.env.EXTRA || ''}`);
  await page.evaluate(async () => { await window.viewer.ready; });
  console.log(detail, 'ready after', Date.now() - t0, 'ms');
  await page.waitForTimeout(Number(process.env.WAIT || 6000));
  const s = await page.evaluate(() => window.viewer.getState());
  console.log(detail, JSON.stringify(s.frame), 'heap', s.heapUsedBytes, 'readings', s.readings);
  if (process.env.SEEK) {
    const r = await page.evaluate(() => { const s = window.viewer.getState(); window.viewer.pause(); const out = [];
      for (let i = 0; i < 200; i++) { const t = s.startMs + Math.random() * (s.endMs - s.startMs); const a = performance.now(); window.viewer.seek(t); out.push(performance.now() - a); }
      return out.slice(50).sort((a, b) => a - b); });
    console.log('seek p50', r[75].toFixed(2), 'p95', r[142].toFixed(2), 'max', r[149].toFixed(2));
  }
  await page.context().close();
}
await browser.close(); await server.close();
