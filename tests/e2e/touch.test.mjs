// touch.test.mjs — touch kiosks and tablets: a two-finger pinch zooms, a one-finger drag pans, a tap selects.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer, waitFrames, waitReady } from './harness.mjs';

let server, browser, page, cdp;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
  page = await context.newPage();
  await page.goto(server.url);
  await waitReady(page);
  cdp = await context.newCDPSession(page);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', {
  type, touchPoints: points.map(([x, y], id) => ({ x, y, id, radiusX: 2, radiusY: 2, force: 1 })),
});
const view = () => page.evaluate(() => window.viewer.getState().view);

test('spreading two fingers zooms in about their midpoint', async () => {
  await waitFrames(page);
  const v0 = await view();
  await touch('touchStart', [[334, 500], [434, 500]]);
  for (let k = 1; k <= 8; k++) await touch('touchMove', [[334 - k * 12.5, 500], [434 + k * 12.5, 500]]);
  await touch('touchEnd', []);
  await waitFrames(page, 3);
  const v1 = await view();
  // Fingers 100 px → 300 px apart: three times the scale, log2(3) ≈ 1.58 zoom levels.
  assert.ok(Math.abs(v1.zoom - v0.zoom - Math.log2(3)) < 0.1, `zoom ${v0.zoom.toFixed(2)} → ${v1.zoom.toFixed(2)}`);
});

test('one finger drags the map', async () => {
  const v0 = await view();
  await touch('touchStart', [[384, 600]]);
  for (let k = 1; k <= 6; k++) await touch('touchMove', [[384 - k * 20, 600]]);
  await touch('touchEnd', []);
  await waitFrames(page, 3);
  const v1 = await view();
  assert.ok(v1.lon > v0.lon, `dragging left moves the view east (${v0.lon} → ${v1.lon})`);
  assert.ok(Math.abs(v1.zoom - v0.zoom) < 1e-9, 'without zooming');
});

test('a tap on a sensor selects it', async () => {
  await page.evaluate(() => window.viewer.resetView());
  await waitFrames(page, 2);
  const p = await page.evaluate(() => window.viewer.screenPositionOf('PARK-01'));
  await page.touchscreen.tap(p.x, p.y);
  await waitFrames(page, 3);
  assert.equal(await page.evaluate(() => window.viewer.getState().selected), 'PARK-01');
});
