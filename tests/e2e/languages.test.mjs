// languages.test.mjs — the thirteen UI languages in real Chromium: the menu names each in itself and switches; every
// language draws all its text (no boxes) with dates from the browser's Intl; a first visit follows the browser's
// preferred languages.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, launchBrowser, offlineContext, openPage, startServer, waitFrames, waitReady } from './harness.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const CODES = readdirSync(join(ROOT, 'assets/i18n')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const NAMES = Object.fromEntries(CODES.map((c) => [c, JSON.parse(readFileSync(join(ROOT, `assets/i18n/${c}.json`), 'utf8')).name]));
const NOON = 't=2026-05-13T12:00:00%2B09:00';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); });

// Until the fonts the language needs are in (its own glyphs, then any pack), then a few frames.
async function settled(page) {
  await page.waitForFunction(() => { const f = window.viewer.getState().fonts; return f && f.settled && f.pending === 0; },
                             null, { timeout: 20000 });
  await waitFrames(page, 3);
  return page.evaluate(() => window.viewer.getState());
}

describe('languages', () => {
  test('the menu names every language in itself; each draws all its text, with its own dates', async () => {
    assert.ok(CODES.length >= 13, `thirteen languages or more: ${CODES.join(', ')}`);
    const { page, problems } = await openPage(browser, `${server.url}?${NOON}`);
    await waitReady(page);
    const menu = page.locator('.bk-toolbar select.bk-lang');
    await menu.waitFor({ state: 'visible' });
    const options = await menu.locator('option').evaluateAll((os) => os.map((o) => [o.value, o.textContent, o.lang]));
    assert.deepEqual(options.map(([code]) => code), ['en', ...CODES.filter((c) => c !== 'en')], 'English first, then by code');
    for (const [code, name, lang] of options) {
      assert.equal(name, NAMES[code], `${code} is named in itself`);
      assert.equal(lang, code);
    }
    assert.equal(await menu.getAttribute('aria-label'), 'Language');
    for (const code of CODES) {
      await menu.selectOption(code);
      await page.waitForFunction((c) => window.viewer.getState().lang === c, code);
      const s = await settled(page);
      assert.equal(s.fonts.unshown, 0, `${code}: every character drawn (${s.fonts.unshownSample})`);
      // Thai, Devanagari and Arabic are shaped by HarfBuzz (the shaper module): their clusters are drawn from its
      // images, and no cluster holds the font's .notdef glyph.
      if (['th', 'ne', 'ar'].includes(code)) assert.ok(s.fonts.shaped > 20, `${code}: shaped clusters ${s.fonts.shaped}`);
      assert.equal(s.fonts.notdef, 0, `${code}: no .notdef glyph`);
      const file = JSON.parse(readFileSync(join(ROOT, `assets/i18n/${code}.json`), 'utf8'));
      const strings = file.strings;
      // The twin carries the language and its direction (Arabic: right to left).
      assert.deepEqual(await page.locator('.bk-twin').evaluate((e) => [e.lang, getComputedStyle(e).direction]),
                       [code, file.dir === 'rtl' ? 'rtl' : 'ltr'], `${code}: the twin's lang and direction`);
      // The accessible twin speaks the language: the KPI heading, and the feed's day as Intl writes it.
      const heading = await page.locator('.bk-twin h2').first().textContent();
      assert.ok(Object.values(strings).includes(heading), `${code}: the twin's first heading is a string of ${code}.json ("${heading}")`);
      assert.equal(await menu.inputValue(), code, 'the menu shows the language in force');
      assert.equal(await menu.getAttribute('aria-label'), strings['lang.menu']);
    }
    // The map's place names came with the languages OpenStreetMap has them in (assets/bukchon/names/xx.json, cut
    // from map.geojson's name:xx) and only with those: the English start fetched none.
    const namesFetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)
      .filter((n) => n.includes('/assets/bukchon/names/')).map((n) => n.split('/').pop()).sort());
    assert.deepEqual(namesFetched, ['fr.json', 'ja.json', 'ru.json', 'zh.json']);
    assert.deepEqual(problems, []);
  });

  test('a first visit follows the browser\'s preferred languages, else English; lang= wins', async () => {
    for (const [locale, query, expected] of [['ko-KR', '', 'ko'], ['fr-CA', '', 'fr'], ['de-DE', '', 'en'],
                                              ['ko-KR', 'lang=en', 'en']]) {
      const context = await browser.newContext({ locale, viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      await page.goto(`${server.url}?${NOON}${query ? `&${query}` : ''}`);
      const s = await waitReady(page);
      assert.equal(s.lang, expected, `${locale} ${query || '(no lang=)'} → ${expected}`);
      await context.close();
    }
  });

  // The offline copy carries the languages chosen in its dialog: a language whose letters come from a font pack
  // (Thai here) draws whole from file:// with no network only when it was chosen.
  test('an offline copy speaks the languages chosen for it, with no network', async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}?${NOON}`);
    await waitReady(page);
    await page.getByRole('button', { name: 'Export video' }).click();
    await page.locator('.bk-video-offline button').click();
    const dialog = page.locator('dialog.bk-offline');
    await dialog.locator('.bk-offline-summary').filter({ hasText: /MB/ }).waitFor();
    const plain = await page.evaluate(async () => (await window.viewer.saveOffline({ download: false })).bytes);
    const boxes = dialog.locator('.bk-offline-langs label');
    const offered = await boxes.evaluateAll((ls) => ls.map((l) => [l.lang, l.textContent.trim()]));
    assert.ok(offered.some(([code, name]) => code === 'th' && name === NAMES.th), `Thai is offered, named in itself: ${JSON.stringify(offered)}`);
    assert.ok(!offered.some(([code]) => code === 'en'), 'English is in every copy: not offered');
    await dialog.locator('label[lang="th"] input').check();
    await dialog.locator('.bk-offline-summary').filter({ hasText: /MB/ }).waitFor();
    const saved = await page.evaluate(async () => {
      const copy = await window.viewer.saveOffline({ download: false, languages: ['th'] });
      return { text: await copy.blob.text(), bytes: copy.bytes };
    });
    assert.ok(saved.bytes > plain + 20000, `the Thai pack went in (${plain} → ${saved.bytes} bytes)`);
    const tmp = mkdtempSync(join(tmpdir(), 'bk-offline-lang-'));
    writeFileSync(join(tmp, 'with-thai.html'), saved.text);
    const bad = await page.evaluate(async () => window.viewer.saveOffline({ download: false, languages: ['xx'] }).then(() => '', (e) => e.message));
    assert.match(bad, /no language "xx"/);
    assert.deepEqual(problems, []);
    await context.close();

    const { context: offline, requests } = await offlineContext(browser);
    const copy = await offline.newPage();
    await copy.goto(`file://${join(tmp, 'with-thai.html')}`);
    await waitReady(copy);
    await copy.evaluate(() => window.viewer.setLanguage('th'));
    const s = await settled(copy);
    assert.equal(s.lang, 'th');
    assert.equal(s.fonts.unshown, 0, `every Thai letter drawn offline (${s.fonts.unshownSample})`);
    assert.ok(s.fonts.shaped > 20, `shaped offline: ${s.fonts.shaped}`);
    assert.deepEqual(requests.filter((u) => !/^(file|blob|data):/.test(u)), [], 'nothing from the network');
    await offline.close();
  });
});

