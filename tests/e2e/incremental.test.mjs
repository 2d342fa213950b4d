// incremental.test.mjs — the incremental frame keeps the picture (issue 17, decision 61): a moment reached after play,
// seeks, hover, selection, filters, layers and zoom is drawn pixel for pixel as a fresh page draws it, for the
// Bukchon glyphs and for a 5,000-sensor dot matrix (detail=auto).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { decodePng, distinctColors } from './png.mjs';
import { launchBrowser, startServer, waitFrames, waitReady } from './harness.mjs';

// Anti-aliasing only: a pixel counts as different when a channel moves by more than CHANNEL, and at most SHARE of
// the pixels compared may (about 90 of the 1280×720 window). Both pages run the same build on the same software GL,
// so an edge that lands a hair apart is the most that is allowed: one glyph of the wrong colour is ~300 pixels, a
// few dots of the dot matrix are more than 90.
const CHANNEL = 24;
const SHARE = 0.0001;
// Where the pointer rests for every screenshot, in both pages: over the header card's text, where nothing is a
// widget, so no glyph is hovered and no tooltip is shown (a page that never saw the pointer hovers nothing either).
const REST = { x: 24, y: 96 };
// SHOTS_DIR=/tmp/x keeps every compared screenshot; a mismatch always leaves fresh, incremental and diff in tmpdir().
const SHOTS = process.env.SHOTS_DIR || '';

const DENSE_SENSORS = 5000;
const DENSE_START = Date.parse('2026-05-13T00:00:00+09:00');
const READINGS = 48, STEP_S = 1800;  // one day at 30 minutes

let server, browser;
const pages = [];
before(async () => {
  server = await startServer(undefined, denseFixture());
  browser = await launchBrowser();
});
after(async () => {
  for (const p of pages) await p.context.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

// A fresh page at 1280×720. Reduced motion: the alert halo's pulse runs on the wall clock (u_time), not the replay
// time, so two pages showing the same moment would draw it at different phases; still halos draw the same.
async function open(query) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${server.url}?${query}`);
  const state = await waitReady(page);
  assert.equal(state.error, null, `${query} loads`);
  const opened = { page, context, problems };
  pages.push(opened);
  return opened;
}
const state = (page) => page.evaluate(() => window.viewer.getState());
const call = (page, name, ...args) => page.evaluate(([n, a]) => window.viewer[n](...a), [name, args]);

// What decides the picture besides the frame's own work: equal in both pages, or the comparison means nothing.
function drawn(s) {
  return { time: s.time, playing: s.playing, speed: s.speed, loop: s.loop, sensors: s.sensors, layers: s.layers,
           filter: s.filter.text, selected: s.selected, ui: s.ui, palette: s.palette, detail: s.detail,
           metric: s.metric, night: s.night, view: s.view, compare: s.compare.by, story: s.story.active };
}

// The moment as shown: pointer at rest, a few frames drawn, then the window's pixels.
async function shoot(page, name) {
  await page.mouse.move(REST.x, REST.y);
  await waitFrames(page, 3);
  const png = await page.screenshot();
  if (SHOTS) { mkdirSync(SHOTS, { recursive: true }); writeFileSync(join(SHOTS, `${name}.png`), png); }
  return { png, img: decodePng(png), state: await state(page) };
}

const inside = (r, x, y) => r && x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;

// The free map between the panels (left column, legend column, timeline): where only the data and the map draw.
const mapArea = (s) => {
  const left = s.panels.kpis.x + s.panels.kpis.w, right = s.panels.legend.x;
  return { x: left, y: 0, w: right - left, h: s.panels.timeline.y };
};

// Per-pixel comparison: how many pixels differ beyond CHANNEL, the largest channel difference, and their bounds,
// outside `mask` (a rectangle or null) and, with `only`, inside that rectangle.
function compare(a, b, mask = null, only = null) {
  assert.deepEqual([a.width, a.height], [b.width, b.height]);
  let over = 0, any = 0, max = 0, x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1, masked = 0;
  for (let i = 0, p = 0; i < a.pixels.length; i += 4, ++p) {
    const x = p % a.width, y = Math.floor(p / a.width);
    if ((mask && inside(mask, x, y)) || (only && !inside(only, x, y))) { ++masked; continue; }
    const d = Math.max(Math.abs(a.pixels[i] - b.pixels[i]), Math.abs(a.pixels[i + 1] - b.pixels[i + 1]),
                       Math.abs(a.pixels[i + 2] - b.pixels[i + 2]));
    if (d === 0) continue;
    ++any;
    max = Math.max(max, d);
    if (d <= CHANNEL) continue;
    ++over;
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  const n = a.width * a.height - masked;
  return { share: over / n, over, any, max, box: over ? { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 } : null,
           text: `${(over / n * 100).toFixed(4)} % of ${n} pixels (${over}) differ by more than ${CHANNEL}, ` +
                 `${any} differ at all, largest channel difference ${max}` +
                 (over ? `, within x ${x0}–${x1}, y ${y0}–${y1}` : '') +
                 (mask ? ` (x ${mask.x}–${mask.x + mask.w - 1}, y ${mask.y}–${mask.y + mask.h - 1} left out)` : '') +
                 (only ? ` (the map between the panels, x ${only.x}–${only.x + only.w - 1}, y ${only.y}–${only.y + only.h - 1})` : '') };
}

// A mismatch leaves the evidence: both screenshots and a diff (the fresh picture greyed, differing pixels red,
// those within the tolerance orange, the part left out blue).
function keepEvidence(name, fresh, incremental, mask) {
  const dir = join(tmpdir(), 'incremental-e2e');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}-fresh.png`), fresh.png);
  writeFileSync(join(dir, `${name}-incremental.png`), incremental.png);
  const a = fresh.img.pixels, b = incremental.img.pixels, out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i += 4) {
    const d = Math.max(Math.abs(a[i] - b[i]), Math.abs(a[i + 1] - b[i + 1]), Math.abs(a[i + 2] - b[i + 2]));
    const grey = Math.round((a[i] + a[i + 1] + a[i + 2]) / 3 * 0.35 + 160);
    const left = inside(mask, (i / 4) % fresh.img.width, Math.floor(i / 4 / fresh.img.width));
    out.set(d > CHANNEL ? [255, 0, 0, 255] : d > 0 ? [255, 170, 0, 255] : left ? [grey - 60, grey - 30, 255, 255] : [grey, grey, grey, 255], i);
  }
  const path = join(dir, `${name}-diff.png`);
  writeFileSync(path, encodePng(fresh.img.width, fresh.img.height, out));
  return dir;
}

