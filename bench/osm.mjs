// osm.mjs — OpenStreetMap conversion in the page (the tools module, one thread, in steps) against the CLI
// (bukchon-map, native), on the same extract with the same options: median ms of RUNS each, and the ratio.
//   node bench/osm.mjs [extract.osm.pbf]   (default: the Bukchon extract; ./build-wasm.sh bench runs it)
// The page's figure is the conversion as a drop runs it (40 ms steps with a frame between them) and, apart, the
// same conversion in one step (its CPU time alone).
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromium } from '../tests/e2e/node_modules/playwright-core/index.mjs';
import { CHROMIUM_ARGS, DIST, startServer } from '../tests/e2e/harness.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const extract = process.argv[2] || `${ROOT}assets/bukchon/osm/bukchon.osm.pbf`;
const RUNS = Number(process.env.RUNS || 5);
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

const cli = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = process.hrtime.bigint();
  execFileSync(`${ROOT}build-native/bukchon-map`, [extract, '-o', '/dev/null', '--binary', '/dev/null'], { stdio: 'ignore' });
  cli.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const server = await startServer(DIST);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
const page = await browser.newPage();
await page.goto(server.url);
await page.evaluate(async () => { await window.viewer.ready; });
const bytes = [...readFileSync(extract)];
const page_ = await page.evaluate(async ({ bytes, runs }) => {
  const { convert, loadTools } = await import('./viewer-convert.js');
  await loadTools();
  const file = { name: 'extract.osm.pbf', bytes: new Uint8Array(bytes) };
  const stepped = [], whole = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    await convert('osm', [file], {});
    stepped.push(performance.now() - t0);
    const m = await loadTools();   // the same work in one step: the module's CPU time alone
    const name = new TextEncoder().encode('extract.osm.pbf\0');
    const np = m._malloc(name.length); m.HEAPU8.set(name, np);
    const ptr = m._bk_tools_file(np, file.bytes.length); m.HEAPU8.set(file.bytes, ptr); m._free(np);
    const c = new TextEncoder().encode('osm\0'), o = new TextEncoder().encode('{}\0');
    const cp = m._malloc(c.length), op = m._malloc(o.length); m.HEAPU8.set(c, cp); m.HEAPU8.set(o, op);
    t0 = performance.now();
    m._bk_tools_start(cp, op);
    m._bk_tools_step(1e9);
    m._bk_tools_finish();
    whole.push(performance.now() - t0);
    m._bk_tools_clear(); m._free(cp); m._free(op);
  }
  return { stepped, whole };
}, { bytes, runs: RUNS });
await browser.close();
await server.close();
const rows = [
  ['bukchon-map (native CLI, the whole process)', median(cli)],
  ['page: as a drop runs it (40 ms steps, frames between)', median(page_.stepped)],
  ['page: the conversion in one step (CPU)', median(page_.whole)],
];
console.log(`OpenStreetMap conversion of ${extract.split('/').pop()} (${(bytes.length / 1024).toFixed(0)} KB), median of ${RUNS}:`);
for (const [what, ms] of rows) console.log(`  ${what.padEnd(58)} ${ms.toFixed(0).padStart(6)} ms`);
console.log(`  page (one step) ÷ CLI: ${(median(page_.whole) / median(cli)).toFixed(2)}`);
