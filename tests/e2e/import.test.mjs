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

// Seoul's hourly environment-sensor export, as a city would try it: CP949, a date column and an hour column
// (1–24: 24 is the next day's 00:00), one column per metric with qualifiers and units, a model column that never
// changes, and the poles' positions in a separate site list. Header (CP949):
// 측정일자,측정시간,시리얼,초미세먼지(PM2.5) (㎍/㎥),미세먼지(PM10) (㎍/㎥),소음 (dB),기온 (℃),습도 (%),모델
const poleHeader = Buffer.from('c3f8c1a4c0cfc0da2cc3f8c1a4bdc3b0a32cbdc3b8aebef32cc3cab9ccbcbcb8d5c1f628504d322e35292028a7b6' +
  '2fa7a9292cb9ccbcbcb8d5c1f628504d3130292028a7b62fa7a9292cbcd2c0bd20286442292cb1e2bfc22028a1c9292cbdc0b5b5202825292cb8f0b5a80d0a', 'hex');
const POLES = Array.from({ length: 12 }, (_, i) => [`SDOT-${String(i + 1).padStart(2, '0')}`, 37.5500 + 0.002 * (i % 4),
  126.9100 + 0.003 * Math.floor(i / 4)]);
function poleLog() {
  const rows = [];
  for (let h = 1; h <= 24; h++)
    for (const [i, [id]] of POLES.entries()) {
      if (id === 'SDOT-03' && h >= 5 && h <= 10) continue;  // a pole that went quiet for six hours: a gap
      const pm25 = 8 + ((h * 3 + i * 5) % 40), noise = 44 + ((h * 2 + i) % 24);
      rows.push(`20260511,${String(h).padStart(2, '0')},${id},${pm25},${pm25 * 2},${noise},${(12 + h / 2).toFixed(1)},${40 + h},SDOT-S2`);
    }
  return Buffer.concat([poleHeader, Buffer.from(rows.join('\r\n') + '\r\n')]);
}
const POLE_SITES = Buffer.from('id,lat,lon,name\n' + POLES.map(([id, lat, lon], i) => `${id},${lat},${lon},망원 ${i + 1}번 폴`).join('\n') + '\n');