// The same frame, fresh and incremental, must match; says where not.
function assertSame(name, fresh, incremental) {
  assert.deepEqual(drawn(incremental.state), drawn(fresh.state), `${name}: both pages are in the same state`);
  assert.deepEqual(incremental.state.panels, fresh.state.panels, `${name}: the same panels in the same places`);
  // Everything is compared, the panels too: the event feed centres "now" by one rule however the moment was reached.
  const mask = null;
  const c = compare(fresh.img, incremental.img, mask);
  console.log(`# ${name}: ${c.text}`);
  if (c.share > SHARE) {
    const dir = keepEvidence(name, fresh, incremental, mask);
    assert.fail(`${name}: the incremental frame differs from the fresh one: ${c.text} (allowed ${SHARE * 100} %); ` +
                `screenshots and diff in ${dir}`);
  }
  return c;
}

// The other way round: two different moments must differ by well over the tolerance, or the check is blind; and
// so must the map alone (the clock and the KPIs change too), counted against the whole window as SHARE is.
function assertDiffer(name, a, b) {
  const c = compare(a.img, b.img);
  console.log(`# ${name}: ${c.text}`);
  const m = compare(a.img, b.img, null, mapArea(a.state));
  console.log(`# ${name}, map only: ${m.text}`);
  const mapShare = m.over / (a.img.width * a.img.height);
  assert.ok(c.share > 3 * SHARE && mapShare > 3 * SHARE,
            `${name}: different moments draw different pictures (${c.text}; map only: ${m.text})`);
}

function assertPicture(name, shot, detail) {
  const colours = distinctColors(shot.img);
  assert.ok(colours > 150, `${name}: a rich picture, not a blank canvas (${colours} colours)`);
  assert.equal(shot.state.detail, detail, `${name}: drawn as ${detail}`);
}

