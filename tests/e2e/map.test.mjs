// map.test.mjs — the real basemap on screen: hundreds of OpenStreetMap streets, their names along them (Korean in
// lang=ko, no tofu), the attribution on screen and in an exported PNG, the truck's walk counted apart.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePng } from './png.mjs';
import { launchBrowser, openPage, startServer, waitFrames, waitReady } from './harness.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const open = async (query = '') => {
  const { page, problems } = await openPage(browser, server.url + query);
  await waitReady(page);
  return { page, problems };
};
const state = (page) => page.evaluate(() => window.viewer.getState());
// Ink pixels (dark text on the light day map) inside a rectangle of a decoded PNG.
const inkIn = (img, r) => {
  let n = 0;
  for (let y = Math.floor(r.y); y < Math.floor(r.y + r.h); y++)
    for (let x = Math.floor(r.x); x < Math.floor(r.x + r.w); x++) {
      const i = (y * img.width + x) * 4;
      if (img.pixels[i] + img.pixels[i + 1] + img.pixels[i + 2] < 3 * 140) n++;
    }
  return n;
};

describe('the OpenStreetMap basemap', () => {
  test('the default page draws hundreds of real streets and credits OpenStreetMap', async () => {
    const { page, problems } = await open();
    await page.evaluate(() => window.viewer.seek('2026-05-16T14:00:00+09:00'));
    await waitFrames(page, 3);
    const s = await state(page);
    assert.equal(s.basemap, 'map');
    assert.ok(s.map.streets > 1000, `streets drawn: ${s.map.streets}`);
    assert.ok(s.map.streetNames > 100, `named streets: ${s.map.streetNames}`);
    assert.equal(s.map.attribution, '© OpenStreetMap contributors');
    const r = s.labels.attribution;
    assert.ok(r.w > 60 && r.h > 8, `attribution drawn: ${JSON.stringify(r)}`);
    const shot = decodePng(await page.screenshot());
    assert.ok(inkIn(shot, r) > 40, 'the attribution text is on screen');
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  test('street names follow their streets at street level, in Korean with lang=ko, without tofu', async () => {
    for (const lang of ['en', 'ko']) {
      const { page, problems } = await open(`?lang=${lang}`);
      await page.evaluate(() => window.viewer.seek('2026-05-16T14:00:00+09:00'));
      await page.evaluate(() => window.viewer.flyTo(37.5800, 126.9870, 17, { animate: false }));
      await waitFrames(page, 4);
      const s = await state(page);
      assert.ok(s.labels.streets >= 3, `${lang}: street labels placed: ${s.labels.streets}`);
      assert.equal(s.fonts.unshown, 0, `${lang}: characters without a glyph: ${s.fonts.unshownSample}`);
      assert.deepEqual(problems, []);
      await page.context().close();
    }
  });

  test('the attribution is in an exported PNG, at 1x and 2x', async () => {
    const { page } = await open();
    await page.evaluate(() => window.viewer.seek('2026-05-16T14:00:00+09:00'));
    await waitFrames(page, 3);
    const r = (await state(page)).labels.attribution;
    for (const scale of [1, 2]) {
      const b64 = await page.evaluate(async (scale) => {
        const blob = await window.viewer.screenshot({ scale });
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let s = '';
        for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(s);
      }, scale);
      const img = decodePng(Buffer.from(b64, 'base64'));
      const k = img.width / (await page.evaluate(() => document.querySelector('canvas').width));
      const rect = { x: r.x * k, y: r.y * k, w: r.w * k, h: r.h * k };
      assert.ok(inkIn(img, rect) > 40 * scale, `the credit is in the ${scale}x export`);
    }
    await page.context().close();
  });

  test('the truck keeps to the streets and the walk to alley bins is counted apart', async () => {
    const { page } = await open();
    const s = await state(page);
    assert.ok(s.collection.week.fillDriven.km > 5, JSON.stringify(s.collection.week));
    assert.ok(s.collection.week.fixed.walkKm > 0, 'bins on pedestrian alleys are walked to');
    await page.context().close();
  });

  test('while the camera moves the map is still drawn whole (a draft differs from the still frame only at edges)', async () => {
    const { page } = await open('?t=2026-05-16T14:00:00%2B09:00');
    await page.evaluate(() => window.viewer.pause());
    // Frames drawn in motion (single-sampled drafts) against the same view drawn still (every sample).
    const r = await page.evaluate(() => new Promise((resolve) => {
      const gl = document.querySelector('.bk-viewer canvas').getContext('webgl2');
      const grab = () => { const px = new Uint8Array(300 * 200 * 4); gl.readPixels(500, 300, 300, 200, gl.RGBA, gl.UNSIGNED_BYTE, px); return px; };
      let f = 0, draft = null;
      const step = () => {
        const a = f % 2 === 0;
        window.viewer.flyTo(37.5815, a ? 126.9855 : 126.98552, 17, { animate: false });
        requestAnimationFrame(() => {
          if (a && f === 8) draft = grab();
          if (++f < 10) return step();
          window.viewer.flyTo(37.5815, 126.9855, 17, { animate: false });
          let k = 0;
          const still = () => {
            if (++k < 6) return requestAnimationFrame(still);
            const s = grab();
            let far = 0, mapPixels = 0;
            for (let i = 0; i < s.length; i += 4) {
              const d = Math.abs(s[i] - draft[i]) + Math.abs(s[i + 1] - draft[i + 1]) + Math.abs(s[i + 2] - draft[i + 2]);
              if (d > 60) far++;
              if (s[i] + s[i + 1] + s[i + 2] > 0) mapPixels++;
            }
            resolve({ far: far / (s.length / 4), mapPixels: mapPixels / (s.length / 4) });
          };
          requestAnimationFrame(still);
        });
      };
      step();
    }));
    assert.ok(r.mapPixels > 0.99, 'the still frame is drawn');
    assert.ok(r.far < 0.05, `a frame in motion differs from the still one only at edges: ${(r.far * 100).toFixed(1)} % of pixels`);
    await page.context().close();
  });
});
