// first-frame.mjs — the default page's start-up: first frame on localhost and first useful frame on a throttled link
// (5 Mbit/s down, 100 ms latency, Chromium's network emulation through the DevTools protocol, files sent gzipped),
// each the median of cold loads in fresh browser contexts, with the page's start-up marks and every response.
// run.mjs calls firstFrames(); alone, `node bench/first-frame.mjs` prints both medians with a breakdown by mark and
// the bytes each file took on the wire (LOADS=n sets the loads per condition, default 5). BASE_DIST=<a dist folder>
// measures that build too, alternating load by load with DIST_DIR's, for a before/after on a busy machine.
import { gzipSync } from 'node:zlib';

// The link of issue 17: bytes/s and ms, as Network.emulateNetworkConditions takes them.
export const THROTTLED = { label: '5 Mbit/s + 100 ms (CDP emulation, gzip)', downloadThroughput: 5e6 / 8, uploadThroughput: 5e6 / 8, latency: 100 };
// The marks web/bukchon-replay.js sets, in start-up order (docs/performance.md, "What is measured").
export const MARKS = ['bk:start', 'bk:downloaded', 'bk:compiled', 'bk:main', 'bk:rehearsed', 'bk:fetched', 'bk:data', 'bk:first-useful-frame'];

const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

// One cold load of `url` in a fresh context: ms from navigation to each mark, and every response the page received
// ({url, bytes on the wire, status}); `network` (THROTTLED or null) emulates a link. The first useful frame is the
// bk:first-useful-frame mark: the first frame drawn with the map, the sensors and the whole week committed.
export async function coldLoad(browser, url, network = null) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (network) {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: network.latency,
                                                         downloadThroughput: network.downloadThroughput, uploadThroughput: network.uploadThroughput });
  }
  const requests = new Map();  // requestId → {url, bytes, status}
  let t0 = 0;  // the document request's time stamp (s): responses are timed from it
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!t0) t0 = e.timestamp;
    if (!requests.has(e.requestId)) requests.set(e.requestId, { url: e.request.url, bytes: 0, status: 0, startMs: (e.timestamp - t0) * 1000 });
  });
  cdp.on('Network.responseReceived', (e) => { const r = requests.get(e.requestId); if (r) { r.status = e.response.status; r.encoding = e.response.headers['content-encoding'] || e.response.headers['Content-Encoding'] || ''; } });
  cdp.on('Network.loadingFinished', (e) => { const r = requests.get(e.requestId); if (r) { r.bytes = e.encodedDataLength; r.endMs = (e.timestamp - t0) * 1000; } });
  await page.goto(url);
  const marks = await page.evaluate(async (names) => {
    await window.viewer.ready;
    const has = () => performance.getEntriesByName('bk:first-useful-frame').length > 0;
    while (!has()) await new Promise((r) => requestAnimationFrame(r));
    const at = {};
    for (const n of names) { const m = performance.getEntriesByName(n)[0]; if (m) at[n] = m.startTime; }
    return at;
  }, MARKS);
  const responses = [...requests.values()].filter((r) => r.url.startsWith('http'));
  await context.close();
  return { firstUsefulFrameMs: marks['bk:first-useful-frame'], marks, responses,
           wireBytes: responses.reduce((n, r) => n + r.bytes, 0) };
}

