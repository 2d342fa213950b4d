// run.mjs — the in-browser benchmarks: our viewer and the deck.gl peer page on the same 100,000 sensors, alternating,
// several rounds; plus the default page's start-up (bench/first-frame.mjs: cold loads on localhost and on a throttled
// link) and transfer size. Merges the native figures
// (bench/out/native.json), prints a table, writes bench/results.json and the table in docs/performance.md.
//   node bench/run.mjs   (./build-wasm.sh bench runs it after building everything)
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { CHROMIUM_ARGS, DIST, startServer } from '../tests/e2e/harness.mjs';
import { videoExport, videoRow } from './video.mjs';
import { firstFrames, firstFrameRows } from './first-frame.mjs';
import { languageCosts, languageRows } from './languages.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = `${ROOT}bench/out`;
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const MILLION = existsSync(`${OUT}/scale-1m.bkr`);  // ./build-wasm.sh bench makes it (540 MB)
const files = new Map([
  ['/bench/scale.bkr', readFileSync(`${OUT}/scale.bkr`)],
  ...(MILLION ? [['/bench/scale-1m.bkr', readFileSync(`${OUT}/scale-1m.bkr`)]] : []),
  ['/bench/deckgl.html', readFileSync(`${ROOT}bench/deckgl.html`)],
  ['/bench/deckgl.js', readFileSync(`${ROOT}bench/deckgl.js`)],
  ['/bench/deck.min.js', readFileSync(`${ROOT}bench/node_modules/deck.gl/dist.min.js`)],
  ['/bench/floor.html', readFileSync(`${ROOT}bench/floor.html`)],
  ['/bench/floor.js', readFileSync(`${ROOT}bench/floor.js`)],
]);
const server = await startServer(DIST, files);
const zipped = await startServer(DIST, new Map(), {}, { gzip: true });  // the throttled start-up: files sent gzipped
// Uncapped frames: the interval between frames is the work, not the display's refresh.
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
                                        args: [...CHROMIUM_ARGS, '--disable-gpu-vsync', '--disable-frame-rate-limit'] });
// The page's own CPU work per frame is read in a browser whose frames keep to the display's rate, as on a real
// screen: uncapped, the software GPU process falls behind and the main thread waits inside GL calls (that wait is
// the frame time above, not work).
const capped = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p / 100 * s.length))]; };
const round2 = (x) => Math.round(x * 100) / 100;

// Frame intervals on a page, the same way for both: requestAnimationFrame deltas over SECONDS after a warm-up.
// Each frame reads one pixel back from the page's WebGL2 context, so a frame is only counted once the renderer has
// finished the previous one (without it, rAF keeps ticking while the GPU process falls behind, and the intervals
// measure nothing: deck.gl showed 4 ms frames followed by a 54 s stall).
const intervals = (page, canvasSelector) => page.evaluate(([seconds, selector]) => new Promise((resolve) => {
  const gl = document.querySelector(selector).getContext('webgl2');
  const pixel = new Uint8Array(4);
  const out = [];
  let last = 0;
  const warmUntil = performance.now() + 1000, end = warmUntil + seconds * 1000;
  const tick = () => {
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
    const t = performance.now();
    if (t > warmUntil && last) out.push(t - last);
    last = t;
    if (t < end || out.length < 3) requestAnimationFrame(tick); else resolve(out);   // at least 3 frames, however slow
  };
  requestAnimationFrame(tick);
}), [SECONDS, canvasSelector]);

