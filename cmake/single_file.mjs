// single_file.mjs — writes dist/bukchon-replay.html: the whole viewer (modules, wasm, fonts, languages, data) in
// one file that runs from file:// with no network at all (a USB stick at a venue without wifi).
//   node single_file.mjs DIST_DIR
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const dist = process.argv[2];
const read = (p) => readFileSync(join(dist, p), 'utf8');

// ES modules → one module script: drop imports, keep the code in dependency order.
const strip = (code) => code.replace(/^import .*;$/gm, '').replace(/^export default [A-Za-z_$][\w$]*;\s*$/gm, '')
  .replace(/^export (async function|function|class|const) /gm, '$1 ');
// The modules in dependency order, found from main.js's static imports (so a new module needs no list here).
const order = [];
const visit = (f) => {
  if (order.includes(f)) return;
  for (const [, dep] of read(f).matchAll(/^import .* from '\.\/([\w.-]+\.js)';$/gm)) visit(dep);
  order.push(f);
};
visit('main.js');
// Modules the page loads on first use (lazyModule('x.js'): the tools module's glue, the video export) go in too,
// after the others, with their exports registered where lazyModule finds them.
const lazy = [];
for (let i = 0; i < order.length; i++)
  for (const [, f] of read(order[i]).matchAll(/lazyModule\('([\w.-]+\.js)'\)/g)) if (!lazy.includes(f)) { lazy.push(f); visit(f); }
const exportsOf = (f) => {
  const names = [...read(f).matchAll(/^export (?:async function|function|class|const) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
  const def = read(f).match(/^export default ([A-Za-z_$][\w$]*);\s*$/m);
  return `{ ${[...names, ...(def ? [`default: ${def[1]}`] : [])].join(', ')} }`;
};
const registry = `globalThis.BUKCHON_MODULES = { ${lazy.map((f) => `'${f}': ${exportsOf(f)}`).join(', ')} };`;
const modules = order
  .map((f) => `// ---- ${f}\n${strip(read(f))}`).concat([`// ---- lazy modules\n${registry}`]);
for (const m of modules) if (/^\s*(import|export)\s/m.test(m)) throw new Error('single file: a module statement was left behind');
// Inside one <script>, a module must never close it or open an HTML comment.
for (const m of modules) if (/<\/script|<!--/i.test(m)) throw new Error(`single file: ${m.slice(0, 40)} holds "</script" or "<!--"`);

// Resources the viewer fetches, inlined as base64 under their path relative to the page.
const resources = {};
const add = (path) => { resources[path] = readFileSync(join(dist, path)).toString('base64'); };
add('bukchon.wasm');
add('bukchon-tools.wasm');   // the converters (logs, OpenStreetMap): compiled from this copy when first used
add('bukchon-replay.css');
add('vendor/mediabunny.mjs');  // the video muxer: imported from its inline copy only when a video is exported
const walk = (dir) => readdirSync(join(dist, dir)).flatMap((f) => {
  const p = join(dir, f);
  return statSync(join(dist, p)).isDirectory() ? walk(p) : [p];
});
// The Bukchon week and map go in once, as the binary twins the page loads (the JSON files and sensors stay out).
const twins = new Set(['assets/bukchon/recording.json', 'assets/bukchon/sensors.geojson', 'assets/bukchon/map.geojson']);
// Of the fallback font packs only the list and "world" (Latin Extended, Greek, Cyrillic: 0.6 MB) go in; the
// Hangul and CJK packs (9 MB) would triple the file — offline, those characters stay unshown (getState().fonts).
const packKept = (path) => !path.startsWith('assets/fonts/packs/') || path.startsWith('assets/fonts/packs/world');
for (const p of walk('assets')) {
  const path = relative(dist, join(dist, p)).split('\\').join('/');
  if (!twins.has(path) && packKept(path)) add(path);
}

const html = `<!doctype html>
<!-- bukchon-replay.html — Bukchon IoT Replay in one file: runs from file:// with no network (generated; see docs/embedding.md). -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>Bukchon IoT Replay · 북촌 IoT 데이터 리플레이 (offline)</title>
<style>${read('style.css')}</style>
<script>window.BUKCHON_RESOURCES = ${JSON.stringify(resources)};</script>
<script type="module">
${modules.join('\n')}
</script>
</head>
<body>
<main id="viewer" aria-label="Bukchon IoT Replay"></main>
</body>
</html>
`;
writeFileSync(join(dist, 'bukchon-replay.html'), html);
console.log(`single file: ${join(dist, 'bukchon-replay.html')} ${(html.length / 1048576).toFixed(2)} MB`);
