// site_manifest.mjs — writes the one list of the site's resources, from the finished dist/: the modules (in the order
// their imports need, from main.js and embed.js) and those loaded on first use (lazyModule), the wasm modules, the
// styles, fonts and font packs, the UI strings, and the default dataset's binary twins and tour. Read by the page's
// start-up (dist/site-manifest.js), the single-file builder (single_file.mjs), the offline copy (through the single
// file) and, later, a service worker (dist/site-manifest.json); index.html's preloads are written from it.
// The site's scripts are minified in dist/; their imports are read from the readable sources (WEB_DIR, and BUILD_DIR
// for the module glue Emscripten wrote), falling back to dist/ (the generated site-manifest.js).
//   node site_manifest.mjs DIST_DIR SOURCE_INDEX_HTML [WEB_DIR BUILD_DIR]
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

const [dist, indexSource, ...sourceDirs] = process.argv.slice(2);
const has = (p) => existsSync(join(dist, p));
const read = (p) => readFileSync([...sourceDirs, dist].map((d) => join(d, p)).find((f) => existsSync(f)), 'utf8');

// Static imports, depth first: a module after everything it imports.
const order = [];
const GENERATED = 'site-manifest.js';   // this script writes it: a leaf of the graph
const visit = (f) => {
  if (order.includes(f)) return;
  if (f === GENERATED) { order.push(f); return; }
  for (const [, dep] of read(f).matchAll(/^import .* from '\.\/([\w.-]+\.js)';$/gm)) visit(dep);
  order.push(f);
};
visit('main.js');
const lazy = [];
for (let i = 0; i < order.length; i++)
  for (const [, f] of (order[i] === GENERATED ? '' : read(order[i])).matchAll(/lazyModule\('([\w.-]+\.js)'\)/g)) if (!lazy.includes(f)) { lazy.push(f); visit(f); }
const eager = order.filter((f) => !lazy.includes(f) && !isLazyOnly(f));
const lazyDeps = order.filter((f) => !lazy.includes(f) && isLazyOnly(f));
// A module only the lazy ones import is loaded with them, not at start.
function isLazyOnly(f) {
  const importers = order.filter((m) => m !== GENERATED && [...read(m).matchAll(/^import .* from '\.\/([\w.-]+\.js)';$/gm)].some(([, d]) => d === f));
  return importers.length > 0 && importers.every((m) => lazy.includes(m) || isLazyOnly(m));
}
const embedOnly = [];
const embedVisit = (f) => {
  if (order.includes(f) || embedOnly.includes(f)) return;
  for (const [, dep] of read(f).matchAll(/^import .* from '\.\/([\w.-]+\.js)';$/gm)) embedVisit(dep);
  embedOnly.push(f);
};
if (has('embed.js')) embedVisit('embed.js');

const walk = (dir) => (has(dir) ? readdirSync(join(dist, dir)).flatMap((f) => {
  const p = `${dir}/${f}`;
  return statSync(join(dist, p)).isDirectory() ? walk(p) : [p];
}) : []);
const strings = Object.fromEntries(walk('assets/i18n').filter((p) => p.endsWith('.json'))
  .map((p) => [p.split('/').pop().replace(/\.json$/, ''), p]));
