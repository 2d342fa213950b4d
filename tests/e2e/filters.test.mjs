// filters.test.mjs — filters on what the data says, in real Chromium: the filter= URL parameter, setFilter() and
// clearing it, a refused filter, and the legend's chips (a click removes a clause): fewer glyphs, KPIs of the rest.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePng, differingShare } from './png.mjs';
import { launchBrowser, openPage, startServer, waitFrames, waitReady } from './harness.mjs';

const NOON = 't=2026-05-13T12:00:00%2B09:00&detail=glyphs';
const CHIP = [214, 234, 226];  // kFilterChipFill (src/ui/filter_chips.hpp)

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(query) {
  const opened = await openPage(browser, `${server.url}?${query}`);
  await waitReady(opened.page);
  await waitFrames(opened.page, 4);
  return opened;
}
const state = (page) => page.evaluate(() => window.viewer.getState());
const shot = async (page) => decodePng(await page.screenshot());

// The chips inside `rect` (CSS px at 1×): runs of rows holding the chip colour, each as its centre {x, y}, top first.
function chipsIn(img, rect) {
  const runs = [];
  for (let y = Math.floor(rect.y); y < rect.y + rect.h; ++y) {
    const xs = [];
    for (let x = Math.floor(rect.x); x < rect.x + rect.w; ++x) {
      const i = (y * img.width + x) * 4, p = img.pixels;
      if (Math.abs(p[i] - CHIP[0]) + Math.abs(p[i + 1] - CHIP[1]) + Math.abs(p[i + 2] - CHIP[2]) <= 3) xs.push(x);
    }
    if (xs.length < 8) continue;
    const last = runs[runs.length - 1];
    if (last && y - last.y1 <= 2) last.y1 = y, last.xs.push(...xs);
    else runs.push({ y0: y, y1: y, xs: [...xs] });
  }
  return runs.filter((r) => r.y1 - r.y0 >= 6)
    .map((r) => ({ x: r.xs.reduce((a, b) => a + b) / r.xs.length, y: (r.y0 + r.y1) / 2 }));
}

