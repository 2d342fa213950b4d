// locale_text.mjs — the text each UI language's dates and numbers put on screen: web/viewer-locale.js's tables from
// Node's own Intl (the CLDR data browsers carry too), as {code: "names …"}. make_font_packs.py cuts their glyphs
// with the language's strings, so a Korean page's weekdays are in its own font, not a 2.6 MB fallback pack.
// usage: node locale_text.mjs I18N_DIR OUT.json
import { readdirSync, writeFileSync } from 'node:fs';
import { localeTables } from '../web/viewer-locale.js';

const [i18nDir, out] = process.argv.slice(2);
const text = {};
for (const file of readdirSync(i18nDir).filter((f) => f.endsWith('.json')).sort()) {
  const code = file.slice(0, -'.json'.length);
  const t = localeTables(code);
  text[code] = [...t.weekdays, ...t.months, t.dateFormat.replace(/\{\w+\}/g, ''), t.numbers.decimal, t.numbers.group,
                ...t.numbers.digits].join(' ');
}
writeFileSync(out, `${JSON.stringify(text, null, 1)}\n`);
