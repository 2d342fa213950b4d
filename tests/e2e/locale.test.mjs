// locale.test.mjs — the page's side of plurals, dates and numbers (web/viewer-locale.js), in Node's Intl (the same
// CLDR data a browser carries): the tables the core gets and the page's own text(key, args). No browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localeTables, pluralOf, preferredLanguage, translate } from '../../web/viewer-locale.js';

test('plural categories follow each language\'s rule: Russian\'s three, Arabic\'s six, one form for Japanese', () => {
  const ru = [1, 2, 5, 11, 21, 22, 25, 111, 1001].map((n) => pluralOf('ru', n));
  assert.deepEqual(ru, ['one', 'few', 'many', 'many', 'one', 'few', 'many', 'many', 'one']);
  const ar = [0, 1, 2, 3, 10, 11, 99, 100, 102].map((n) => pluralOf('ar', n));
  assert.deepEqual(ar, ['zero', 'one', 'two', 'few', 'few', 'many', 'many', 'other', 'other']);
  assert.deepEqual([0, 1, 2].map((n) => pluralOf('ja', n)), ['other', 'other', 'other']);
  assert.deepEqual([0, 1, 2].map((n) => pluralOf('fr', n)), ['one', 'one', 'other']);  // French: 0 is singular
  assert.equal(pluralOf('en', '1,234'), 'other', 'grouped digits count as one number');
});

test('the table the core gets is Intl\'s, for 0 … 199, and larger counts read right by their last two digits', () => {
  for (const lang of ['en', 'ru', 'ar', 'fr', 'ko']) {
    const { plurals } = localeTables(lang);
    assert.equal(plurals.length, 200);
    // The core's rule for n ≥ 200 (src/core/text/i18n.cpp pluralOf): the category of 100 + n % 100.
    // (Not exact millions in French, CLDR's "many": "1 000 000 de capteurs"; no UI string has that form.)
    for (const n of [201, 212, 1021, 12345, 1000001]) assert.equal(plurals[100 + (n % 100)], pluralOf(lang, n), `${lang} ${n}`);
  }
});

test('a plural string takes the form of its count; placeholders are filled; a missing key falls back', () => {
  const strings = { lang: 'ru', strings: { 'count.sensors': { one: '{count} датчик', few: '{count} датчика', many: '{count} датчиков', other: '{count} датчика' } } };
  assert.equal(translate(strings, 'count.sensors', { count: 1 }), '1 датчик');
  assert.equal(translate(strings, 'count.sensors', { count: 3 }), '3 датчика');
  assert.equal(translate(strings, 'count.sensors', { count: 50 }), '50 датчиков');
  assert.equal(translate(strings, 'missing.key', {}, 'fallback'), 'fallback');
});

test('dates and numbers as the locale writes them; the language the browser prefers, else English', () => {
  const fr = localeTables('fr');
  assert.equal(fr.numbers.decimal, ',');
  assert.equal(fr.weekdays.length, 7);
  assert.equal(fr.months.length, 12);
  assert.match(fr.dateFormat, /\{weekday\}.*\{day\}.*\{month\}.*\{year\}/);
  assert.match(localeTables('en').dateFormat, /^\{weekday\},? \{day\} \{month\} \{year\}$/);  // en-GB at every venue
  assert.equal(localeTables('ar').numbers.digits.length, 10);
  assert.equal(preferredLanguage({ en: 1, ko: 1, fr: 1 }, ['de-DE', 'fr-CA', 'ko']), 'fr');
  assert.equal(preferredLanguage({ en: 1, ko: 1 }, ['de-DE']), 'en');
});