// New York, local times (no offset) every six hours from January into December: across both changes.
function newYorkLog() {
  const rows = ['time,id,lat,lon,fill'];
  const sites = [['NY-1', 40.7128, -74.0060], ['NY-2', 40.7306, -73.9866]];
  for (let t = Date.UTC(2026, 0, 5); t <= Date.UTC(2026, 11, 5); t += 6 * 3600000) {
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

  test('an OpenStreetMap extract cut short (a broken download) is refused naming the file, and the replay stays', async () => {
    const before = await page.evaluate(() => window.viewer.getState());
    const osm = Buffer.from(readFileSync(new URL('../../assets/bukchon/osm/bukchon.osm.pbf', import.meta.url)).subarray(0, 4096));
    const s = await drop(page, [{ name: 'bukchon.osm.pbf', bytes: osm }]);
    assert.match(s.error, /^bukchon\.osm\.pbf: could not read it as OpenStreetMap data .*a cut download/);
    assert.doesNotMatch(s.error, /no readings table|nothing imported/, 'a map file is never reported as a failed import');
    assert.equal(s.readings, before.readings);
    assert.equal(s.sensors, before.sensors);
    assert.equal(await page.locator('.bk-error').isVisible(), true);
    await waitFrames(page);
  });

  test('a multi-metric hourly CP949 log with a site list: 24 hours, air then noise glyphs, the KPIs it supports', async () => {
    // (The page reads local times in Lisbon: tz=Europe/Lisbon.)
    const s = await drop(page, [{ name: 'poles.csv', bytes: poleLog() }, { name: 'sites.csv', bytes: POLE_SITES }]);
    assert.equal(s.error, null);
    assert.equal(s.sensors, 12);
    assert.equal(s.import.rejectedTotal, 0, 'date + hour columns: no reading is taken for a duplicate');
    assert.equal(s.endMs - s.startMs, 23 * 3600000, 'hours 1 … 24 of one day');
    assert.match(s.import.recognised['초미세먼지(PM2.5)'], /^pm25 \(air/);
    assert.match(s.import.recognised['소음'], /^noise/);
    assert.deepEqual(s.types, { air: 12 }, 'PM2.5 drives the map first');
    assert.deepEqual(s.metrics.slice(0, 3).map((m) => m.name), ['pm25', 'pm10', 'noise']);
    assert.equal(s.kpis.fromReadings, true);
    assert.equal(s.kpis.illegalStopsToday, 0);
    assert.deepEqual([s.quality.gaps, s.quality.stuck, s.quality.impossible, s.quality.sensors], [1, 0, 0, ['SDOT-03']]);
    assert.match(s.import.quality.issues[0], /^SDOT-03 5 metrics: no reading from 2026-05-11T04:00:00\+01:00 to 2026-05-11T11:00:00\+01:00/);
    for (const [id] of POLES) {
      const p = await page.evaluate((i) => window.viewer.screenPositionOf(i), id);
      assert.ok(p && p.x > 0 && p.x < 1280 && p.y > 0 && p.y < 720, `${id} is on screen: the view fits the poles`);
    }
    await page.evaluate(() => window.viewer.seek(Date.parse('2026-05-11T14:00:00Z')));
    await waitFrames(page, 3);
    const air = await page.locator('canvas').screenshot();
    const atTwo = await page.evaluate(() => window.viewer.getState());
    assert.ok(atTwo.kpis.pm25MaxToday > 8, 'the day\'s PM2.5 maximum so far');
    assert.ok(atTwo.kpis.airHoursOverToday >= 1, 'hours over the PM2.5 "bad" band, from the readings');
    await page.evaluate(() => window.viewer.setMetric('noise'));
    await waitFrames(page, 3);
    const noise = await page.evaluate(() => window.viewer.getState());
    assert.equal(noise.metric, 'noise');
    assert.deepEqual(noise.types, { noise: 12 }, 'noise drives every pole: noise rings');
    assert.ok(noise.kpis.noiseMaxToday >= 44);
    const a = decodePng(air).pixels, b = decodePng(await page.locator('canvas').screenshot()).pixels;
    let changed = 0;
    for (let i = 0; i < a.length; i += 4) changed += a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2];
    assert.ok(changed > 200, `the glyphs changed with the metric (${changed} pixels)`);
    await assert.rejects(page.evaluate(() => window.viewer.setMetric(7)), /setMetric: expected a metric name/);
    await page.evaluate(() => window.viewer.setMetric(''));
    assert.deepEqual((await page.evaluate(() => window.viewer.getState())).types, { air: 12 });
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
  assert.match(s.import.text, /time span: 2026-01-05T00:00:00-05:00 to 2026-12-05T00:00:00-05:00\n/);
  assert.match(s.import.text, /times in America\/New_York: UTC-05:00 \/ -04:00 \(daylight saving, 2 changes\)/);
  // January at -05:00, June at -04:00, whether the seek is a time with an offset or epoch ms.
  s = await page.evaluate(() => window.viewer.seek('2026-01-20T12:00:00-05:00'));
  assert.equal(s.time, '2026-01-20T12:00:00-05:00');
  assert.equal(s.utcOffsetMinutes, -300);
  s = await page.evaluate(() => window.viewer.seek(Date.parse('2026-06-20T16:00:00Z')));
  assert.equal(s.time, '2026-06-20T12:00:00-04:00');
  assert.equal(s.utcOffsetMinutes, -240);
  assert.equal((await page.evaluate(() => window.viewer.getState())).time, '2026-06-20T12:00:00-04:00');
  // After the autumn change (2026-11-01): back to -05:00.
  s = await page.evaluate(() => window.viewer.seek(Date.parse('2026-11-20T17:00:00Z')));
  assert.equal(s.time, '2026-11-20T12:00:00-05:00');
  assert.equal(s.utcOffsetMinutes, -300);
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

// A log without a zone, as a city drops it: wall-clock times (no offset), positions on each row. Midnight on the
// wall, four readings, two sensors.
function wallClockLog(lat, lon) {
  const rows = ['time,id,lat,lon,fill'];
  for (let h = 0; h < 4; h++)
    for (const [i, id] of ['A', 'B'].entries()) rows.push(`2026-06-20 0${h}:00,${id},${lat + i * 0.001},${lon},${h * 10 + i}`);
  return Buffer.from(rows.join('\n') + '\n');
}

test('a dropped log without a zone is read where its sensors stand (three continents); the panel changes it', async () => {
  const { page, problems } = await openPage(browser, server.url);   // no tz=
  await waitReady(page);
  const places = [['Asia/Seoul', 37.5826, 126.9830, '2026-06-19T15:00:00Z'],
                  ['America/New_York', 40.7128, -74.0060, '2026-06-20T04:00:00Z'],
                  ['Europe/Lisbon', 38.7223, -9.1393, '2026-06-19T23:00:00Z']];
  for (const [zone, lat, lon, start] of places) {
    const s = await drop(page, [{ name: `${zone.split('/')[1]}.csv`, bytes: wallClockLog(lat, lon) }]);
    assert.equal(s.error, null, zone);
    assert.equal(s.import.zoneFrom, 'position', zone);
    assert.equal(s.timeZone, zone);
    assert.equal(s.startMs, Date.parse(start), `${zone}: midnight on the wall there`);
    assert.match(s.import.text, new RegExp(`read in ${zone.replace('/', '\\/')}, the zone where the sensors stand`));
    // The panel shows the zone and why, in a field that changes it.
    assert.equal(await page.locator('.bk-report-zone input').inputValue(), zone);
    assert.equal(await page.locator('.bk-report-zone-why').textContent(), 'where the sensors stand');
  }
  // Lisbon's log read again in UTC from the panel: the same readings, an hour later on the clock.
  await page.locator('.bk-report-zone input').fill('UTC');
  const again = page.evaluate(() => new Promise((resolve) => window.viewer.on('data', resolve)));
  await page.locator('.bk-report-zone button').click();
  await again;
  const s = await page.evaluate(() => window.viewer.getState());
  assert.equal(s.import.zoneFrom, 'option');
  assert.equal(s.startMs, Date.parse('2026-06-20T00:00:00Z'));
  assert.equal(s.readings, 8);
  assert.equal(await page.locator('.bk-report-zone-why').textContent(), 'as given');
  // Sites dropped beside readings that have none: the zone comes from the sites (the logs are read again there).
  const readings = Buffer.from('time,id,fill\n2026-06-20 00:00,NY-1,5\n2026-06-20 01:00,NY-1,7\n');
  const sites = Buffer.from('id,lat,lon\nNY-1,40.7128,-74.0060\n');
  const ny = await drop(page, [{ name: 'bins.csv', bytes: readings }, { name: 'sites.csv', bytes: sites }]);
  assert.equal(ny.timeZone, 'America/New_York');
  assert.equal(ny.import.zoneFrom, 'position');
  assert.equal(ny.startMs, Date.parse('2026-06-20T04:00:00Z'));
  // One import's figures, once each and the same in the panel, the state and the report's text.
  const messy = Buffer.from(wallClockLog(38.7223, -9.1393).toString() + '2026-06-20 03:00,B,38.7233,-9.1393,31\n' +
                            '2026-06-20 04:00,B,38.7233,-9.1393,abc\n');
  const m = await drop(page, [{ name: 'messy.csv', bytes: messy }]);
  assert.equal(m.import.skippedDuplicates, 1);
  assert.equal(m.import.rejectedTotal, 1);
  assert.equal(m.import.readings, 8);
  assert.match(m.import.text, /rows: 10 read, 8 accepted, 1 skipped as exact duplicates, 1 rejected\n/);
  assert.match(m.import.text, /\nof what was read: 1 skipped as exact duplicates; 1 rejected\n/);
  assert.equal(await page.locator('.bk-report-summary').textContent(),
               '2 sensors and 8 readings imported; 1 exact duplicate row skipped; 1 row or reading rejected (see the report).');
  // A bad zone typed in the panel: the message is on the page and the data stays.
  const r = await page.evaluate(() => window.viewer.setImportZone(42).then(() => 'ok', (e) => e.message));
  assert.match(r, /^setImportZone: expected a time zone name/);
  assert.equal((await page.evaluate(() => window.viewer.getState())).readings, 8);
  await waitFrames(page);
  await page.screenshot({ path: '/tmp/zone-panel.png' });
  assert.deepEqual(problems, []);
  await page.close();
});
