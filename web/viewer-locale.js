// viewer-locale.js — how each UI language writes dates, numbers and plurals, from the browser's own CLDR data (Intl):
// the tables handed to the core with the strings (docs/translations.md), and the page's text(key, args).

// The locale a UI language writes in. English is International English (day month year, 24 hours), the same at
// every venue whatever the browser's region.
const LOCALES = { en: 'en-GB', ko: 'ko-KR', zh: 'zh-CN', ja: 'ja-JP', ru: 'ru-RU', es: 'es-ES', fr: 'fr-FR', ar: 'ar',
                  id: 'id-ID', vi: 'vi-VN', th: 'th-TH', mn: 'mn-MN', ne: 'ne-NP' };
export const localeOf = (lang) => LOCALES[lang] || lang;

// The first of the browser's preferred languages (navigator.languages: "ko-KR", "fr", …) that the site speaks.
export function preferredLanguage(available, preferences = globalThis.navigator?.languages || []) {
  for (const tag of preferences) {
    const code = String(tag).toLowerCase().split('-')[0];
    if (available[code]) return code;
  }
  return 'en';
}

const rules = new Map();
// The CLDR plural category of a count ("1,234" counts as 1234).
export function pluralOf(lang, count) {
  if (!rules.has(lang)) rules.set(lang, new Intl.PluralRules(localeOf(lang)));
  return rules.get(lang).select(Number(String(count ?? 0).replace(/\D/g, '')) || 0);
}

// strings.strings[key] for `args`: a plural string's form for args.count, "{name}" placeholders filled.
export function translate(strings, key, args, fallback = key) {
  let s = strings.strings?.[key] ?? fallback;
  if (typeof s === 'object') s = s[pluralOf(strings.lang, args?.count)] ?? s.other;
  for (const k in args) s = s.split(`{${k}}`).join(args[k]);
  return s;
}

// What the core needs beside the strings: weekday and month names, the date's order, the plural category of
// 0 … 199 (the core reads larger counts by their last two digits) and the number signs and digits.
export function localeTables(lang) {
  const loc = localeOf(lang);
  const utc = { timeZone: 'UTC' };
  // Names as they stand in a date (in the case a date puts them in, which a month named alone may not have), each from a whole date's parts.
  const full = new Intl.DateTimeFormat(loc, { ...utc, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const part = (t, type) => full.formatToParts(t).find((p) => p.type === type)?.value ?? '';
  const weekdays = [...Array(7).keys()].map((i) => part(Date.UTC(2026, 1, 1 + i), 'weekday'));  // 1 Feb 2026: a Sunday
  const months = [...Array(12).keys()].map((m) => part(Date.UTC(2026, m, 15), 'month'));
  const dateFormat = full.formatToParts(Date.UTC(2026, 4, 16))
    .map((p) => (['weekday', 'day', 'month', 'year'].includes(p.type) ? `{${p.type}}` : p.value)).join('');
  const number = new Intl.NumberFormat(loc, { useGrouping: true });
  const sign = (type, otherwise) => number.formatToParts(12345.6).find((p) => p.type === type)?.value ?? otherwise;
  return { weekdays, months, dateFormat, plurals: [...Array(200).keys()].map((n) => pluralOf(lang, n)),
           numbers: { decimal: sign('decimal', '.'), group: sign('group', ','), digits: [...Array(10).keys()].map((d) => number.format(d)) } };
}