// URLs fetched more than once in one load (nothing should be).
export const fetchedTwice = (responses) => {
  const seen = new Map();
  for (const r of responses) seen.set(r.url, (seen.get(r.url) || 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([u, n]) => `${u} ×${n}`);
};

// `loads` cold loads on each of the two servers (plain and gzip), alternating: {local, throttled}, each
// {medianMs, marks (median ms per mark), wireBytes (median), loads: [...]}. `warmUp`: one load first that is not
// counted (a browser's first page pays for starting its GPU and network processes, 0.5–1 s here: not the page's).
export async function firstFrames(browser, plainUrl, gzipUrl, loads = 5, warmUp = true) {
  if (warmUp) await coldLoad(browser, plainUrl);
  const runs = { local: [], throttled: [] };
  for (let i = 0; i < loads; i++) {
    runs.local.push(await coldLoad(browser, plainUrl));
    runs.throttled.push(await coldLoad(browser, gzipUrl, THROTTLED));
  }
  const summary = (list) => ({
    medianMs: median(list.map((l) => l.firstUsefulFrameMs)),
    marks: Object.fromEntries(MARKS.filter((m) => list.every((l) => m in l.marks)).map((m) => [m, median(list.map((l) => l.marks[m]))])),
    wireBytes: median(list.map((l) => l.wireBytes)),
    fetchedTwice: [...new Set(list.flatMap((l) => fetchedTwice(l.responses)))],
    loads: list.map((l) => ({ ms: l.firstUsefulFrameMs, wireBytes: l.wireBytes })),
    responses: list[0].responses,
  });
  return { local: summary(runs.local), throttled: summary(runs.throttled) };
}

// The same bytes gzipped at level 6 (what a host sends), for files a plain server sent raw.
export const gzipBytesOf = (buffers) => buffers.reduce((n, b) => n + gzipSync(b, { level: 6 }).length, 0);

export const firstFrameRows = (f) => [
  [`first frame, default page (localhost, median of ${f.local.loads.length} cold loads)`, `${f.local.medianMs.toFixed(0)} ms`, '≤ 1000 ms'],
  [`first useful frame, ${THROTTLED.label}, median of ${f.throttled.loads.length} (transferred)`,
   `${f.throttled.medianMs.toFixed(0)} ms (${(f.throttled.wireBytes / 1048576).toFixed(2)} MB)`, '≤ 2000 ms'],
];

function printBreakdown(name, s) {
  console.log(`\n${name}: first useful frame ${s.medianMs.toFixed(0)} ms (median; loads: ${s.loads.map((l) => l.ms.toFixed(0)).join(', ')} ms)`);
  let prev = 0;
  for (const [m, t] of Object.entries(s.marks)) {
    console.log(`  ${m.padEnd(24)} ${t.toFixed(0).padStart(6)} ms  (+${(t - prev).toFixed(0)})`);
    prev = t;
  }
  console.log(`  on the wire: ${(s.wireBytes / 1024).toFixed(0)} KB in ${s.responses.length} responses` +
              (s.fetchedTwice.length ? `; FETCHED TWICE: ${s.fetchedTwice.join(', ')}` : '; nothing fetched twice'));
  console.log('    (one load: KB on the wire, status, encoding, requested → finished ms after the document request)');
  for (const r of [...s.responses].sort((a, b) => a.startMs - b.startMs)) {
    console.log(`    ${(r.bytes / 1024).toFixed(1).padStart(7)} KB ${String(r.status).padStart(3)} ${(r.encoding || '-').padEnd(4)} ` +
                `${r.startMs.toFixed(0).padStart(5)} → ${(r.endMs ?? NaN).toFixed(0).padStart(5)} ms  ${new URL(r.url).pathname}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('../tests/e2e/node_modules/playwright-core/index.mjs');
  const { CHROMIUM_ARGS, DIST, startServer } = await import('../tests/e2e/harness.mjs');
  const builds = [['this build', DIST], ...(process.env.BASE_DIST ? [['base build', process.env.BASE_DIST]] : [])];
  const servers = [];
  for (const [, dir] of builds) servers.push([await startServer(dir), await startServer(dir, new Map(), {}, { gzip: true })]);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const loads = Number(process.env.LOADS || 5);
  const parts = builds.map(() => []);
  for (let i = 0; i < loads; i++)  // one load of each build in turn, so both see the same moments of a busy machine
    for (const [b, [plain, zipped]] of servers.entries()) parts[b].push(await firstFrames(browser, plain.url, zipped.url, 1, i === 0 && b === 0));
  await browser.close();
  for (const pair of servers) for (const s of pair) await s.close();
  for (const [b, [name, dir]] of builds.entries()) {
    const merged = {};
    for (const kind of ['local', 'throttled']) {
      const list = parts[b].map((p) => p[kind]);
      merged[kind] = {
        medianMs: median(list.map((l) => l.medianMs)),
        marks: Object.fromEntries(Object.keys(list[0].marks).map((m) => [m, median(list.map((l) => l.marks[m] ?? NaN))])),
        wireBytes: median(list.map((l) => l.wireBytes)),
        fetchedTwice: [...new Set(list.flatMap((l) => l.fetchedTwice))],
        loads: list.flatMap((l) => l.loads),
        responses: list[0].responses,
      };
    }
    console.log(`\n=== ${name}: ${dir}`);
    printBreakdown('localhost', merged.local);
    printBreakdown(THROTTLED.label, merged.throttled);
    console.log('');
    for (const r of firstFrameRows(merged)) console.log(`| ${r.join(' | ')} |`);
  }
}
