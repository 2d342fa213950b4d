// bukchon.test.mjs — the trial's story on screen: KPIs follow replay time, sensor panel, event feed, layers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePng, differingShare } from './png.mjs';
import { launchBrowser, openPage, startServer, waitFrames, waitReady } from './harness.mjs';

let server, browser, page, problems;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, server.url));
  await waitReady(page);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const state = () => page.evaluate(() => window.viewer.getState());
const seek = (t) => page.evaluate((x) => window.viewer.seek(x), t);
const crop = (img, r) => {
  const out = { width: Math.round(r.w), height: Math.round(r.h), pixels: new Uint8Array(Math.round(r.w) * Math.round(r.h) * 4) };
  for (let y = 0; y < out.height; y++) {
    const src = ((Math.round(r.y) + y) * img.width + Math.round(r.x)) * 4;
    out.pixels.set(img.pixels.subarray(src, src + out.width * 4), y * out.width * 4);
  }
  return out;
};

describe('the Bukchon week', () => {
  test('state lists the sensors and the KPIs', async () => {
    const s = await state();
    assert.equal(s.sensorIds.length, 50);
    assert.ok(s.sensorIds.includes('BIN-01') && s.sensorIds.includes('FIRE-06'));
    for (const key of ['binsOver80', 'overflowsToday', 'parkingOccupancyPct', 'illegalStopsToday', 'noiseViolationsToday', 'pm25MaxToday', 'activeAlarms']) {
      assert.ok(key in s.kpis, `kpis.${key}`);
    }
  });

  test('KPIs follow replay time: a quiet night, a busy Saturday, the bad-air day, the fire alarm', async () => {
    const night = (await seek('2026-05-13T04:00:00+09:00')).kpis;
    const wednesday = (await seek('2026-05-13T16:00:00+09:00')).kpis;
    const saturday = (await seek('2026-05-16T16:00:00+09:00')).kpis;
    const alarm = (await seek('2026-05-15T19:50:00+09:00')).kpis;
    assert.ok(wednesday.pm25MaxToday > 55, `bad-air Wednesday: ${wednesday.pm25MaxToday}`);
    assert.ok(night.illegalStopsToday < saturday.illegalStopsToday);
    assert.ok(saturday.noiseViolationsToday > night.noiseViolationsToday);
    assert.equal(alarm.activeAlarms, 1);
    assert.equal(saturday.activeAlarms, 0);
    assert.notDeepEqual(night, saturday);
  });

  test('clicking a sensor opens its panel', async () => {
    await seek('2026-05-16T14:00:00+09:00');
    await page.evaluate(() => window.viewer.select(null));
    await waitFrames(page);
    const s0 = await state();
    const before = decodePng(await page.screenshot());
    const p = await page.evaluate(() => window.viewer.screenPositionOf('BIN-05'));
    await page.mouse.click(p.x, p.y);
    await waitFrames(page, 3);
    const s1 = await state();
    assert.equal(s1.selected, 'BIN-05');
    const after = decodePng(await page.screenshot());
    const panel = s0.panels.sensor;
    const changed = differingShare(crop(before, { ...panel, h: 200 }), crop(after, { ...panel, h: 200 }));
    assert.ok(changed > 0.1, `the sensor card appears (${(changed * 100).toFixed(1)}% of its area changed)`);
  });

  test('clicking an event in the feed seeks to it, selects its sensor and flies there', async () => {
    await page.evaluate(() => window.viewer.select(null));
    await page.evaluate(() => window.viewer.resetView());
    await seek('2026-05-16T23:00:00+09:00');  // Saturday: the feed lists the day's collections and overflows
    await waitFrames(page, 3);
    const s0 = await state();
    const ev = s0.panels.events;
    // The first row sits under the card's title.
    await page.mouse.click(ev.x + ev.w / 2, ev.y + 58);
    await waitFrames(page, 40);  // the camera flight takes ~0.9 s
    const s1 = await state();
    assert.notEqual(s1.selected, null, 'a sensor is selected');
    assert.ok(s1.timeMs < s0.timeMs, 'time moved back to the event');
    assert.ok(s1.timeMs >= Date.parse('2026-05-16T00:00:00+09:00'), 'on the same day');
    assert.ok(s1.view.zoom > s0.view.zoom, `the camera flew in (${s0.view.zoom.toFixed(2)} → ${s1.view.zoom.toFixed(2)})`);
    const p = await page.evaluate((id) => window.viewer.screenPositionOf(id), s1.selected);
    const m = s1.panels;
    const mapMidX = (m.kpis.x + m.kpis.w + m.legend.x) / 2;
    assert.ok(Math.abs(p.x - mapMidX) < 40, `the sensor is in the middle of the map area (x ${p.x.toFixed(0)} vs ${mapMidX.toFixed(0)})`);
  });

  test('the legend toggles layers', async () => {
    await page.evaluate(() => window.viewer.resetView());
    const s0 = await state();
    assert.ok(s0.layers.includes('bin'));
    const lg = s0.panels.legend;
    await page.mouse.click(lg.x + 60, lg.y + 50);  // the first row: smart bins
    await waitFrames(page, 3);
    const s1 = await state();
    assert.ok(!s1.layers.includes('bin'), `bins hidden (${s1.layers})`);
    const p = await page.evaluate(() => window.viewer.screenPositionOf('BIN-05'));
    await page.mouse.click(p.x, p.y);
    await waitFrames(page, 2);
    assert.notEqual((await state()).selected, 'BIN-05', 'a hidden glyph cannot be clicked');
    await page.mouse.click(lg.x + 60, lg.y + 50);
    await waitFrames(page, 3);
    assert.ok((await state()).layers.includes('bin'));
  });

  test('no console errors', () => assert.deepEqual(problems, []));
});