async function ours(detail, extra = '') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.url}?data=/bench/scale.bkr&speed=3600&play=1&loop=1&detail=${detail}${extra}`);
  await page.evaluate(async () => { await window.viewer.ready; });
  const frames = await intervals(page, '.bk-viewer canvas');
  const state = await page.evaluate(() => window.viewer.getState());
  await context.close();
  return { p50: pct(frames, 50), p95: pct(frames, 95), n: frames.length, detail: state.detail, work: state.frame };
}

async function deckgl(file = '/bench/scale.bkr') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('crash', () => errors.push('the page crashed'));
  try {
    const t0 = Date.now();
    await page.goto(`${server.url}bench/deckgl.html?data=${file}&speed=3600`);
    await page.waitForFunction(() => window.bench && document.querySelector('#map canvas'), null, { timeout: 240000 });
    const readyMs = Date.now() - t0;
    // At a million sensors a frame can take a minute on a software renderer: three of them, or give up at 6 min.
    const frames = await Promise.race([intervals(page, '#map canvas'),
                                       new Promise((_, no) => setTimeout(() => no(new Error('fewer than 3 frames in 6 minutes')), 360000))]);
    return { p50: pct(frames, 50), p95: pct(frames, 95), n: frames.length, readyMs };
  } catch (e) {
    return { failed: (errors[0] || e.message).split('\n')[0] };
  } finally {
    await context.close().catch(() => {});
  }
}

// CPU work per frame as the page measures it (getState().frame), playing at 3600× in a capped browser, once the
// ring of the last 240 frames holds only frames after the start (`seconds` of play).
async function cpuWork(file, detail, seconds) {
  const context = await capped.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.url}?data=${file}&speed=3600&play=1&loop=1&detail=${detail}`);
  await page.evaluate(async () => { await window.viewer.ready; });
  await page.waitForTimeout(seconds * 1000);
  const f = (await page.evaluate(() => window.viewer.getState())).frame;
  // Then the same CPU frame as the native ViewerFrame100k runs it: fixed 16.7 ms steps, no drawing, from the data's
  // start as it does (like for like: after 12 s of play at 3600× the page is half a day on, at a busier hour, and
  // the same call took 1.9 ms instead of 1.0–1.3).
  const steps = await page.evaluate(() => { window.viewer.seek(window.viewer.getState().startMs); return window.viewer.measureSteps(240, 16.7); });
  await context.close();
  return { ...f, steps };
}