// Plays at 3600× with real frames, seeks back and forth while playing, hovers and clicks glyphs, filters and
// unfilters, hides and shows layers, zooms and re-frames: every path of the frame that patches what it kept. `light`:
// only the play and the seeks (for a later moment on a page that went through the whole of it already).
async function churn(page, { from, ids, light = false }) {
  const layers = (await state(page)).layers;
  await call(page, 'setSpeed', 3600);
  await call(page, 'seek', from);
  const t0 = (await call(page, 'play')).timeMs;
  await waitFrames(page, 8);
  const played = await state(page);
  assert.equal(played.playing, true);
  assert.ok(played.timeMs > t0 + 60 * 1000, `playing moved the replay (${(played.timeMs - t0) / 1000} s)`);
  for (const hours of light ? [-4, 7] : [-5, 9, -2.5, 13]) {
    await call(page, 'seek', (await state(page)).timeMs + hours * 3600 * 1000);
    await waitFrames(page, 2);
  }
  await call(page, 'pause');
  if (light) return;
  for (const id of ids) {  // hover glyphs, click the first (its card opens, it stays a glyph), clear
    const at = await page.evaluate((sid) => window.viewer.screenPositionOf(sid), id);
    if (!at) continue;
    await page.mouse.move(at.x, at.y, { steps: 2 });
    await waitFrames(page, 1);
  }
  const first = await page.evaluate((sid) => window.viewer.screenPositionOf(sid), ids[0]);
  await page.mouse.click(first.x, first.y);
  await waitFrames(page, 2);
  assert.ok((await state(page)).selected, 'the click selected a sensor');
  await call(page, 'seek', (await state(page)).timeMs + 3 * 3600 * 1000);  // the selection's look moves on
  await waitFrames(page, 1);
  await call(page, 'select', null);
  await page.mouse.move(REST.x, REST.y);
  await call(page, 'setFilter', 'bin:fill>=50,air:pm25>=moderate');
  await call(page, 'play');
  await waitFrames(page, 3);  // the filter follows the replay while it plays
  await call(page, 'pause');
  await call(page, 'setFilter', null);
  await waitFrames(page, 1);
  await call(page, 'setLayers', layers.filter((l) => l !== 'air' && l !== 'noise'));
  await waitFrames(page, 1);
  await call(page, 'setLayers', layers);
  await call(page, 'zoomBy', 2);
  await waitFrames(page, 1);
  await call(page, 'resetView');
  await call(page, 'play');
  await waitFrames(page, 3);
  await call(page, 'pause');
}

// ~5,000 sensors over the Bukchon bbox (air, noise, bins, parking), one day of readings whose values cross the
// colour bands, with gaps and some irregular (step) series; on the Bukchon map. Seeded: the same every run.
function denseFixture() {
  let seed = 17;
  const rand = () => {  // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const iso = (ms) => new Date(ms + 9 * 3600e3).toISOString().replace(/\.\d+Z$/, '+09:00');
  const round1 = (v) => Math.round(v * 10) / 10;
  const types = ['air', 'noise', 'bin', 'parking'];
  const features = [], series = [];
  for (let i = 0; i < DENSE_SENSORS; ++i) {
    const id = `D${String(i).padStart(4, '0')}`, type = types[i % 4];
    const lat = 37.576 + rand() * 0.010, lon = 126.980 + rand() * 0.012;
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [+lon.toFixed(6), +lat.toFixed(6)] },
                    properties: { id, type, ...(type === 'parking' ? { capacity: 20 } : {}) } });
    const phase = rand(), n = READINGS, values = [];
    let fill = rand() * 60, occupied = Math.floor(rand() * 21);
    for (let k = 0; k < n; ++k) {
      const wave = Math.sin(2 * Math.PI * (2 * k / n + phase));
      let v;
      if (type === 'air') v = round1(Math.max(0, 36 + 34 * wave + (rand() - 0.5) * 16));        // good … bad, a few over 75
      else if (type === 'noise') v = round1(54 + 11 * wave + (rand() - 0.5) * 8);             // 45 / 55 / 65 dB steps
      else if (type === 'bin') v = round1(fill = fill > 96 ? 4 : Math.min(100, fill + 2 + rand() * 8));  // fills, emptied
      else v = occupied = Math.max(0, Math.min(20, occupied + Math.round((rand() - 0.5) * 6)));
      values.push(rand() < 0.01 ? null : v);
    }
    const metric = { air: 'pm25', noise: 'noise', bin: 'fill', parking: 'occupied' }[type];
    if (i % 8 === 3) {  // irregular, stepping: half the readings at uneven times
      const times = [], kept = [];
      for (let k = 0; k < n; k += 2) {
        times.push(iso(DENSE_START + (k * STEP_S + Math.floor(rand() * (2 * STEP_S - 100))) * 1000));
        kept.push(values[k]);
      }
      series.push({ sensor: id, metric, times, values: kept });
    } else {
      series.push({ sensor: id, metric, start: iso(DENSE_START), step_s: STEP_S, values });
    }
  }
  const recording = { format: 'bukchon-recording', version: 1, title: 'Dense grid over Bukchon (test fixture)',
                      simulated: true, utc_offset: '+09:00', series };
  return new Map([
    ['/fx/dense.json', JSON.stringify({ map: '/assets/bukchon/map.bkm', sensors: 'dense-sensors.geojson', recording: 'dense-recording.json' })],
    ['/fx/dense-sensors.geojson', JSON.stringify({ type: 'FeatureCollection', features })],
    ['/fx/dense-recording.json', JSON.stringify(recording)],
  ]);
}