const packs = walk('assets/fonts/packs');
const fontLanguages = has('assets/fonts/languages.json') ? JSON.parse(read('assets/fonts/languages.json')) : {};
const manifest = {
  modules: eager,                       // fetched at start, in dependency order (index.html preloads them)
  lazy,                                 // lazyModule(name): fetched on first use, inlined in the single file
  lazyDeps,                             // modules only those import
  embed: embedOnly,                     // embed.html's own module(s)
  wasm: { viewer: 'bukchon.wasm', tools: 'bukchon-tools.wasm', shaper: 'bukchon-shaper.wasm' },
  styles: ['style.css', 'bukchon-replay.css'],
  lazyStyles: ['bukchon-dialogs.css'],  // with the dialogs' code, on first use (viewer-files.js lazyStyles)
  // languages: each UI language's own glyphs beyond the page's font, {xx: {regular, bold}} (paths under assets/fonts/),
  // fetched with its strings; what each covers is in languageList, fetched with them (make_font_packs.py). Not the
  // covers here: thirteen languages' lists would weigh on every first load.
  fonts: { regular: 'assets/fonts/NanumGothic-subset.ttf', bold: 'assets/fonts/NanumGothicBold-subset.ttf',
           packs: 'assets/fonts/packs.json', packFiles: packs, languageList: 'assets/fonts/languages.json',
           languages: Object.fromEntries(Object.entries(fontLanguages).filter(([, l]) => l.regular)
             .map(([code, { regular, bold }]) => [code, { regular, bold }])) },
  strings,
  // Each UI language's name in itself and its direction, for the page's language menu (from the files' "name", "dir").
  languages: Object.fromEntries(Object.entries(strings).map(([code, p]) => {
    const { name, dir, strings: all } = JSON.parse(read(p));
    // shaped: its text needs the shaper module (src/core/text/shaped_line.cpp isShapedScript's scripts); packs: the
    // font packs its letters come from (under assets/fonts/, make_font_packs.py), fetched with its strings.
    const shaped = /[\u0590-\u08FF\u0900-\u0DFF\u0E00-\u0FFF\u1000-\u109F\u1780-\u17FF]/.test(JSON.stringify(all));
    const packFiles = fontLanguages[code]?.packs;
    return [code, { name, dir: dir || 'ltr', ...(shaped ? { shaped } : {}), ...(packFiles ? { packs: packFiles } : {}) }];
  }).sort(([a], [b]) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)))),
  // The default dataset as the page loads it (the binary twins) and its tour; the JSON forms stay on the site only.
  data: { map: 'assets/bukchon/map.bkm', recording: 'assets/bukchon/recording.bkr', story: 'assets/bukchon/story.json' },
  // The default map's place names in the other UI languages ({xx: path}), fetched with the language (place_names.mjs).
  placeNames: Object.fromEntries(walk('assets/bukchon/names').filter((p) => p.endsWith('.json'))
    .map((p) => [p.split('/').pop().replace(/\.json$/, ''), p])),
  vendor: walk('vendor').filter((p) => p.endsWith('.mjs')),
};
const all = [...manifest.modules.filter((m) => m !== GENERATED), ...manifest.lazy, ...manifest.lazyDeps, ...manifest.embed, ...Object.values(manifest.wasm), ...manifest.styles, ...manifest.lazyStyles,
             manifest.fonts.regular, manifest.fonts.bold, manifest.fonts.packs, ...packs, manifest.fonts.languageList,
             ...Object.values(manifest.fonts.languages).flatMap((l) => [`assets/fonts/${l.regular}`, `assets/fonts/${l.bold}`]),
             ...Object.values(strings), ...Object.values(manifest.placeNames),
             ...Object.values(manifest.data), ...manifest.vendor];
for (const p of all) if (!has(p)) throw new Error(`site manifest: ${p} is not in ${dist}`);
manifest.bytes = Object.fromEntries(all.map((p) => [p, statSync(join(dist, p)).size]));
const hash = createHash('sha256');
for (const p of all) hash.update(p).update(readFileSync(join(dist, p)));
manifest.version = hash.digest('hex').slice(0, 16);   // changes with any resource: a cache's name

writeFileSync(join(dist, 'site-manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
// The page gets the viewer module's size only: it asks for the fonts and the data when most of the module is in.
writeFileSync(join(dist, 'site-manifest.js'), '// site-manifest.js — generated by cmake/site_manifest.mjs from the built site: do not edit.\n' +
  `export const SITE = ${JSON.stringify({ ...manifest, bytes: undefined, wasmBytes: { viewer: manifest.bytes[manifest.wasm.viewer] } })};\n`);
// index.html: the preloads of everything the start always needs, from the manifest.
const preloads = manifest.modules.filter((m) => m !== 'main.js').map((m) => `  <link rel="modulepreload" href="${m}">`)
  .concat([manifest.wasm.viewer, strings.en]
    .map((p) => `  <link rel="preload" href="${p}" as="fetch" crossorigin="anonymous">`));
const index = readFileSync(indexSource, 'utf8');
if (!index.includes('<!-- preloads: site-manifest -->')) throw new Error(`${indexSource} has no "<!-- preloads: site-manifest -->" line`);
writeFileSync(join(dist, 'index.html'), index.replace('  <!-- preloads: site-manifest -->', preloads.join('\n')));
console.log(`site manifest: ${all.length} resources, ${manifest.modules.length} modules at start, ${manifest.lazy.length} on first use`);
