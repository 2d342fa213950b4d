// single_file.mjs — writes dist/bukchon-replay.html: the whole viewer (modules, wasm, fonts, languages, data) in
// one file that runs from file:// with no network at all (a USB stick at a venue without wifi).
// The modules are taken in their readable form (WEB_DIR, then BUILD_DIR for the module glue, then dist/), whose
// import and export lines it rewrites; the site serves them minified.
//   node single_file.mjs DIST_DIR [WEB_DIR BUILD_DIR]
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [dist, ...sourceDirs] = process.argv.slice(2);
const read = (p) => readFileSync([...sourceDirs, dist].map((d) => join(d, p)).find((f) => existsSync(f)), 'utf8');

// ES modules → one module script: drop imports, keep the code in dependency order.
const strip = (code) => code.replace(/^import .*;$/gm, '').replace(/^export default [A-Za-z_$][\w$]*;\s*$/gm, '')
  .replace(/^export (async function|function|class|const) /gm, '$1 ');
// The modules and what they load, from the site's manifest (cmake/site_manifest.mjs): those at start in dependency
// order, then those loaded on first use (lazyModule), registered by name where lazyModule finds them.
const site = JSON.parse(read('site-manifest.json'));
const order = [...site.modules, ...site.lazyDeps, ...site.lazy];
const lazy = site.lazy;
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

// Resources the viewer fetches, inlined as base64 under their path relative to the page: the manifest's wasm
// modules, the viewer's styles, the video muxer, fonts, strings and the default dataset's binary twins and tour.
const resources = {};
const add = (path) => { resources[path] = readFileSync(join(dist, path)).toString('base64'); };
// Of the fallback font packs only "world" (Latin Extended, Greek, Cyrillic: 0.6 MB) goes in; the Hangul and CJK
// packs (9 MB) would triple the file — offline, those characters stay unshown (getState().fonts).
const packKept = (path) => path.startsWith('assets/fonts/packs/world');
for (const p of [...Object.values(site.wasm), ...site.styles.filter((c) => c !== 'style.css'), ...(site.lazyStyles || []), ...site.vendor,
                 site.fonts.regular, site.fonts.bold, site.fonts.packs, ...site.fonts.packFiles.filter(packKept),
                 site.fonts.languageList, ...Object.values(site.fonts.languages || {}).flatMap((l) => [`assets/fonts/${l.regular}`, `assets/fonts/${l.bold}`]),
                 ...Object.values(site.strings), ...Object.values(site.data), ...Object.values(site.placeNames || {})]) add(p);

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
