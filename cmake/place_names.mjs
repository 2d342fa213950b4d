// place_names.mjs — cuts the shipped map's other-language place names into one file per language, fetched with the
// language (web/bukchon-replay.js placeNames), so the map the page loads at start carries only English and Korean.
// Each file is {"<local name>": "<name in the language>"} (docs/api.md, "Place names"); the local name is the one
// the viewer keys labels by (src/core/map/place_names.hpp localName: Korean, else the name as mapped, else English).
// It also writes BASE_TEXT: the map's text the page draws in English and Korean (everything but the other languages'
// names), which the page's own font is cut to and checked against.
//   node place_names.mjs MAP.geojson OUT_DIR BASE_TEXT
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const [mapPath, outDir, baseText] = process.argv.slice(2);
const map = JSON.parse(readFileSync(mapPath, 'utf8'));
writeFileSync(baseText, JSON.stringify({ ...map, features: (map.features || []).map((f) => {
  const { names, ...properties } = f.properties || {};
  return { ...f, properties };
}) }));
const byLanguage = {};
for (const { properties: p = {} } of map.features || []) {
  const local = p.name_ko || p.name || p.name_en;
  if (!local || !p.names) continue;
  for (const [lang, name] of Object.entries(p.names)) (byLanguage[lang] ||= {})[local] ??= name;
}
mkdirSync(outDir, { recursive: true });
for (const f of readdirSync(outDir)) if (f.endsWith('.json')) rmSync(join(outDir, f));
for (const [lang, names] of Object.entries(byLanguage).sort()) {
  const sorted = Object.fromEntries(Object.entries(names).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync(join(outDir, `${lang}.json`), JSON.stringify(sorted));
  console.log(`place names ${lang}: ${Object.keys(sorted).length}`);
}
