// compare.test.mjs — the compare view in the page: t2= and compare= in the URL, viewer.compare() and showPane(),
// two moments give different pixels on the panes' halves (one moment gives the same), the policy what-if, a story
// step that opens a comparison, the PNG export of both panes, a refused argument, and axe-core on the compare view.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations } from './axe.mjs';
import { launchBrowser, openPage, startServer, waitFrames, waitReady } from './harness.mjs';
import { decodePng } from './png.mjs';

const SAT = '2026-05-16T14:00:00%2B09:00', TUE = '2026-05-12T14:00:00%2B09:00';
const STORY = JSON.stringify({ steps: [
  { t: '2026-05-16T14:00:00+09:00', speed: 60, play: false, duration_s: 30, compare: { by: 'policy' },
    caption: { en: 'Fixed rounds beside emptying when full.', ko: '정기 수거와 가득 찰 때 수거.' } },
  { t: '2026-05-16T15:00:00+09:00', speed: 60, play: false, duration_s: 30, caption: { en: 'One map again.', ko: '다시 한 지도.' } },
] });

let server, browser;
before(async () => {
  server = await startServer(undefined, new Map([['/compare-story.json', STORY]]));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// Mean absolute difference (0…255) between the same rectangle of the two panes (CSS px, at 1× the canvas's px).
function halvesDiffer(png, panes, rect) {
  const [a, b] = panes;
  let sum = 0, n = 0;
  for (let y = rect.y; y < rect.y + rect.h; ++y)
    for (let x = rect.x; x < rect.x + rect.w; ++x) {
      const i = (y * png.width + a.rect.x + x) * 4, j = (y * png.width + b.rect.x + x) * 4;
      for (let c = 0; c < 3; ++c) sum += Math.abs(png.pixels[i + c] - png.pixels[j + c]);
      n += 3;
    }
  return sum / n;
}

async function shot(page) {
  await waitFrames(page, 4);
  return decodePng(await page.screenshot());
}

describe('compare view', () => {
  test('t2= opens two panes at their own moments; the same moment twice gives the same pixels, two give different ones', async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}?t=${SAT}&t2=${TUE}`);
    await waitReady(page);
    let s = await page.evaluate(() => window.viewer.getState());
    assert.equal(s.compare.by, 'time');
    assert.equal(s.compare.panes[0].time, '2026-05-16T14:00:00+09:00');
    assert.equal(s.compare.panes[1].time, '2026-05-12T14:00:00+09:00');
    // two equal panes left of the legend's column (layout.cpp)
    assert.equal(s.compare.panes[1].rect.x, s.compare.panes[0].rect.w + 2);
    assert.equal(s.compare.panes[1].rect.w, s.compare.panes[0].rect.w);
    assert.ok(s.compare.panes[1].rect.x + s.compare.panes[1].rect.w <= s.panels.legend.x);
    const region = { x: 16, y: 300, w: 280, h: 260 };  // below the title cards, clear of the legend and the scale bar
    const different = halvesDiffer(await shot(page), s.compare.panes, region);
    // The same moment in both panes: the halves are the same picture.
    s = await page.evaluate(() => window.viewer.compare({ offsetMs: 0 }));
    assert.equal(s.compare.panes[1].time, s.compare.panes[0].time);
    const same = halvesDiffer(await shot(page), s.compare.panes, region);
    assert.ok(same < 0.5, `same moment, halves differ by ${same}`);
    assert.ok(different > 3 * same + 2, `Saturday beside Tuesday differs by ${different}, the same moment by ${same}`);
    // Playing plays both in step; pan and zoom move both (one camera).
    s = await page.evaluate(() => window.viewer.compare({ t2: '2026-05-12T14:00:00+09:00' }));
    const zoom = s.view.zoom;
    await page.evaluate(() => { window.viewer.setSpeed(3600); window.viewer.play(); });
    await page.waitForTimeout(1000);
    s = await page.evaluate(() => { window.viewer.pause(); return window.viewer.getState(); });
    assert.ok(s.compare.panes[0].timeMs > Date.parse('2026-05-16T14:10:00+09:00'));
    assert.equal(s.compare.panes[0].timeMs - s.compare.panes[1].timeMs, 4 * 86400000);
    await page.mouse.move(900, 420);
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(300);
    s = await page.evaluate(() => window.viewer.getState());
    assert.ok(s.view.zoom > zoom + 0.5, `a wheel over the second pane zooms the one camera (${zoom} → ${s.view.zoom})`);
    // A refused argument says why, and the comparison stays.
    const refused = await page.evaluate(() => { try { window.viewer.compare({ t2: 'next Tuesday' }); return ''; } catch (e) { return e.message; } });
    assert.equal(refused, 'compare: t2 must be milliseconds or an ISO 8601 time with offset, got "next Tuesday"');
    assert.equal((await page.evaluate(() => window.viewer.getState())).compare.by, 'time');
    // The PNG export has both panes side by side at the canvas's size.
    const png = decodePng(Buffer.from(await page.evaluate(async () => {
      const blob = await window.viewer.screenshot();
      return [...new Uint8Array(await blob.arrayBuffer())];
    })));
    assert.equal(png.width, 1280);
    assert.equal(png.height, 720);
    assert.ok(halvesDiffer(png, s.compare.panes, region) > 2, 'the exported PNG shows two different panes');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('compare=policy puts the fixed-rounds what-if beside the recorded collection, in Korean too', async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}?t=${SAT}&compare=policy&lang=ko`);
    await waitReady(page);
    const s = await page.evaluate(() => window.viewer.getState());
    assert.equal(s.compare.by, 'policy');
    assert.deepEqual(s.compare.panes.map((p) => p.policy), ['recorded', 'fixed']);
    assert.deepEqual(s.compare.panes[1].today, { trips: 1, binsEmptied: 12, km: s.collection.today.fixed.km, overflows: 0 });
    assert.equal(s.compare.panes[0].today.trips, s.collection.today.fillDriven.trips);
    assert.ok(halvesDiffer(await shot(page), s.compare.panes, { x: 16, y: 300, w: 280, h: 260 }) > 1,
      'the what-if pane shows other bin levels and the round');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the timeline\'s Compare menu opens the policy comparison; the title card\'s close button closes it', async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}?t=${SAT}`);
    await waitReady(page);
    // ImGui sees a click when the press and the release fall in different frames.
    const click = async (x, y) => {
      await page.mouse.move(x, y);
      await waitFrames(page, 2);
      await page.mouse.down();
      await waitFrames(page, 2);
      await page.mouse.up();
      await waitFrames(page, 2);
    };
    const tl = (await page.evaluate(() => window.viewer.getState())).panels.timeline;
    await click(tl.x + tl.w - 50, tl.y + tl.h / 2);     // "Compare", the row's last control
    await click(tl.x + tl.w - 160, tl.y - 14);          // its menu opens above it: the last item, fixed rounds
    let s = await page.evaluate(() => window.viewer.getState());
    assert.equal(s.compare.by, 'policy');
    const card = s.panels.paneTitles[0];
    await click(card.x + card.w - 26, card.y + 24);     // the first card's close button
    s = await page.evaluate(() => window.viewer.getState());
    assert.equal(s.compare.by, 'off');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a phone shows one pane with a switch', async () => {
    const { page, context } = await openPage(browser, `${server.url}?t=${SAT}&compare=policy`, { width: 390, height: 844, deviceScaleFactor: 2 });
    await waitReady(page);
    let s = await page.evaluate(() => window.viewer.getState());
    assert.equal(s.compare.switch, true);
    assert.deepEqual(s.compare.panes.map((p) => p.shown), [true, false]);
    const a = await shot(page);
    s = await page.evaluate(() => window.viewer.showPane('B'));
    assert.deepEqual(s.compare.panes.map((p) => p.shown), [false, true]);
    const b = await shot(page);
    let changed = 0;
    for (let i = 0; i < a.pixels.length; i += 4) changed += a.pixels[i] !== b.pixels[i] || a.pixels[i + 1] !== b.pixels[i + 1];
    assert.ok(changed > 2000, `switching to B changes the picture (${changed} px)`);
    await context.close();
  });

  test('a story step opens a comparison, and the next step closes it', async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}?story=compare-story.json`);
    await waitReady(page);
    await page.evaluate(() => window.viewer.story.start());
    let s = await page.evaluate(() => window.viewer.getState());
    assert.equal(s.compare.by, 'policy');
    assert.equal(s.time, '2026-05-16T14:00:00+09:00');
    await page.evaluate(() => window.viewer.story.next());
    s = await page.evaluate(() => window.viewer.getState());
    assert.equal(s.compare.by, 'off');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
