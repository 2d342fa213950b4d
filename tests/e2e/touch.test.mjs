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

// The camera eases (the opening flight, a pinch's end): read it once it has come to rest.
async function restingView() {
  for (let last = null; ;) {
    await waitFrames(page, 2);
    const v = await view();
    if (last && Math.abs(v.zoom - last.zoom) < 1e-4 && Math.abs(v.lon - last.lon) < 1e-9) return v;
    last = v;
  }
}

test('two fingers zoom about their midpoint: spread apart, in; pinched together, out', async () => {
  const v0 = await restingView();
  // Fingers 100 px → 150 px apart: 1.5 times the scale, log2(1.5) ≈ 0.58 zoom levels, then back together: where it
  // began (the tablet's start is a level and a half from the closest zoom the map allows).
  const pinch = async (from, to) => {
    await touch('touchStart', [[384 - from / 2, 500], [384 + from / 2, 500]]);
    for (let k = 1; k <= 8; k++) {
      const d = from + (to - from) * k / 8;
      await touch('touchMove', [[384 - d / 2, 500], [384 + d / 2, 500]]);
    }
    await touch('touchEnd', []);
    return restingView();
  };
  const v1 = await pinch(100, 150);
  assert.ok(Math.abs(v1.zoom - v0.zoom - Math.log2(1.5)) < 0.02, `zoom ${v0.zoom.toFixed(3)} → ${v1.zoom.toFixed(3)}`);
  const v2 = await pinch(150, 100);
  assert.ok(Math.abs(v2.zoom - v0.zoom) < 0.02, `zoom ${v1.zoom.toFixed(3)} → ${v2.zoom.toFixed(3)} (from ${v0.zoom.toFixed(3)})`);
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

test('a phone gets the compact layout: no panel over another, a tapped sensor\'s card in the KPI band\'s place', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true });
  const phone = await context.newPage();
  await phone.goto(server.url);
  await waitReady(phone);
  await waitFrames(phone, 2);
  const { panels } = await phone.evaluate(() => window.viewer.getState());
  const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  const shown = ['header', 'legend', 'kpis', 'timeline'];
  for (const name of shown) {
    const r = panels[name];
    assert.ok(r.w > 0 && r.x >= 0 && r.x + r.w <= 390.5 && r.y + r.h <= 844.5, `${name} on screen: ${JSON.stringify(r)}`);
    for (const other of shown) if (other !== name) assert.ok(!overlaps(r, panels[other]), `${name} overlaps ${other}`);
  }
  assert.equal(panels.events.w, 0, 'no event feed on a phone');
  assert.equal(panels.sensor.y + panels.sensor.h, panels.kpis.y + panels.kpis.h, 'the card sits where the KPI band is');
  const p = await phone.evaluate(() => window.viewer.screenPositionOf('BIN-03'));
  assert.ok(p.y > panels.legend.y + panels.legend.h && p.y < panels.kpis.y, 'the sensor is on the visible map');
  await phone.touchscreen.tap(p.x, p.y);
  await waitFrames(phone, 3);
  assert.equal(await phone.evaluate(() => window.viewer.getState().selected), 'BIN-03');
  await context.close();
});