// The shaper module's HarfBuzz (built for wasm from Debian's source package, HB_LEAN) against Debian's own hb-shape
// (libharfbuzz-bin), on the same font packs the page fetches: the same glyphs, in the same clusters.
test('the page\'s HarfBuzz shapes Thai, Devanagari and Arabic as Debian\'s hb-shape does', async () => {
  const server = await startServer(DIST);
  const browser = await launchBrowser();
  const { page } = await openPage(browser, `${server.url}?lang=th`);
  await waitReady(page);
  const cases = [['thai', 'สวัสดี'], ['thai', 'ภาษาไทย'], ['devanagari', 'नेपाली'], ['devanagari', 'हिन्दी क्षेत्र'],
                 ['arabic', 'العربية'], ['arabic', 'سلام عليكم']];
  const ours = await page.evaluate(async (list) => {
    const s = await (await import('./viewer-shaper.js')).loadShaper();
    const call = (op, a, b) => {
      const enc = new TextEncoder();
      const put = (bytes) => { const p = s._malloc(bytes.length + 1); s.HEAPU8.set(bytes, p); s.HEAPU8[p + bytes.length] = 0; return [p, bytes.length]; };
      const [pa, la] = put(typeof a === 'string' ? enc.encode(a) : a), [pb, lb] = put(typeof b === 'string' ? enc.encode(b) : b);
      const r = s._bk_shaper_call(op, pa, la, pb, lb, 0);
      const out = new TextDecoder().decode(s.HEAPU8.slice(r, r + s._bk_shaper_result_length()));
      s._free(pa); s._free(pb);
      return out;
    };
    const out = [];
    for (const [pack, text] of list) {
      const bytes = new Uint8Array(await (await fetch(`assets/fonts/packs/${pack}.ttf`)).arrayBuffer());
      call(0, `test-${pack}`, bytes);
      out.push(call(6, `test-${pack}`, text));
    }
    return out;
  }, cases);
  cases.forEach(([pack, text], i) => {
    const reference = execFileSync('hb-shape', ['--no-glyph-names', '--no-positions', join(DIST, `assets/fonts/packs/${pack}.ttf`), text],
                                   { encoding: 'utf8' }).trim().replace(/^\[|\]$/g, '');
    assert.equal(ours[i], reference, `${text} in ${pack}.ttf`);
  });
  await browser.close();
  await server.close();
});