// PNG of RGBA pixels (filter 0 rows), for the diff image.
function encodePng(width, height, rgba) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; ++k) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 255] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 6;  // 8-bit RGBA
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; ++y) Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const q = (iso) => encodeURIComponent(iso);

describe('the incremental frame keeps the picture', () => {
  // The incremental page: the default Bukchon page, later the dense set loaded into it (viewer.load), so the second
  // case also starts from everything the first one kept.
  let inc;
  before(async () => { inc = await open('speed=3600'); });

  // For each moment: churn the incremental page (wholly the first time), seek it to the moment, then open a fresh
  // page straight at the moment (t= in the URL, same speed, paused) and compare. Last, the comparison must see a
  // change: the incremental page half an hour on, in the same light, against the fresh picture of the last moment.
  async function moments(list, { query = '', from, ids, detail }) {
    let last = null;
    for (const [i, [name, time]] of list.entries()) {
      await churn(inc.page, { from, ids, light: i > 0 });
      await call(inc.page, 'seek', time);
      const b = await shoot(inc.page, `${name}-incremental`);
      const opened = await open(`${query}t=${q(time)}&speed=3600`);
      const a = await shoot(opened.page, `${name}-fresh`);
      assertPicture(name, a, detail);
      assertSame(name, a, b);
      assert.deepEqual(opened.problems, []);
      await opened.context.close();
      from = time;  // the next churn plays on from here
      last = { name, time, fresh: a };
    }
    const later = await call(inc.page, 'seek', Date.parse(last.time) + 30 * 60 * 1000);
    const c = await shoot(inc.page, `${last.name}-plus30min`);
    assert.equal(later.night, last.fresh.state.night, 'the same light: only the data differs');
    assertDiffer(`${last.name} vs 30 min later`, last.fresh, c);
  }

  test('the Bukchon glyphs: moments after play, seeks, hover, selection, filter, layers and zoom', async () => {
    await moments([
      ['glyphs-truck', '2026-05-13T15:20:00+09:00'],  // the afternoon round under way: truck and route
      ['glyphs-alarm', '2026-05-15T19:55:00+09:00'],  // dusk, FIRE-03 in alarm (a halo)
      ['glyphs-saturday', '2026-05-16T14:07:30+09:00'],  // the Saturday crowd, between readings
    ], { from: '2026-05-11T06:00:00+09:00', ids: ['AIR-03', 'BIN-03', 'NOISE-02'], detail: 'glyphs' });
    assert.deepEqual(inc.problems, []);
  });

  test('the dot matrix (5,000 sensors, detail=auto): moments after load, play, seeks, hover, selection, filter, layers and zoom', async () => {
    const loaded = await call(inc.page, 'load', '/fx/dense.json');
    assert.equal(loaded.sensors, DENSE_SENSORS);
    await moments([
      ['dots-morning', '2026-05-13T09:07:30+09:00'],
      ['dots-afternoon', '2026-05-13T15:41:00+09:00'],
    ], { query: 'data=/fx/dense.json&', from: '2026-05-13T01:00:00+09:00', ids: ['D0000', 'D0002', 'D0003'], detail: 'density' });
    assert.deepEqual(inc.problems, []);
  });
});
