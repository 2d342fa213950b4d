// import.test.mjs — logs from other cities in the page: drag-and-drop and ?data= go through the same importer as the
// command line, the report panel shows what happened, a city without a map gets the neutral basemap, and a file
// that cannot be used leaves the replay that was there.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DIST, launchBrowser, openPage, startServer, waitFrames, waitReady } from './harness.mjs';
import { decodePng, distinctColors } from './png.mjs';

// A messy log made here: CP949 Korean headers, semicolons, CRLF, positions on each row, a categorical column,
// one unparsable time. Times are local (no offset).
const cp949Header = Buffer.from([
  0xC3, 0xF8, 0xC1, 0xA4, 0xBD, 0xC3, 0xB0, 0xA3, 0x3B,  // 측정시간;
  0xBD, 0xC3, 0xB8, 0xAE, 0xBE, 0xF3, 0x3B,              // 시리얼;
  0xC0, 0xA7, 0xB5, 0xB5, 0x3B,                          // 위도;
  0xB0, 0xE6, 0xB5, 0xB5, 0x3B,                          // 경도;
  0xC0, 0xFB, 0xC0, 0xE7, 0xB7, 0xAE, 0x3B,              // 적재량;
  0x73, 0x74, 0x61, 0x74, 0x75, 0x73, 0x0D, 0x0A,        // status\r\n
]);
function messyLog() {
  const sites = [['L-1', 38.7223, -9.1393], ['L-2', 38.7140, -9.1335], ['L-3', 38.7100, -9.1420]];
  const rows = [];
  for (let k = 0; k < 48; k++) {
    const hh = String(Math.floor(k / 2)).padStart(2, '0'), mm = k % 2 ? '30' : '00';
    for (const [i, [id, lat, lon]] of sites.entries()) {
      const fill = (k * 4 + i * 30) % 100;
      rows.push(`2026-03-29 ${hh}:${mm};${id};${lat};${lon};${fill};${fill < 50 ? 'GREEN' : fill < 80 ? 'YELLOW' : 'RED'}`);
    }
  }
  rows.splice(7, 0, 'soon;L-1;38.7223;-9.1393;10;GREEN');  // file line 9
  return Buffer.concat([cp949Header, Buffer.from(rows.join('\r\n') + '\r\n')]);
}
const LOG = messyLog();

// New York, local times (no offset) every six hours from January into July: across the spring change.
function newYorkLog() {
  const rows = ['time,id,lat,lon,fill'];
  const sites = [['NY-1', 40.7128, -74.0060], ['NY-2', 40.7306, -73.9866]];
  for (let t = Date.UTC(2026, 0, 5); t <= Date.UTC(2026, 6, 5); t += 6 * 3600000) {
    const wall = new Date(t).toISOString().slice(0, 16).replace('T', ' ');  // read as New York's wall clock
    for (const [i, [id, lat, lon]] of sites.entries()) rows.push(`${wall},${id},${lat},${lon},${(t / 3600000 + i * 17) % 100}`);
  }
  return Buffer.from(rows.join('\n') + '\n');
}

