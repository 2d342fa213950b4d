// errors.test.mjs — bad input and failed downloads: a clear message on the page, and the viewer keeps what it had;
// JSON datasets go through the tools module's "json" converter (the viewer reads only .bkr/.bkm), good or bad.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, launchBrowser, openPage, startServer, waitFrames, waitReady } from './harness.mjs';

const sensors = readFileSync(join(DIST, 'assets/bukchon/sensors.geojson'));
const goodRecording = (values) => JSON.stringify({
  format: 'bukchon-recording', version: 1, simulated: false, source: 'e2e fixture',
  series: [{ sensor: 'BIN-01', metric: 'fill', start: '2026-06-01T00:00:00+09:00', step_s: 3600, values }],
}, null, 1);

// Fixtures the tests make themselves; served next to the site.
const fixtures = new Map([
  ['/fixtures/sensors.geojson', sensors],
  ['/fixtures/good.json', goodRecording([10, 20, 30, 40])],
  ['/fixtures/bad-value.json', goodRecording([10, 20, 30, 40]).replace('30', '"thirty"')],
  ['/fixtures/truncated.json', goodRecording([10, 20]).slice(0, 120)],
  ['/fixtures/unknown-sensor.json', goodRecording([1]).replace('BIN-01', 'BIN-404')],
]);

