// fonts.test.mjs — other cities' names in other scripts: the viewer fetches only the fallback font packs the text
// needs, draws the names, says which characters no font has, and a pack that fails to arrive breaks nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, launchBrowser, openPage, startServer, waitReady } from './harness.mjs';

// Ten sites at a WeGO assembly, named in nine scripts and languages; Hebrew and Arabic names are shaped (the shaper
// module: HarfBuzz, FriBidi) in visual order with joined letters. One name carries an emoji, which no pack has: it is
// reported, not faked.
const SITES = [
  ['W-1', 'Łódź · Piotrkowska 104'], ['W-2', 'Αθήνα · Σύνταγμα'], ['W-3', 'Улаанбаатар · Сүхбаатар'],
  ['W-4', '東京駅 丸の内口'], ['W-5', 'Hà Nội · Hồ Hoàn Kiếm'], ['W-6', '똠얌꿍 골목 쀍'], ['W-7', 'שוק הכרמל 12'],
  ['W-8', '上海 外滩 · 北京路'], ['W-9', 'دبي · شارع الشيخ زايد'], ['W-10', 'Bike hub 🚲'],
];
const NO_FONT = ['U+1F6B2'];
function worldLog() {
  const rows = ['time,id,name,lat,lon,noise (dB)'];
  for (let h = 0; h < 24; h++) {
    SITES.forEach(([id, name], i) => {
      const t = `2026-05-16T${String(h).padStart(2, '0')}:00:00+09:00`;
      rows.push(`${t},${id},${name},${37.57 + (i % 4) * 0.001},${126.98 + Math.floor(i / 4) * 0.0015},${40 + ((h * 3 + i * 7) % 40)}`);
    });
  }
  return Buffer.from(rows.join('\n') + '\n');
}

let server, browser;
before(async () => {
  server = await startServer(DIST, new Map([['/fixtures/world.csv', worldLog()]]));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function fontsSettled(page) {
  await page.waitForFunction(() => {
    const f = window.viewer.getState().fonts;
    return f && f.settled;
  }, null, { timeout: 20000 });
  return page.evaluate(() => window.viewer.getState().fonts);
}

// Every font file the page fetched, by name under assets/fonts/ (from the start: the page's own resource log).
const fontRequests = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((e) => new URL(e.name).pathname.match(/\/assets\/fonts\/(.+)$/)?.[1]).filter(Boolean));

test('the Bukchon page needs no fallback pack: nothing extra is fetched, its own fonts once, nothing is unshown', async () => {
  const { page, problems } = await openPage(browser, server.url);
  await waitReady(page);
  const fonts = await fontsSettled(page);
  const requested = await fontRequests(page);
  assert.deepEqual(fonts.packs, []);
  assert.equal(fonts.unshown, 0);
  assert.deepEqual(requested.filter((f) => f.startsWith('packs')), [], 'no pack and no pack list on the default page');
  // The page's own two fonts, downloaded once each: the engine's bytes also serve the page's text (FontFace).
  assert.deepEqual(requested.filter((f) => f.startsWith('Nanum')).sort(), ['NanumGothic-subset.ttf', 'NanumGothicBold-subset.ttf']);
  assert.ok(await page.evaluate(() => document.fonts.check('15px "Nanum Gothic Subset"', '북촌')), 'the page text has the font');
  // The page's font is cut for English and the data: the Korean UI's other syllables come with its strings
  // (assets/fonts/lang/ko*.ttf, fetched then and only then), never from the 1.3 MB Hangul pack, never as boxes.
  assert.deepEqual(requested.filter((f) => f.startsWith('lang/')), [], 'the English page fetches no language glyphs');
  await page.evaluate(() => window.viewer.setLanguage('ko'));
  const ko = await fontsSettled(page);
  assert.equal(ko.unshown, 0, `unshown in Korean: ${ko.unshownSample}`);
  assert.deepEqual(ko.packs, [], 'no fallback pack for the Korean UI');
  assert.deepEqual((await fontRequests(page)).filter((f) => f.startsWith('lang/') || f.startsWith('packs')).sort(),
                   ['lang/ko-bold.ttf', 'lang/ko.ttf']);
  assert.deepEqual(problems, []);
  await page.close();
});

test('names in Polish, Greek, Mongolian, Japanese, Vietnamese, rare Hangul, Hebrew, Chinese and Arabic are drawn; an emoji is reported', async () => {
  const { page, problems } = await openPage(browser, `${server.url}?data=/fixtures/world.csv`);
  await waitReady(page);
  const fonts = await fontsSettled(page);
  const requested = await fontRequests(page);
  assert.deepEqual([...fonts.packs].sort(), [
    'packs/arabic-bold.ttf', 'packs/arabic.ttf', 'packs/cjk-common.ttf', 'packs/hangul-bold.ttf', 'packs/hangul.ttf',
    'packs/world-bold.ttf', 'packs/world.ttf',
  ], 'the four packs these names need, and no rarer CJK slice');
  // The Hebrew and Arabic names' clusters are drawn from the shaper's images, none with a glyph the font lacks.
  await page.evaluate(() => window.viewer.select('W-9'));
  await page.waitForFunction(() => window.viewer.getState().fonts.shaped > 10, null, { timeout: 10000 });
  assert.equal((await fontsSettled(page)).notdef, 0);
  assert.ok(requested.includes('packs.json'), `the pack list is fetched once something is missing: ${requested}`);
  assert.equal(fonts.unshown, NO_FONT.length, `only the emoji is unshown: ${fonts.unshownSample}`);
  assert.equal(fonts.unshownSample, NO_FONT.join(' '));
  assert.equal(fonts.problem, null);
  // And the page says so, not only the state.
  await page.locator('.bk-banner.bk-notice').waitFor({ state: 'visible' });
  assert.match(await page.locator('.bk-banner .bk-text').textContent(), /U\+1F6B2/);
  // The panels draw with the merged fonts: select a Japanese-named site and the viewer keeps running.
  await page.evaluate(() => window.viewer.select('W-4'));
  const s = await page.evaluate(() => window.viewer.getState());
  assert.equal(s.selected, 'W-4');
  assert.equal(s.error, null);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a pack that cannot be fetched leaves its characters unshown, says why, and breaks nothing', async () => {
  const { page, problems } = await openPage(browser, `${server.url}?data=/fixtures/world.csv`);
  await page.route('**/assets/fonts/packs/cjk-common.ttf', (route) => route.fulfill({ status: 503, body: 'busy' }));
  await waitReady(page);
  const fonts = await fontsSettled(page);
  assert.match(fonts.problem, /cjk-common\.ttf: HTTP 503/);
  assert.ok(fonts.packs.includes('packs/world.ttf') && fonts.packs.includes('packs/hangul.ttf'));
  // 東京駅 丸の内口 上海 外滩 北京路: 13 distinct ideographs and kana, plus the emoji.
  assert.equal(fonts.unshown, 13 + NO_FONT.length);
  const s = await page.evaluate(() => window.viewer.getState());
  assert.equal(s.error, null, 'a missing font is not a data error');
  assert.equal(s.sensors, SITES.length);
  await page.evaluate(() => window.viewer.play());
  await page.waitForTimeout(300);
  assert.ok((await page.evaluate(() => window.viewer.getState().timeMs)) > s.timeMs, 'the replay goes on');
  assert.deepEqual(problems.filter((p) => !/cjk-common|503/.test(p)), []);
  await page.close();
});
