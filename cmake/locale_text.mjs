// locale_text.mjs — the text each UI language puts on screen beyond its strings, for the fonts: its dates and numbers
// (web/viewer-locale.js's tables from Node's own Intl, the CLDR data browsers carry too) and the shipped tours'
// captions in it. make_font_packs.py cuts their glyphs with the language's strings, so a Korean page's weekdays are
// in its own font, not a 2.6 MB fallback pack. The page's own font takes the tours' English and Korean captions
// (the English page shows the Korean one under it): BASE_OUT.
// usage: node locale_text.mjs I18N_DIR OUT.json BASE_OUT.txt STORY.json…
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { localeTables } from '../web/viewer-locale.js';

const [i18nDir, out, baseOut, ...stories] = process.argv.slice(2);
const captions = stories.map((f) => JSON.parse(readFileSync(f, 'utf8')))
  .flatMap((story) => [story.title || {}, ...(story.steps || []).map((s) => s.caption || {})]);
const inLanguage = (code) => captions.map((c) => c[code] || '').join(' ');
const text = {};
for (const file of readdirSync(i18nDir).filter((f) => f.endsWith('.json')).sort()) {
  const code = file.slice(0, -'.json'.length);
  const t = localeTables(code);
  text[code] = [...t.weekdays, ...t.months, t.dateFormat.replace(/\{\w+\}/g, ''), t.numbers.decimal, t.numbers.group,
                ...t.numbers.digits, inLanguage(code)].join(' ');
}
writeFileSync(out, `${JSON.stringify(text, null, 1)}\n`);
writeFileSync(baseOut, `${inLanguage('en')}\n${inLanguage('ko')}\n`);