let server, browser;
before(async () => {
  const asset = (f) => readFileSync(new URL(`../../assets/bukchon/${f}`, import.meta.url));
  server = await startServer(DIST, new Map([
    ['/fixtures/lisbon.csv', LOG],
    ['/fixtures/new-york.csv', newYorkLog()],
    // A dataset folder as bukchon-import writes it for a city without a map: no map.geojson (a 404).
    ['/fixtures/city/sensors.geojson', asset('sensors.geojson')],
    ['/fixtures/city/recording.json', asset('recording.json')],
    ['/fixtures/truncated.json', Buffer.from('{\n  "sensors": "city/sensors.geojson",\n  "recording": ')],
    ['/fixtures/wrong.json', Buffer.from('{\n  "sensors": "city/sensors.geojson",\n  "recording": 5\n}\n')],
  ]));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// Drops files on the viewer the way a browser does: a DragEvent carrying a DataTransfer of Files.
const drop = (page, files) => page.evaluate(async (list) => {
  const dt = new DataTransfer();
  for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
  const target = document.querySelector('.bk-viewer');
  const loaded = new Promise((resolve) => {
    window.viewer.on('data', () => resolve('data'));
    window.viewer.on('error', () => resolve('error'));
  });
  target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  await loaded;
  return window.viewer.getState();
}, files.map((f) => ({ name: f.name, bytes: [...f.bytes] })));

describe('importing a city log', () => {
  let page, problems;
  before(async () => {
    ({ page, problems } = await openPage(browser, `${server.url}?tz=Europe/Lisbon`));
    await waitReady(page);
  });

  test('drag-and-drop: CP949 log with positions becomes a replay; the report panel says what was read', async () => {
    const s = await drop(page, [{ name: 'lisbon.csv', bytes: LOG }]);
    assert.equal(s.error, null);
    assert.equal(s.sensors, 3);
    assert.equal(s.basemap, 'graticule', 'no map file: the neutral basemap');
    // Lisbon's local midnight on the day DST starts (UTC+0 until 01:00 local, then +1).
    assert.equal(s.startMs, Date.parse('2026-03-29T00:00:00Z'));
    assert.equal(s.import.ok, true);
    assert.equal(s.import.inputs[0].encoding, 'CP949 (EUC-KR)');
    assert.equal(s.import.inputs[0].delimiter, 'semicolon');
    assert.deepEqual(s.import.levels.status, ['GREEN', 'YELLOW', 'RED']);
    const report = page.locator('.bk-report');
    assert.equal(await report.isVisible(), true);
    const text = await report.locator('pre').textContent();
    assert.match(text, /columns: time = "측정시간", id = "시리얼", lat = "위도", lon = "경도", value = "적재량", levels = "status"/);
    assert.match(text, /lisbon\.csv line 9, column "측정시간": "soon" — not a time/);
    assert.match(text, /time zone Europe\/Lisbon/);
    // The map draws: the sensors are in view and the canvas is not blank.
    await waitFrames(page, 5);
    const colours = distinctColors(decodePng(await page.locator('canvas').screenshot()));
    assert.ok(colours > 20, `the canvas shows more than a flat colour (${colours} colours)`);
    for (const id of ['L-1', 'L-2', 'L-3']) {
      const p = await page.evaluate((i) => window.viewer.screenPositionOf(i), id);
      assert.ok(p && p.x > 0 && p.x < 1280 && p.y > 0 && p.y < 720, `${id} is on screen`);
    }
    await page.locator('.bk-report header button').click();
    assert.equal(await report.isVisible(), false);
  });

  test('a map GeoJSON dropped on imported data replaces the neutral grid; the data stays', async () => {
    const before = await page.evaluate(() => window.viewer.getState());
    const map = JSON.stringify({ type: 'FeatureCollection', name: 'Baixa streets (test)', features: [
      { type: 'Feature', properties: { kind: 'road', name_en: 'Rua Augusta' },
        geometry: { type: 'LineString', coordinates: [[-9.1393, 38.7223], [-9.1335, 38.7140], [-9.1420, 38.7100]] } }] });
    const s = await drop(page, [{ name: 'streets.geojson', bytes: Buffer.from(map) }]);
    assert.equal(s.error, null);
    assert.equal(s.basemap, 'map');
    assert.equal(s.sensors, before.sensors);
    assert.equal(s.readings, before.readings);
    await waitFrames(page);
  });

  test('a file that cannot be used: the report says why, the banner shows it, the replay stays', async () => {
    const before = await page.evaluate(() => window.viewer.getState());
    const garbage = Buffer.alloc(4000);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256;
    const s = await drop(page, [{ name: 'photo.csv', bytes: garbage }]);
    assert.match(s.error, /^photo\.csv: nothing imported: /);
    assert.equal(s.sensors, before.sensors);
    assert.equal(s.readings, before.readings);
    assert.equal(s.import.ok, false);
    assert.equal(await page.locator('.bk-report').isVisible(), true);
    assert.match(await page.locator('.bk-report pre').textContent(), /photo\.csv: does not look like a text table/);
    assert.equal(await page.locator('.bk-error').isVisible(), true);
    await waitFrames(page);
  });

  test('an OpenStreetMap extract dropped on the page points to the converter, and the replay stays', async () => {
    const before = await page.evaluate(() => window.viewer.getState());
    const osm = Buffer.from(readFileSync(new URL('../../assets/bukchon/osm/bukchon.osm.pbf', import.meta.url)).subarray(0, 4096));
    const s = await drop(page, [{ name: 'bukchon.osm.pbf', bytes: osm }]);
    assert.match(s.error, /^bukchon\.osm\.pbf: nothing imported: /);
    assert.equal(s.readings, before.readings);
    assert.match(await page.locator('.bk-report pre').textContent(),
                 /bukchon\.osm\.pbf: is OpenStreetMap data, which the page does not read directly: convert it once with bukchon-map/);
    await waitFrames(page);
  });

  test('the page stayed clean', () => assert.deepEqual(problems, []));
});

test('?data= a CSV with tz= loads through the same importer at start', async () => {
  const { page, problems } = await openPage(browser, `${server.url}?data=/fixtures/lisbon.csv&tz=%2B01:00`);
  await waitReady(page);
  const s = await page.evaluate(() => window.viewer.getState());
  assert.equal(s.sensors, 3);
  assert.equal(s.startMs, Date.parse('2026-03-28T23:00:00Z'));
  assert.equal(s.utcOffsetMinutes, 60);
  assert.equal(await page.locator('.bk-report').isVisible(), true);
  assert.deepEqual(problems, []);
  await page.close();
});

test('?data= a CSV with tz=America/New_York: the clock follows daylight saving', async () => {
  const { page, problems } = await openPage(browser, `${server.url}?data=/fixtures/new-york.csv&tz=America/New_York`);
  await waitReady(page);
  let s = await page.evaluate(() => window.viewer.getState());
  assert.equal(s.error, null);
  assert.equal(s.sensors, 2);
  assert.equal(s.timeZone, 'America/New_York');
  assert.equal(s.startMs, Date.parse('2026-01-05T00:00:00-05:00'));
  assert.match(s.import.text, /time span: 2026-01-05T00:00:00-05:00 to 2026-07-05T00:00:00-04:00\n/);
  assert.match(s.import.text, /times in America\/New_York: UTC-05:00 \/ -04:00 \(daylight saving, 1 change\)/);
  // January at -05:00, June at -04:00, whether the seek is a time with an offset or epoch ms.
  s = await page.evaluate(() => window.viewer.seek('2026-01-20T12:00:00-05:00'));
  assert.equal(s.time, '2026-01-20T12:00:00-05:00');
  assert.equal(s.utcOffsetMinutes, -300);
  s = await page.evaluate(() => window.viewer.seek(Date.parse('2026-06-20T16:00:00Z')));
  assert.equal(s.time, '2026-06-20T12:00:00-04:00');
  assert.equal(s.utcOffsetMinutes, -240);
  assert.equal((await page.evaluate(() => window.viewer.getState())).time, '2026-06-20T12:00:00-04:00');
  await waitFrames(page);
  assert.deepEqual(problems, []);
  await page.close();
});

test('?data= a dataset folder without map.geojson opens on the neutral basemap', async () => {
  const { page, problems } = await openPage(browser, `${server.url}?data=/fixtures/city/`);
  await waitReady(page);
  const s = await page.evaluate(() => window.viewer.getState());
  assert.equal(s.error, null);
  assert.equal(s.sensors, 50);
  assert.equal(s.basemap, 'graticule');
  await waitFrames(page);
  assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
  await page.close();
});

test('a manifest that is not valid JSON, or names a file wrongly, is refused with its file and line; the data stays', async () => {
  const { page, problems } = await openPage(browser, server.url);
  await waitReady(page);
  const before = await page.evaluate(() => window.viewer.getState());
  for (const [file, message] of [['truncated.json', /^truncated\.json line 3\b.*JSON/i],
                                 ['wrong.json', /^wrong\.json line 3, recording: expected a string, got the number 5/]]) {
    const r = await page.evaluate(async (url) => {
      try { await window.viewer.load(url); return { ok: true }; } catch (e) { return { name: e.name, message: e.message }; }
    }, `/fixtures/${file}`);
    assert.notEqual(r.ok, true, file);
    assert.notEqual(r.name, 'SyntaxError', file);
    assert.match(r.message, message);
    const s = await page.evaluate(() => window.viewer.getState());
    assert.equal(s.error, r.message, 'the state says why');
    assert.equal(s.readings, before.readings, 'the data shown stays');
    assert.equal(await page.locator('.bk-error').isVisible(), true);
    assert.match(await page.locator('.bk-error').textContent(), new RegExp(file.replace('.', '\\.')));
  }
  // A good load clears it.
  await page.evaluate(() => window.viewer.load('/fixtures/city/'));
  assert.equal((await page.evaluate(() => window.viewer.getState())).error, null);
  await waitFrames(page);
  assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
  await page.close();
});