// The renderer's floor at the same size: a frame that only clears, and one that adds one full-screen pass.
async function floor(passes) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.url}bench/floor.html?passes=${passes}`);
  const frames = await intervals(page, '#floor');
  await context.close();
  return pct(frames, 50);
}

// The default page, paused, then `file` loaded into it: the page, its context, and {loadMs (fetch included),
// readings, sensors, heapBytes (the heap's growth), heapTotal, startMs, endMs}. `on`: the browser (uncapped or capped).
async function loadInto(file, on = browser) {
  const context = await on.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url);
  const loaded = await page.evaluate(async (url) => {
    await window.viewer.ready;
    window.viewer.pause();
    const before = window.viewer.getState().heapUsedBytes;
    const t0 = performance.now();
    await window.viewer.load(url);
    const loadMs = performance.now() - t0;
    const s = window.viewer.getState();
    return { loadMs, readings: s.readings, sensors: s.sensors, heapBytes: s.heapUsedBytes - before,
             heapTotal: s.heapUsedBytes, startMs: s.startMs, endMs: s.endMs };
  }, file);
  return { context, page, loaded };
}

// Loading 10M readings into a running viewer, the heap they take, and seeks to random times. In the capped browser,
// as on a real screen: uncapped, the page redraws 100k sensors as fast as the software renderer goes, and its
// threads take both cores from the seeks (p50 6.2 against 2.2–2.9 ms capped, 2026-12-02).
async function loadAndSeek() {
  const { context, page, loaded } = await loadInto('/bench/scale.bkr', capped);
  const seeks = await page.evaluate(async (s) => {
    await new Promise((r) => setTimeout(r, 1500));  // the renderer idle: the seeks alone on the main thread
    const seeks = [];
    for (let i = 0; i < 200; i++) {  // 50 to warm up, 150 measured
      const t = s.startMs + Math.random() * (s.endMs - s.startMs);
      const a = performance.now();
      window.viewer.seek(t);   // applies at once, and returns the state: its time, KPIs and light
      if (i >= 50) seeks.push(performance.now() - a);
    }
    return seeks;
  }, loaded);
  await context.close();
  return { ...loaded, seeks };
}

// The default page: every byte it transfers (gzip-compressed, as a host sends it), then its frame time. (Its first
// frame is timed apart, by firstFrames: cold loads in fresh contexts.)
async function bukchonPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const bodies = [];
  page.on('response', (r) => bodies.push(r.body().catch(() => Buffer.alloc(0))));
  await page.goto(server.url);
  await page.evaluate(() => window.viewer.ready);
  const all = await Promise.all(bodies);
  // The baseline: the same renderer drawing the Bukchon page (50 sensors, the map, the panels) at 3600×.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(() => { window.viewer.setSpeed(3600); window.viewer.play(); });
  const frames = await intervals(page, '.bk-viewer canvas');
  await context.close();
  return { gzipBytes: all.reduce((n, b) => n + gzipSync(b, { level: 6 }).length, 0), rawBytes: all.reduce((n, b) => n + b.length, 0),
           baselineP50: pct(frames, 50) };
}

// The real basemap: frames while panning and zooming the default page, and label placement at street level
// (the densest zoom the default view reaches by wheel), read from the page's own timing (getState().labels.ms).
async function mapMotion() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.evaluate(() => window.viewer.ready);
  await page.evaluate(() => window.viewer.seek('2026-05-16T14:00:00+09:00'));
  const still = await intervals(page, '.bk-viewer canvas');
  // Panning and zooming: every frame a new view (a circle around the quarter, zoom 15.5–17.6), set through the
  // camera API and timed like `intervals` (a pixel read back per frame, so a frame counts once it is drawn).
  const moving = await page.evaluate((seconds) => new Promise((resolve) => {
    const gl = document.querySelector('.bk-viewer canvas').getContext('webgl2');
    const pixel = new Uint8Array(4);
    const out = [];
    let f = 0, last = 0;
    const end = performance.now() + seconds * 1000;
    const tick = () => {
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
      const t = performance.now();
      if (last) out.push(t - last);
      last = t;
      if (t > end && out.length >= 3) return resolve(out);
      window.viewer.flyTo(37.5815 + 0.002 * Math.sin(f / 5), 126.9855 + 0.003 * Math.cos(f / 5), 15.5 + (f % 8) * 0.3, { animate: false });
      f++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }), SECONDS);
  // Label placement at street zooms (16–18: where the most names compete), 4 places, 8 frames each.
  const labelMs = [];
  for (const zoom of [16, 17, 18])
    for (const [lat, lon] of [[37.5800, 126.9870], [37.5825, 126.9845], [37.5790, 126.9835], [37.5815, 126.9890]]) {
      await page.evaluate(([lat, lon, zoom]) => window.viewer.flyTo(lat, lon, zoom, { animate: false }), [lat, lon, zoom]);
      for (let k = 0; k < 8; k++) {
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
        labelMs.push((await page.evaluate(() => window.viewer.getState())).labels.ms);
      }
    }
  await context.close();
  return { stillP50: pct(still, 50), movingP50: pct(moving, 50), labelMsP50: pct(labelMs, 50), labelMsP95: pct(labelMs, 95), labelMsMax: Math.max(...labelMs) };
}

// A million sensors (bukchon-gen scale --sensors 1000000, 96 readings each): loaded into the default page, then
// replayed at 3600× (frame intervals uncapped, as above); its heap per reading; deck.gl on the same file.
// A failure after the load (the heap at the wasm's 2 GB cap: performance.md) is a row that says so, not a lost run.
async function million() {
  const { context, page, loaded: r } = await loadInto('/bench/scale-1m.bkr');
  let frames, state;
  try {
    await page.evaluate(() => { window.viewer.setSpeed(3600); window.viewer.setLoop(true); window.viewer.play(); });
    frames = await intervals(page, '.bk-viewer canvas');
    state = await page.evaluate(() => window.viewer.getState());
  } catch (e) {
    await context.close();
    return { ...r, failed: e.message.split('\n')[0] };
  }
  await context.close();
  return { ...r, p50: pct(frames, 50), p95: pct(frames, 95), n: frames.length, detail: state.detail,
           work: await cpuWork('/bench/scale-1m.bkr', 'auto', 20), deck: await deckgl('/bench/scale-1m.bkr') };
}

// Start-up once, before the rounds: five cold loads on each link, alternating (bench/first-frame.mjs).
const startup = await firstFrames(browser, server.url, zipped.url, 5);
// What each UI language costs (bench/languages.mjs): gzip as served, frames at the display's rate.
const languages = await languageCosts(capped, zipped.url, 3);
const rounds = { map: [], ours: [], oursGlyphs: [], oursNoPanels: [], deck: [], load: [], first: [], floorClear: [], floorPass: [], work: [] };
for (let r = 0; r < ROUNDS; r++) {
  rounds.floorClear.push(await floor(0));
  rounds.floorPass.push(await floor(1));
  rounds.first.push(await bukchonPage());
  rounds.map.push(await mapMotion());
  rounds.ours.push(await ours('auto'));
  rounds.deck.push(await deckgl());
  rounds.oursGlyphs.push(await ours('glyphs'));
  rounds.oursNoPanels.push(await ours('auto', '&ui=none'));  // the profile: what the panels cost
  rounds.load.push(await loadAndSeek());
  rounds.work.push(await cpuWork('/bench/scale.bkr', 'auto', 12));
  console.log(`round ${r + 1}/${ROUNDS}: ours ${rounds.ours[r].p50.toFixed(1)} ms (${rounds.ours[r].detail}), ` +
              `deck.gl ${rounds.deck[r].p50.toFixed(1)} ms, ours all glyphs ${rounds.oursGlyphs[r].p50.toFixed(1)} ms`);
}
const mil = MILLION ? await million() : null;
if (mil) console.log(`a million sensors: load ${mil.loadMs.toFixed(0)} ms, ${(mil.heapBytes / mil.readings).toFixed(2)} B/reading, ` +
                    (mil.failed ? `then failed: ${mil.failed}` : `frame ${mil.p50.toFixed(1)} ms, deck.gl ${mil.deck.failed || mil.deck.p50.toFixed(1) + ' ms'}`));
const video = await videoExport(browser, server.url);  // once: minutes of frames, not a frame-time race
await capped.close();
await browser.close();
await server.close();
await zipped.close();

const native = existsSync(`${OUT}/native.json`) ? JSON.parse(readFileSync(`${OUT}/native.json`, 'utf8')) : { benchmarks: [] };
const nat = (name) => native.benchmarks.find((b) => b.name === name);
const ms = (b) => b && (b.time_unit === 'ms' ? b.real_time : b.time_unit === 'us' ? b.real_time / 1000 : b.real_time / 1e6);
const resultsPath = `${ROOT}bench/results.json`;
const old = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : {};
for (const gone of ['labelPlacementMsP50_z18', 'labelPlacementMsMax_z18']) delete old[gone];  // renamed
const results = {
  ...old,
  date: new Date().toISOString(),
  firstFrameMs: round2(startup.local.medianMs),
  firstUsefulFrameMs_throttled: round2(startup.throttled.medianMs),
  throttledWireBytes: startup.throttled.wireBytes,
  startupMarksMs: { localhost: startup.local.marks, throttled: startup.throttled.marks },
  startupFetchedTwice: [...startup.local.fetchedTwice, ...startup.throttled.fetchedTwice],
  transferGzipBytes: median(rounds.first.map((f) => f.gzipBytes)),
  transferRawBytes: median(rounds.first.map((f) => f.rawBytes)),
  frameMsP50_bukchon50: round2(median(rounds.first.map((f) => f.baselineP50))),
  mapFrameMsP50_still: round2(median(rounds.map.map((m) => m.stillP50))),
  mapFrameMsP50_panZoom: round2(median(rounds.map.map((m) => m.movingP50))),
  labelPlacementMsP50_z16to18: round2(median(rounds.map.map((m) => m.labelMsP50))),
  labelPlacementMsP95_z16to18: round2(median(rounds.map.map((m) => m.labelMsP95))),
  labelPlacementMsMax_z16to18: round2(Math.max(...rounds.map.map((m) => m.labelMsMax))),
  frameMsP50_100k: round2(median(rounds.ours.map((o) => o.p50))),
  frameMsP95_100k: round2(median(rounds.ours.map((o) => o.p95))),
  frameDetail_100k: rounds.ours[0].detail,
  frameWorkMsP50_100k: round2(median(rounds.ours.map((o) => o.work.workMsP50))),
  frameMsP50_100k_noPanels: round2(median(rounds.oursNoPanels.map((o) => o.p50))),
  framesMeasured: { ours: rounds.ours.map((o) => o.n), deckgl: rounds.deck.map((o) => o.n), oursAllGlyphs: rounds.oursGlyphs.map((o) => o.n) },
  frameMsP50_100k_allGlyphs: round2(median(rounds.oursGlyphs.map((o) => o.p50))),
  frameMsP95_100k_allGlyphs: round2(median(rounds.oursGlyphs.map((o) => o.p95))),
  floorFrameMsClear: round2(median(rounds.floorClear)),
  floorFrameMsOnePass: round2(median(rounds.floorPass)),
  deckglFrameMsP50_100k: round2(median(rounds.deck.map((o) => o.p50))),
  deckglFrameMsP95_100k: round2(median(rounds.deck.map((o) => o.p95))),
  loadMs_10M: round2(median(rounds.load.map((l) => l.loadMs))),
  seekMsMax_10M: round2(Math.max(...rounds.load.flatMap((l) => l.seeks))),
  seekMsP50_10M: round2(median(rounds.load.flatMap((l) => l.seeks))),
  seekMsP95_10M: round2(pct(rounds.load.flatMap((l) => l.seeks), 95)),
  heapBytesPerReading: round2(median(rounds.load.map((l) => l.heapBytes / l.readings))),
  seeksMeasured: rounds.load.flatMap((l) => l.seeks).length,
  workCapped_100k: (() => {  // the round with the median work
    const w = [...rounds.work].sort((a, b) => a.workMsP50 - b.workMsP50)[Math.floor(rounds.work.length / 2)];
    const phases = Object.fromEntries(Object.entries(w.phaseMsMean).map(([k, v]) => [k, round2(v)]));
    return { workMsP50: round2(w.workMsP50), workMsMean: round2(w.workMsMean), frames: w.frames, phaseMsMean: phases,
             updateMsMean: round2(['sample', 'filters', 'kpis', 'glyphs', 'density'].reduce((n, k) => n + w.phaseMsMean[k], 0)),
             steps: { workMsMean: round2(w.steps.workMsMean), workMsP50: round2(w.steps.workMsP50), frames: w.steps.frames } };
  })(),
  million: mil && mil.failed && { sensors: mil.sensors, readings: mil.readings, loadMs: round2(mil.loadMs),
                                  heapBytesPerReading: round2(mil.heapBytes / mil.readings), heapUsedBytes: mil.heapTotal, failed: mil.failed } ||
           mil && { sensors: mil.sensors, readings: mil.readings, loadMs: round2(mil.loadMs), heapBytesPerReading: round2(mil.heapBytes / mil.readings),
                    heapUsedBytes: mil.heapTotal, frameMsP50: round2(mil.p50), frameMsP95: round2(mil.p95), frames: mil.n, detail: mil.detail,
                    workMsP50: round2(mil.work.workMsP50), workMsMean: round2(mil.work.workMsMean),
                    phaseMsMean: Object.fromEntries(Object.entries(mil.work.phaseMsMean).map(([k, v]) => [k, round2(v)])),
                    deckgl: mil.deck.failed ? { failed: mil.deck.failed } : { frameMsP50: round2(mil.deck.p50), frameMsP95: round2(mil.deck.p95), frames: mil.deck.n, readyMs: mil.deck.readyMs } },
  readings_10M: rounds.load[0].readings,
  native: {
    loadBinaryMs_10M: round2(ms(nat('LoadBinary10M')) ?? NaN),
    sampleAllMs_100k: round2(ms(nat('SampleAll100k')) ?? NaN),
    seekMs_100k: round2(ms(nat('SeekRandom100k')) ?? NaN),
    kpisMs_100k: round2(ms(nat('KpisRandom100k')) ?? NaN),
    glyphsMs_100k: round2(ms(nat('GlyphsRandom100k')) ?? NaN),
    importMBps: round2((nat('ImportCsv')?.bytes_per_second ?? NaN) / 1048576),
    mapLoadMs: round2(ms(nat('MapLoad')) ?? NaN),
    mapLoadBinaryMs: round2(ms(nat('MapLoadBinary')) ?? NaN),
    mapMeshMs: round2(ms(nat('MapMeshBuild')) ?? NaN),
    streetGraphMs: round2(ms(nat('StreetGraphBuild')) ?? NaN),
    viewerFrameMs_100k_auto: round2(ms(nat('ViewerFrame100k/1')) ?? NaN),
    viewerFrameMs_100k_glyphs: round2(ms(nat('ViewerFrame100k/0')) ?? NaN),
    viewerUpdateMs_100k_auto: round2(['sampleMs', 'filtersMs', 'kpisMs', 'glyphsMs', 'densityMs'].reduce((n, k) => n + (nat('ViewerFrame100k/1')?.[k] ?? 0), 0)),
    seekWithStateMs_100k: round2(nat('SeekWithState100k')?.withStateMs ?? NaN),
  },
  videoExport_1080p30: { ...video, date: new Date().toISOString() },
  languages,
  rounds: ROUNDS, secondsPerRun: SECONDS,
  machine: { ...(old.machine || {}), cpu: os.cpus()[0]?.model, cores: os.cpus().length, memoryGB: Math.round(os.totalmem() / 2 ** 30),
             renderer: 'headless Chromium, SwiftShader (CPU) WebGL2', node: process.version, platform: `${os.type()} ${os.release()}` },
};
writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n');

const ratio = (a, b) => (a / b).toFixed(2);
const rows = [
  ...firstFrameRows(startup),
  ['transferred, default page (gzip)', `${(results.transferGzipBytes / 1048576).toFixed(2)} MB`, '≤ 1.5 MB'],
  ['OSM basemap, native: load map.geojson / map.bkm (the page\'s) / build mesh / street graph', `${results.native.mapLoadMs} / ${results.native.mapLoadBinaryMs} / ${results.native.mapMeshMs} / ${results.native.streetGraphMs} ms`, ''],
  ['OSM basemap: frame p50 still / while panning and zooming', `${results.mapFrameMsP50_still} / ${results.mapFrameMsP50_panZoom} ms`, 'no worse than before the map'],
  ['label placement per frame at zooms 16–18, p50 / p95 / max (wasm; the max is a preempted frame)', `${results.labelPlacementMsP50_z16to18} / ${results.labelPlacementMsP95_z16to18} / ${results.labelPlacementMsMax_z16to18} ms`, '≤ 2 ms'],
  ['100k sensors @3600×, frame p50 / p95 (ours, auto detail)', `${results.frameMsP50_100k} / ${results.frameMsP95_100k} ms`, '≤ 16.7 ms (60 fps)'],
  ['… of which CPU work in our wasm frame (p50, uncapped: includes waits in GL calls)', `${results.frameWorkMsP50_100k} ms`, ''],
  ['100k @3600×, CPU work per frame in the page, frames at the display\'s rate (p50 / mean)', `${results.workCapped_100k.workMsP50} / ${results.workCapped_100k.workMsMean} ms`, '≤ 3 ms'],
  ['… by phase, mean ms', Object.entries(results.workCapped_100k.phaseMsMean).filter(([, v]) => v >= 0.01).map(([k, v]) => `${k} ${v}`).join(', '), ''],
  ['… like for like, wasm ÷ native: the same CPU frame in fixed 16.7 ms steps without drawing (`measureSteps` ÷ `ViewerFrame100k`, means)', `${results.workCapped_100k.steps.workMsMean} / ${results.native.viewerFrameMs_100k_auto} ms = ${ratio(results.workCapped_100k.steps.workMsMean, results.native.viewerFrameMs_100k_auto)}`, '≤ 1.5'],
  ['native: the viewer\'s whole frame at 100k without GL, auto / every glyph', `${results.native.viewerFrameMs_100k_auto} / ${results.native.viewerFrameMs_100k_glyphs} ms`, ''],
  ['… without panels (ui=none), frame p50', `${results.frameMsP50_100k_noPanels} ms`, ''],
  ['renderer floor: clear only / clear + one full-screen pass', `${results.floorFrameMsClear} / ${results.floorFrameMsOnePass} ms`, ''],
  ['baseline: the Bukchon page (50 sensors, map, panels), frame p50', `${results.frameMsP50_bukchon50} ms`, ''],
  ['… deck.gl 9 ScatterplotLayer, binary attributes', `${results.deckglFrameMsP50_100k} / ${results.deckglFrameMsP95_100k} ms`, ''],
  ['… ours ÷ deck.gl (p50)', ratio(results.frameMsP50_100k, results.deckglFrameMsP50_100k), '≤ 0.5'],
  ['… ours with every glyph drawn (detail=glyphs)', `${results.frameMsP50_100k_allGlyphs} / ${results.frameMsP95_100k_allGlyphs} ms`, ''],
  ['… every glyph ÷ deck.gl (p50)', ratio(results.frameMsP50_100k_allGlyphs, results.deckglFrameMsP50_100k), ''],
  ['load 9.6M readings (.bkr, in page, incl. fetch)', `${results.loadMs_10M} ms`, '≤ 1500 ms'],
  [`seek, in page, with the state it returns (max / p95 / p50 of ${results.seeksMeasured}, 150 per round after 50 to warm up)`, `${results.seekMsMax_10M} / ${results.seekMsP95_10M} / ${results.seekMsP50_10M} ms`, '≤ 2 ms (max)'],
  ['native: seek + state at 100k', `${results.native.seekWithStateMs_100k} ms`, ''],
  ['wasm heap per reading', `${results.heapBytesPerReading} B`, '≤ 10 B'],
  ['native: load binary 9.6M / sample 100k / seek 100k', `${results.native.loadBinaryMs_10M} / ${results.native.sampleAllMs_100k} / ${results.native.seekMs_100k} ms`, ''],
  ['native: KPIs / glyph rebuild at a random time, 100k', `${results.native.kpisMs_100k} / ${results.native.glyphsMs_100k} ms`, ''],
  ['native: CSV import', `${results.native.importMBps} MiB/s`, ''],
];
if (results.million) {
  const m = results.million;
  rows.push(['1M sensors × 96 readings: load in page (fetch + parse, 540 MB) / heap per reading', `${m.loadMs} ms / ${m.heapBytesPerReading} B`, '≤ 10 B']);
  if (m.failed) rows.push(['1M @3600×: replay', `failed after the load: ${m.failed}`, '']);
  else rows.push([`1M @3600×: frame p50 / p95 (ours, ${m.detail}) / CPU work p50, mean`, `${m.frameMsP50} / ${m.frameMsP95} ms / ${m.workMsP50}, ${m.workMsMean} ms`, ''],
            ['… by phase, mean ms', Object.entries(m.phaseMsMean).filter(([, v]) => v >= 0.01).map(([k, v]) => `${k} ${v}`).join(', '), ''],
            ['… deck.gl 9 on the same file', m.deckgl.failed ? `did not run: ${m.deckgl.failed}` : `frame p50 ${m.deckgl.frameMsP50} ms (${m.deckgl.frames} frames; ready after ${(m.deckgl.readyMs / 1000).toFixed(1)} s)`, '']);
}
rows.push(...languageRows(languages));
rows.push(videoRow(video));
if (old.importMBps) rows.push(['CLI: 1 GB CSV import (peak memory)', `${old.importMBps} MiB/s (${old.importPeakMiB} MiB)`, 'bounded']);
const table = ['| measure | result | goal |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
console.log(`\n${table}\n`);
const docPath = `${ROOT}docs/performance.md`;
if (existsSync(docPath)) {
  const doc = readFileSync(docPath, 'utf8');
  const stamp = `Latest run: ${results.date.slice(0, 10)}, ${results.machine.cpu} × ${results.machine.cores}, ${results.machine.renderer}.`;
  writeFileSync(docPath, doc.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${stamp}\n\n${table}\n<!-- bench:end -->`));
}