let server, browser;
before(async () => {
  server = await startServer(DIST, fixtures);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe('bad data keeps the good data on screen', () => {
  let page, problems;
  before(async () => {
    ({ page, problems } = await openPage(browser, server.url));
    await waitReady(page);
  });

  const loadBad = (file) => page.evaluate(async (f) => {
    try {
      await window.viewer.load({ sensors: '/fixtures/sensors.geojson', recording: `/fixtures/${f}` });
      return { message: null };
    } catch (e) {
      return { message: e.message, state: window.viewer.getState() };
    }
  }, file);

  test('the week as JSON (map.geojson, sensors.geojson, recording.json) is converted by the tools module and committed', async () => {
    const { s, shown } = await page.evaluate(async () => {
      const shown = [];   // what the progress card said on the way
      const card = document.querySelector('.bk-loading .bk-msg');
      const watch = new MutationObserver(() => shown.push(card.textContent));
      watch.observe(card, { childList: true, characterData: true, subtree: true });
      const s = await window.viewer.load({ map: '/assets/bukchon/map.geojson', sensors: '/assets/bukchon/sensors.geojson',
                                           recording: '/assets/bukchon/recording.json' });
      watch.disconnect();
      return { s, shown };
    });
    assert.ok(shown.some((t) => /^Reading map\.geojson, sensors\.geojson, recording\.json… \d+ %$/.test(t)), shown.join(' | '));
    assert.equal(s.error, null);
    assert.equal(s.sensors, 50);
    assert.ok(s.readings > 200000);
    assert.equal(s.basemap, 'map');
    assert.ok(s.map.streets > 100, JSON.stringify(s.map));
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    assert.ok(fetched.some((u) => /bukchon-tools\.wasm$/.test(u)), 'the tools module read the JSON');
  });

  test('a non-numeric value names file, line and field; the week stays loaded; the page shows it', async () => {
    const r = await loadBad('bad-value.json');
    assert.match(r.message, /^bad-value\.json line \d+, series\[0\]\.values\[2\]: expected a number or null, got the string "thirty"$/);
    assert.equal(r.state.sensors, 50);
    assert.ok(r.state.readings > 200000, 'the shipped week is still loaded');
    assert.equal(r.state.error, r.message);
    const banner = page.locator('.bk-error');
    assert.equal(await banner.isVisible(), true);
    assert.match(await banner.locator('.bk-text').textContent(), /series\[0\]\.values\[2\]/);
    await waitFrames(page);  // still drawing
  });

  test('a truncated file and an unknown sensor id are explained', async () => {
    const truncated = await loadBad('truncated.json');
    assert.match(truncated.message, /^truncated\.json line \d+: invalid JSON/);
    const unknown = await loadBad('unknown-sensor.json');
    assert.match(unknown.message, /unknown sensor id "BIN-404"/);
    assert.equal(unknown.state.sensors, 50);
  });

  test('a good file replaces the data and clears the error', async () => {
    const s = await page.evaluate(() => window.viewer.load({ sensors: '/fixtures/sensors.geojson', recording: '/fixtures/good.json' }));
    assert.equal(s.error, null);
    assert.equal(s.readings, 4);
    assert.equal(s.simulated, false);
    assert.equal(s.startMs, Date.parse('2026-06-01T00:00:00+09:00'));
  });

  test('dropping files on the viewer loads them through the same checks', async () => {
    const drop = (files) => page.evaluate(async (list) => {
      const dt = new DataTransfer();
      for (const [name, text] of list) dt.items.add(new File([text], name, { type: 'application/json' }));
      document.getElementById('viewer').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      await new Promise((ok) => setTimeout(ok, 500));
      return window.viewer.getState();
    }, files);
    const sensorsText = await (await fetch(`${server.url}fixtures/sensors.geojson`)).text();
    const badText = await (await fetch(`${server.url}fixtures/bad-value.json`)).text();
    const goodText = await (await fetch(`${server.url}fixtures/good.json`)).text();
    let s = await drop([['my-sensors.geojson', sensorsText], ['week.json', badText]]);
    assert.match(s.error, /^week\.json line \d+, series\[0\]\.values\[2\]/);
    assert.equal(await page.locator('.bk-error').isVisible(), true);
    s = await drop([['sites.geojson', sensorsText], ['log.json', goodText]]);  // classified by content
    assert.equal(s.error, null);
    assert.equal(s.readings, 4);
  });

  test('errors were shown on the page, not thrown into the console', () => {
    assert.deepEqual(problems, []);
  });
});

describe('a JSON dataset at start', () => {
  test('?data= a folder of JSON files: the tools module converts them, the week shows on its map', async () => {
    const { page, problems } = await openPage(browser, `${server.url}?data=/assets/bukchon/`);
    const s = await waitReady(page);
    assert.equal(s.error, null);
    assert.equal(s.sensors, 50);
    assert.equal(s.basemap, 'map');
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    assert.ok(fetched.some((u) => /recording\.json$/.test(u)) && fetched.some((u) => /bukchon-tools\.wasm$/.test(u)));
    await waitFrames(page);
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});

describe('a failed download', () => {
  test('says which file and why, and offers a retry', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.route('**/recording.bkr', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(server.url);
    const message = await page.evaluate(() => window.viewer.ready.then(() => 'resolved', (e) => e.message));
    assert.match(message, /recording\.bkr: HTTP 404/);
    const card = page.locator('.bk-loading .bk-msg');
    assert.match(await card.textContent(), /Could not start: could not download .*recording\.bkr: HTTP 404/);
    assert.equal(await page.locator('.bk-loading button').isVisible(), true);
    await context.close();
  });
});

describe('HiDPI', () => {
  test('the canvas backing store follows devicePixelRatio and window size', async () => {
    const { page } = await openPage(browser, server.url, { width: 768, height: 1024, deviceScaleFactor: 2 });
    await waitReady(page);
    await waitFrames(page);
    const size = await page.evaluate(() => {
      const c = document.querySelector('#viewer canvas');
      return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight };
    });
    assert.deepEqual(size, { w: 1536, h: 2048, cw: 768, ch: 1024 });
    await page.setViewportSize({ width: 1024, height: 600 });
    await waitFrames(page, 3);
    const resized = await page.evaluate(() => ({ w: document.querySelector('#viewer canvas').width, h: document.querySelector('#viewer canvas').height }));
    assert.deepEqual(resized, { w: 2048, h: 1200 });
    await page.context().close();
  });
});
