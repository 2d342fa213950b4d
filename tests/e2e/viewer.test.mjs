// viewer.test.mjs — the default Bukchon page in real Chromium: loads, draws map and sensors, plays, seeks, clicks.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { colorShare, decodePng, differingShare, distinctColors } from './png.mjs';
import { launchBrowser, openPage, startServer, waitFrames, waitReady } from './harness.mjs';

let server, browser, page, problems;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, server.url));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('default Bukchon page', () => {
  test('viewer.ready resolves with the simulated week loaded', async () => {
    const s = await waitReady(page);
    assert.equal(s.error, null);
    assert.equal(s.sensors, 50);
    assert.ok(s.readings > 200000, `readings: ${s.readings}`);
    assert.equal(s.simulated, true);
    assert.equal(s.endMs - s.startMs, 7 * 24 * 3600 * 1000);
    assert.equal(s.startMs, Date.parse('2026-05-11T00:00:00+09:00'));
    assert.equal(s.playing, false);
    assert.equal(await page.locator('.bk-loading').isHidden(), true, 'the loading card goes away');
  });

  test('the first picture shows the map and the sensors, with Hangul-capable fonts', async () => {
    await page.evaluate(() => window.viewer.seek('2026-05-11T12:00:00+09:00'));  // daylight: the paper palette
    await waitFrames(page);
    const img = decodePng(await page.screenshot());
    assert.ok(distinctColors(img) > 200, `a rich picture, not a blank canvas (${distinctColors(img)} colours)`);
    const map = { x: 300, y: 100, w: 680, h: 480 };  // the middle of the window, clear of panels
    // Basemap: paper background, palace grounds and hanok blocks are all there.
    assert.ok(colorShare(img, [239, 234, 224], 3, map) > 0.05, 'paper background');
    assert.ok(colorShare(img, [228, 219, 199], 3) + colorShare(img, [236, 226, 204], 3) > 0.02, 'palace grounds and their sand courtyards');
    assert.ok(colorShare(img, [221, 210, 192], 3, map) > 0.02, 'city blocks (the hanok fabric)');
    // Sensors: air-quality blue and the bin/parking blue-green appear in the map area.
    assert.ok(colorShare(img, [52, 113, 190], 10, map) > 0.0005, 'air quality glyphs');
    assert.ok(colorShare(img, [47, 128, 110], 10, map) > 0.0005, 'bin/parking/noise glyphs');
    const fonts = await page.evaluate(() => document.fonts.check('16px "Nanum Gothic Subset"', '북촌'));
    assert.equal(fonts, true, 'the page font covers Hangul');
  });

  test('at night the basemap turns ink-blue', async () => {
    const s = await page.evaluate(() => window.viewer.seek('2026-05-12T02:00:00+09:00'));
    assert.equal(s.night, 1);
    await waitFrames(page);
    const img = decodePng(await page.screenshot());
    const map = { x: 400, y: 100, w: 480, h: 480 };
    assert.ok(colorShare(img, [20, 26, 40], 4, map) > 0.05, 'night background');
    assert.ok(colorShare(img, [239, 234, 224], 3, map) < 0.001, 'no daylight paper left');
    assert.equal((await page.evaluate(() => window.viewer.seek('2026-05-12T12:00:00+09:00'))).night, 0);
  });

  test('2 s of play at 600x advances replay time by about 1200 s', async () => {
    const { replayS, realS, frameS, stalls } = await page.evaluate(async () => {
      const v = window.viewer;
      v.seek('2026-05-12T08:00:00+09:00');
      v.setSpeed(600);
      // The clock advances by each frame's elapsed time, a step capped at 250 ms (a stalled tab must not jump the
      // replay): the frames' own times say what it should have seen, whatever else the machine is doing.
      const times = [];
      let running = true;
      const tick = (t) => { times.push(t); if (running) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      await new Promise((ok) => requestAnimationFrame(ok));
      const t0 = v.play().timeMs, r0 = performance.now();
      await new Promise((ok) => setTimeout(ok, 2000));
      const t1 = v.pause().timeMs, r1 = performance.now();
      running = false;
      let frame = 0, stalled = 0;
      for (let i = 1; i < times.length; i++) {
        const dt = times[i] - times[i - 1];
        if (times[i] < r0 || times[i - 1] > r1) continue;
        frame += Math.min(dt, 250);
        if (dt > 250) stalled++;
      }
      return { replayS: (t1 - t0) / 1000, realS: (r1 - r0) / 1000, frameS: frame / 1000, stalls: stalled };
    });
    // The clock runs on frame times; allow a frame or two either side of the measures.
    assert.ok(Math.abs(replayS - frameS * 600) < 150, `replay ${replayS.toFixed(1)} s vs frames ${frameS.toFixed(3)} s × 600`);
    if (stalls === 0) {
      assert.ok(Math.abs(replayS - 1200) < 180, `replay advanced ${replayS.toFixed(1)} s in ${realS.toFixed(2)} s`);
      assert.ok(Math.abs(replayS - realS * 600) < 150, `replay ${replayS.toFixed(1)} s vs real ${realS.toFixed(3)} s × 600`);
    }
  });

  test('seek lands exactly, by ISO time or by milliseconds, and clamps to the recording', async () => {
    const r = await page.evaluate(() => {
      const v = window.viewer;
      const a = v.seek('2026-05-13T12:34:56+09:00').timeMs;
      const b = v.seek(Date.parse('2026-05-14T03:00:00Z')).timeMs;
      const c = v.seek('2020-01-01T00:00:00Z').timeMs;
      let error = null;
      try { v.seek('next tuesday'); } catch (e) { error = e.message; }
      return { a, b, c, start: v.getState().startMs, error };
    });
    assert.equal(r.a, Date.parse('2026-05-13T12:34:56+09:00'));
    assert.equal(r.b, Date.parse('2026-05-14T03:00:00Z'));
    assert.equal(r.c, r.start);
    assert.match(r.error, /ISO 8601/);
  });

  test('different replay times draw different pictures', async () => {
    await page.evaluate(() => window.viewer.seek('2026-05-16T03:00:00+09:00'));  // Saturday night
    await waitFrames(page);
    const night = decodePng(await page.screenshot());
    await page.evaluate(() => window.viewer.seek('2026-05-16T14:00:00+09:00'));  // Saturday afternoon
    await waitFrames(page);
    const noon = decodePng(await page.screenshot());
    assert.ok(differingShare(night, noon) > 0.002, `glyphs change with time (${(differingShare(night, noon) * 100).toFixed(2)}% of pixels)`);
  });

  test('the play button in the timeline plays and pauses; the speed buttons set the speed', async () => {
    await page.evaluate(() => window.viewer.pause());
    await waitFrames(page, 2);
    await page.mouse.click(48, 674);  // the round play button, bottom left
    await waitFrames(page, 2);
    assert.equal(await page.evaluate(() => window.viewer.getState().playing), true);
    await page.mouse.click(48, 674);
    await waitFrames(page, 2);
    assert.equal(await page.evaluate(() => window.viewer.getState().playing), false);
  });

  test('hovering a sensor and clicking it selects it', async () => {
    const target = await page.evaluate(() => window.viewer.screenPositionOf('AIR-03'));
    assert.ok(target && target.x > 0 && target.y > 0, 'the API tells where a sensor is on screen');
    await page.mouse.move(target.x, target.y);
    await waitFrames(page, 2);
    await page.mouse.click(target.x, target.y);
    await waitFrames(page, 2);
    const s = await page.evaluate(() => window.viewer.getState());
    assert.equal(s.selected, 'AIR-03');
  });

  test('dragging pans the map and the wheel zooms it', async () => {
    await waitFrames(page);
    const before = decodePng(await page.screenshot());
    await page.mouse.move(640, 300);
    await page.mouse.down();
    await page.mouse.move(540, 260, { steps: 5 });
    await page.mouse.up();
    await waitFrames(page);
    const panned = decodePng(await page.screenshot());
    assert.ok(differingShare(before, panned) > 0.05, 'the map moved');
    const v0 = await page.evaluate(() => window.viewer.getState().view);
    await page.mouse.move(640, 360);
    await page.mouse.wheel(0, -300);
    await waitFrames(page);
    const v1 = await page.evaluate(() => window.viewer.getState().view);
    assert.ok(Math.abs(v1.zoom - v0.zoom - 1) < 0.05, `300 px of wheel up zooms in one level (${v0.zoom.toFixed(2)} → ${v1.zoom.toFixed(2)})`);
    await page.evaluate(() => window.viewer.resetView());
  });

  test('no console errors or uncaught exceptions', () => {
    assert.deepEqual(problems, []);
  });
});