describe('filters', () => {
  let plain, plainState, plainImg;
  before(async () => {
    plain = await open(NOON);
    plainState = await state(plain.page);
    plainImg = await shot(plain.page);
  });

  test('filter= in the URL draws fewer glyphs and the KPIs count the filtered set', async () => {
    assert.equal(plainState.filter.text, '');
    assert.equal(plainState.filter.passing, 50);
    assert.equal(plainState.kpis.filtered, false);
    const { page, problems } = await open(`${NOON}&filter=bin:fill%3E%3D80`);
    const s = await state(page);
    assert.deepEqual(s.urlProblems, []);
    assert.equal(s.filter.text, 'bin:fill>=80');
    assert.deepEqual(s.filter.clauses.map((c) => [c.layer, c.metric, c.op, c.value]), [['bin', 'fill', '>=', 80]]);
    const binsKept = plainState.kpis.binsOver80;
    assert.ok(binsKept < 12, `some bins are under 80 % at noon (${binsKept} of 12 are not)`);
    assert.equal(s.filter.hidden, 12 - binsKept, 'the bins under 80 % are hidden');
    assert.equal(s.kpis.filtered, true);
    assert.equal(s.kpis.sensorsCounted, 50 - (12 - binsKept));
    assert.equal(s.kpis.bins, binsKept, 'only the passing bins are counted');
    assert.equal(s.kpis.binsOver80, binsKept);
    const img = await shot(page);
    assert.ok(differingShare(plainImg, img) > 0.0005, 'the picture changed where bins were');
    assert.ok(differingShare(plainImg, img) < 0.2, 'and only there (plus the panels)');
    await page.close();
    assert.deepEqual(problems, []);
  });

  test('setFilter() filters, clearing it restores everything', async () => {
    const { page } = plain;
    const s = await page.evaluate(() => window.viewer.setFilter(['parking:hide', 'air:pm25>=bad']));
    assert.equal(s.filter.text, 'parking:hide,air:pm25>=bad');
    assert.ok(s.filter.hidden >= 10, `the 10 parking sensors and more are hidden (${s.filter.hidden})`);
    assert.equal(s.kpis.parkingOccupancyPct, null, 'no parking counted');
    assert.equal(s.kpis.filtered, true);
    await waitFrames(page, 3);
    assert.ok(differingShare(plainImg, await shot(page)) > 0.001, 'the parking glyphs are gone');
    const cleared = await page.evaluate(() => window.viewer.setFilter(null));
    assert.equal(cleared.filter.text, '');
    assert.equal(cleared.filter.passing, 50);
    assert.equal(cleared.kpis.filtered, false);
    assert.deepEqual(cleared.kpis, plainState.kpis, 'the KPIs are back as they were');
  });

  test('a bad filter is refused with the core\'s message and the page keeps working', async () => {
    const { page } = plain;
    await page.evaluate(() => window.viewer.setFilter('bin:fill>=80'));
    const error = await page.evaluate(() => {
      try { window.viewer.setFilter('noise:noise>>55'); return null; } catch (e) { return `${e.name}: ${e.message}`; }
    });
    assert.equal(error, 'TypeError: setFilter: clause 1 "noise:noise>>55": expected a number or a PM band (good, ' +
                        'moderate, bad, verybad) after >, got ">55"');
    const s = await page.evaluate(() => window.viewer.seek('2026-05-13T13:00:00+09:00'));
    assert.equal(s.filter.text, 'bin:fill>=80', 'the filter in force stays');
    assert.equal(s.time, '2026-05-13T13:00:00+09:00');
    await page.evaluate(() => window.viewer.setFilter(''));
    // In the URL: left out whole, with the message on the page.
    const { page: other } = await open(`${NOON}&filter=bin:fill%3E%3D80,noise:loud`);
    const o = await state(other);
    assert.equal(o.filter.text, '');
    assert.equal(o.urlProblems.length, 1);
    assert.match(o.urlProblems[0], /^URL parameter filter=bin:fill>=80,noise:loud: clause 2 "noise:loud": expected a condition/);
    await other.close();
  });

  // The thresholds behind the events found in the data (docs/import.md, "Changing the thresholds").
  test('events= sets the thresholds at start; setEventRules() finds the events again; a bad text is refused whole', async () => {
    assert.equal(plainState.eventRules.text, '');
    const { page, problems } = await open(`${NOON}&events=pm25%3D5/10/20,bin.full=60`);
    let s = await state(page);
    assert.equal(s.eventRules.text, 'bin.full=60,pm25=5/10/20');
    assert.equal(s.eventRules.binFullPct, 60);
    assert.ok(s.events > plainState.events, `stricter air bands and an earlier full find more events: ${s.events} vs ${plainState.events}`);
    s = await page.evaluate(() => window.viewer.setEventRules(null));
    assert.equal(s.eventRules.text, '');
    assert.equal(s.events, plainState.events, 'the defaults find the same events as a page opened without events=');
    assert.equal(s.kpis.binsOver80, plainState.kpis.binsOver80);
    const error = await page.evaluate(() => {
      try { window.viewer.setEventRules('noise.night=5'); return null; } catch (e) { return String(e); }
    });
    assert.equal(error, 'TypeError: setEventRules: noise.night: expected decibels from 20 to 140, got "5"');
    assert.deepEqual(problems, []);
    await page.close();
    const { page: other } = await open(`${NOON}&events=pm25=50/25/15`);
    const o = await state(other);
    assert.equal(o.eventRules.text, '');
    assert.equal(o.events, plainState.events);
    assert.deepEqual(o.urlProblems, ['URL parameter events=pm25=50/25/15: pm25: expected three rising limits in µg/m³ ' +
                                     'as A/B/C ("15/35/75"), got "50/25/15" (the default thresholds apply)']);
    await other.close();
  });

  test('a click on a legend chip removes its clause', async () => {
    const { page } = plain;
    await page.evaluate(() => window.viewer.setFilter('bin:fill>=80,*:alert'));
    await waitFrames(page, 4);
    const legend = (await state(page)).panels.legend;
    let chips = chipsIn(await shot(page), legend);
    assert.equal(chips.length, 2, `two chips: "in alert" by the title, "fill ≥ 80%" in the bins' row (${JSON.stringify(chips)})`);
    await page.mouse.move(chips[0].x, chips[0].y);
    await waitFrames(page, 2);
    await page.mouse.click(chips[0].x, chips[0].y);  // the every-type one, top
    await waitFrames(page, 3);
    assert.equal((await state(page)).filter.text, 'bin:fill>=80');
    chips = chipsIn(await shot(page), legend);
    assert.equal(chips.length, 1);
    await page.mouse.move(chips[0].x, chips[0].y);
    await waitFrames(page, 2);
    await page.mouse.click(chips[0].x, chips[0].y);
    await waitFrames(page, 3);
    const s = await state(page);
    assert.equal(s.filter.text, '');
    assert.ok(s.layers.includes('bin'), 'the click removed the chip, it did not toggle the layer');
    assert.deepEqual(plain.problems, []);
  });
});
