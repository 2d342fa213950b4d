// embedding.test.mjs — the contract for presenters and host pages: URL parameters, two viewers on a page, the
// postMessage iframe across origins, the offline single file, story mode, keys, export.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePng } from './png.mjs';
import { DIST, launchBrowser, openPage, startServer, waitFrames, waitReady } from './harness.mjs';

const twoViewers = `<!doctype html><meta charset="utf-8"><title>two</title><link rel="icon" href="data:,">
<style>.v { width: 560px; height: 400px; display: inline-block; margin: 4px; }</style>
<div id="a" class="v"></div><div id="b" class="v"></div>
<script type="module">
  import { createViewer } from '/bukchon-replay.js';
  window.viewers = Promise.all([createViewer(document.getElementById('a')), createViewer(document.getElementById('b'), { lang: 'ko' })]);
</script>`;

let server, other, otherPages, browser;
before(async () => {
  server = await startServer(DIST, new Map([['/two.html', twoViewers]]));
  // A parent page on another origin (another port) embedding the viewer in an iframe.
  const parentPage = (embedUrl) => `<!doctype html><meta charset="utf-8"><title>parent</title>
<iframe id="f" src="${embedUrl}" width="900" height="560"></iframe>
<script>
  window.received = [];
  window.addEventListener('message', (e) => window.received.push({ origin: e.origin, data: e.data }));
  window.ask = (message) => new Promise((resolve) => {
    const onReply = (e) => { if (e.data && e.data.id === message.id) { removeEventListener('message', onReply); resolve(e.data); } };
    addEventListener('message', onReply);
    document.getElementById('f').contentWindow.postMessage(message, new URL(document.getElementById('f').src).origin);
  });
</script>`;
  // The parent pages are added to this server's map once both origins are known (served, not routed: Chromium's
  // local-network checks block a routed "public" page from framing a localhost one).
  otherPages = new Map();
  other = await startServer(DIST, otherPages);
  other.parentHtml = parentPage;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await other?.close();
});

describe('URL parameters', () => {
  test('lang, t, speed, loop, layers, sensor, view, ui, palette', async () => {
    const q = '?lang=ko&t=2026-05-16T14:00:00%2B09:00&speed=600&loop=0&layers=bin,air&sensor=BIN-04' +
              '&view=37.5822,126.9852,17&ui=minimal&palette=colourblind';
    const { page, problems } = await openPage(browser, server.url + q);
    const s = await waitReady(page);
    assert.equal(s.lang, 'ko');
    assert.equal(s.timeMs, Date.parse('2026-05-16T14:00:00+09:00'));
    assert.equal(s.speed, 600);
    assert.equal(s.loop, false);
    assert.deepEqual(s.layers, ['bin', 'air']);
    assert.equal(s.selected, 'BIN-04');
    await waitFrames(page, 3);
    const v = (await page.evaluate(() => window.viewer.getState())).view;
    assert.ok(Math.abs(v.lat - 37.5822) < 0.0005 && Math.abs(v.lon - 126.9852) < 0.0005, JSON.stringify(v));
    assert.ok(Math.abs(v.zoom - 17) < 0.05, `zoom ${v.zoom}`);
    assert.equal(s.ui, 'minimal');
    assert.equal(s.palette, 'colourblind');
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  test('play=1 plays; story=1 starts the tour; kiosk=1 loops and shows its buttons', async () => {
    let { page } = await openPage(browser, `${server.url}?play=1&speed=60`);
    assert.equal((await waitReady(page)).playing, true);
    await page.context().close();
    ({ page } = await openPage(browser, `${server.url}?story=1`));
    let s = await waitReady(page);
    assert.deepEqual(s.story, { active: true, step: 0, steps: 9, caption: s.story.caption });
    assert.match(s.story.caption, /^Bukchon, Seoul: a hanok village/, 'the tour opens with what Bukchon is');
    assert.equal(await page.locator('.bk-caption').isVisible(), true);
    await page.context().close();
    ({ page } = await openPage(browser, `${server.url}?kiosk=1&loop=0`));
    s = await waitReady(page);
    assert.equal(s.kiosk, true);
    assert.equal(s.loop, true, 'a kiosk always loops');
    assert.equal(await page.locator('.bk-toolbar button:visible').count(), 2, 'full screen and the tour; no authoring');
    assert.equal(s.story.active, true, 'a kiosk opens on its tour');
    await page.mouse.click(640, 360);  // a visitor takes over …
    assert.equal((await page.evaluate(() => window.viewer.getState())).story.active, false);
    await page.context().close();
    ({ page } = await openPage(browser, `${server.url}?kiosk=1&idle=2`));
    await waitReady(page);
    await page.mouse.click(640, 360);
    assert.equal((await page.evaluate(() => window.viewer.getState())).story.active, false);
    await page.waitForFunction(() => window.viewer.getState().story.active, null, { timeout: 8000 });  // … and leaves
    await page.context().close();
  });

  test('data= loads another dataset from this origin, and refuses another origin', async () => {
    let { page } = await openPage(browser, `${server.url}?data=/assets/bukchon/`);
    assert.equal((await waitReady(page)).sensors, 50);
    await page.context().close();
    ({ page } = await openPage(browser, `${server.url}?data=${encodeURIComponent(other.url + 'assets/bukchon/')}`));
    const message = await page.evaluate(() => window.viewer.ready.then(() => 'loaded', (e) => e.message));
    assert.match(message, /not allowed by this page/);
    await page.context().close();
  });
});

describe('two viewers on one page', () => {
  test('stay independent and can be destroyed one at a time', async () => {
    const { page, problems } = await openPage(browser, server.url + 'two.html', { width: 1200, height: 500 });
    const r = await page.evaluate(async () => {
      const [a, b] = await window.viewers;
      a.seek('2026-05-12T09:00:00+09:00');
      b.seek('2026-05-14T18:00:00+09:00');
      a.play();
      a.select('BIN-01');
      await new Promise((ok) => setTimeout(ok, 500));
      const sa = a.getState(), sb = b.getState();
      b.destroy();
      await new Promise((ok) => setTimeout(ok, 300));
      const framesBefore = a.getState().frames;
      await new Promise((ok) => setTimeout(ok, 500));
      return { sa, sb, aStillDrawing: a.getState().frames > framesBefore, canvases: document.querySelectorAll('canvas').length };
    });
    assert.equal(r.sa.playing, true);
    assert.equal(r.sb.playing, false);
    assert.equal(r.sa.selected, 'BIN-01');
    assert.equal(r.sb.selected, null);
    assert.equal(r.sb.timeMs, Date.parse('2026-05-14T18:00:00+09:00'));
    assert.equal(r.sa.lang, 'en');
    assert.equal(r.sb.lang, 'ko');
    assert.ok(r.aStillDrawing, 'the other viewer keeps drawing');
    assert.equal(r.canvases, 1);
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});

describe('postMessage across origins', () => {
  test('a parent on another origin gets ready, round-trips commands; bad messages are ignored and counted', async () => {
    const parentOrigin = new URL(other.url).origin;
    const embed = `${server.url}embed.html?parents=${encodeURIComponent(parentOrigin)}`;
    otherPages.set('/parent.html', other.parentHtml(embed));
    {
      const context = await browser.newContext({ viewport: { width: 1000, height: 640 } });
      const page = await context.newPage();
      await page.goto(`${other.url}parent.html`);
      await page.waitForFunction(() => window.received.some((m) => m.data && m.data.event === 'ready'), null, { timeout: 30000 });
      const ready = await page.evaluate(() => window.received.find((m) => m.data.event === 'ready'));
      assert.equal(ready.origin, new URL(embed).origin);
      assert.equal(ready.data.state.sensors, 50);
      const seek = await page.evaluate(() => window.ask({ bukchon: 1, id: 7, cmd: 'seek', args: ['2026-05-13T12:00:00+09:00'] }));
      assert.equal(seek.ok, true);
      assert.equal(seek.state.timeMs, Date.parse('2026-05-13T12:00:00+09:00'));
      const bad = await page.evaluate(() => window.ask({ bukchon: 1, id: 8, cmd: 'setSpeed', args: [-1] }));
      assert.equal(bad.ok, false);
      assert.equal(bad.error, 'setSpeed: expected a number from 0.1 to 100000 (replay seconds per real second), got -1');
      await page.evaluate(() => {
        const f = document.getElementById('f').contentWindow, o = new URL(document.getElementById('f').src).origin;
        f.postMessage('hello', o);
        f.postMessage({ bukchon: 1, cmd: 'rm -rf' }, o);
        f.postMessage({ bukchon: 2, cmd: 'play' }, o);
        f.postMessage({ bukchon: 1, cmd: 'play', args: 'not an array' }, o);
      });
      const st = await page.evaluate(() => window.ask({ bukchon: 1, id: 9, cmd: 'getState' }));
      assert.ok(st.state.messagesIgnored >= 4, `ignored ${st.state.messagesIgnored}`);
      assert.equal(st.state.playing, false, 'no malformed message played it');
      const play = await page.evaluate(() => window.ask({ bukchon: 1, id: 10, cmd: 'play', args: [] }));
      assert.equal(play.state.playing, true);
      await page.waitForFunction(() => window.received.some((m) => m.data && m.data.event === 'time'), null, { timeout: 10000 });
      await context.close();
    }
  });

  test('a parent outside the allowlist is ignored', async () => {
    const embed = `${server.url}embed.html?parents=${encodeURIComponent('https://example.invalid')}`;
    otherPages.set('/outsider.html', other.parentHtml(embed));
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${other.url}outsider.html`);
    await page.waitForFunction(() => document.getElementById('f').contentWindow, null);
    let embedFrame;
    while (!(embedFrame = page.frames().find((f) => f.url().includes('embed.html')))) await page.waitForTimeout(50);
    await embedFrame.waitForFunction(() => window.viewer && window.viewer.getState, null, { timeout: 30000 });
    await page.evaluate(() => document.getElementById('f').contentWindow.postMessage({ bukchon: 1, id: 1, cmd: 'play' }, '*'));
    await page.waitForTimeout(300);
    assert.equal(await embedFrame.evaluate(() => window.viewer.getState().playing), false);
    await context.close();
  });
});

describe('languages', () => {
  test('switching language at runtime relabels the panels and keeps the state', async () => {
    const { page, problems } = await openPage(browser, `${server.url}?t=2026-05-16T14:00:00%2B09:00&sensor=BIN-04`);
    await waitReady(page);
    await waitFrames(page, 3);
    const en = decodePng(await page.screenshot());
    const s = await page.evaluate(() => window.viewer.setLanguage('ko'));
    assert.equal(s.lang, 'ko');
    assert.equal(s.selected, 'BIN-04');
    assert.equal(s.timeMs, Date.parse('2026-05-16T14:00:00+09:00'));
    await waitFrames(page, 3);
    const ko = decodePng(await page.screenshot());
    let changed = 0;
    for (let y = 20; y < 60; y++) for (let x = 20; x < 330; x++) {  // the title line of the header card
      const i = (y * en.width + x) * 4;
      if (Math.abs(en.pixels[i] - ko.pixels[i]) > 40) changed++;
    }
    assert.ok(changed > 200, `the title is redrawn in Korean (${changed} px changed)`);
    await assert.rejects(page.evaluate(() => window.viewer.setLanguage('xx')), /404/);
    assert.equal((await page.evaluate(() => window.viewer.getState())).lang, 'ko', 'a missing language changes nothing');
    assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
    await page.context().close();
  });
});

describe('offline, story, keys, export', () => {
  test('the single file renders from file:// with no network', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bk-usb-'));
    copyFileSync(join(DIST, 'bukchon-replay.html'), join(dir, 'bukchon-replay.html'));
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
    await page.goto(`file://${dir}/bukchon-replay.html?t=2026-05-16T14:00:00%2B09:00`);
    const s = await waitReady(page);
    assert.equal(s.sensors, 50);
    await waitFrames(page, 3);
    const img = decodePng(await page.screenshot());
    let paper = 0;
    for (let i = 0; i < img.pixels.length; i += 4) paper += img.pixels[i] === 239 && img.pixels[i + 1] === 234 ? 1 : 0;
    assert.ok(paper > 1000, 'the map is drawn');
    assert.deepEqual(requests, [], 'nothing was fetched from a network');
    await context.close();
  });

  test('story mode steps with the arrow keys and the API', async () => {
    const { page } = await openPage(browser, `${server.url}?story=1`);
    await waitReady(page);
    await page.focus('#viewer canvas');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    let s = await page.evaluate(() => window.viewer.getState());
    assert.equal(s.story.step, 2);
    assert.ok(Math.abs(s.timeMs - Date.parse('2026-05-16T11:00:00+09:00')) < 5 * 60000, 'step 3 is late morning');
    await page.keyboard.press('ArrowRight');
    s = await page.evaluate(() => window.viewer.getState());
    assert.equal(s.story.step, 3);
    await page.keyboard.press('ArrowLeft');
    assert.equal((await page.evaluate(() => window.viewer.getState())).story.step, 2);
    const caption = await page.locator('.bk-caption').textContent();
    assert.match(caption, /visitors arrive/);
    await page.context().close();
  });

  test('keys: space plays, arrows step, 1–6 toggle layers, ? shows help', async () => {
    const { page } = await openPage(browser, server.url);
    await waitReady(page);
    await page.focus('#viewer canvas');
    await page.keyboard.press(' ');
    assert.equal((await page.evaluate(() => window.viewer.getState())).playing, true);
    await page.keyboard.press(' ');
    const t0 = (await page.evaluate(() => window.viewer.getState())).timeMs;
    await page.keyboard.press('ArrowRight');
    const t1 = (await page.evaluate(() => window.viewer.getState())).timeMs;
    assert.equal(t1 - t0, 15 * 60000);
    await page.keyboard.press('1');
    assert.ok(!(await page.evaluate(() => window.viewer.getState())).layers.includes('bin'));
    await page.keyboard.press(']');
    assert.equal((await page.evaluate(() => window.viewer.getState())).speed, 600, '60× → 600×');
    await page.keyboard.press('s');
    assert.equal((await page.evaluate(() => window.viewer.getState())).selected, 'PARK-01', 'bins hidden: the first visible sensor');
    await page.keyboard.press('Escape');
    assert.equal((await page.evaluate(() => window.viewer.getState())).selected, null);
    const before = (await page.evaluate(() => window.viewer.getState())).timeMs;
    await page.keyboard.press('n');
    const after = await page.evaluate(() => window.viewer.getState());
    assert.ok(after.timeMs > before && after.selected, 'n jumps to the next notable event and selects its sensor');
    await page.keyboard.press('?');
    assert.equal(await page.locator('.bk-help').isVisible(), true);
    assert.match(await page.locator('.bk-help').textContent(), /next or previous notable event/);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.bk-help').isVisible(), false);
    await page.context().close();
  });

  test('accessibility: reduced motion, a colour-blind palette, and a spoken summary while playing', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${server.url}?t=2026-05-13T13:00:00%2B09:00`);
    await waitReady(page);
    const z0 = (await page.evaluate(() => window.viewer.getState())).view.zoom;
    await page.evaluate(() => window.viewer.nextEvent(1));
    await waitFrames(page, 2);
    const z1 = (await page.evaluate(() => window.viewer.getState())).view.zoom;
    assert.ok(z1 > z0 + 0.5, 'with reduced motion the camera arrives at once, without a flight');
    const shot = async () => decodePng(await page.screenshot());
    const air = await page.evaluate(() => window.viewer.screenPositionOf('AIR-01'));
    await page.evaluate(() => { window.viewer.resetView(); window.viewer.select(null); });
    await waitFrames(page, 3);
    const p = await page.evaluate(() => window.viewer.screenPositionOf('AIR-01'));
    const pixel = (img) => { const i = (Math.round(p.y) * img.width + Math.round(p.x) + 4) * 4; return Array.from(img.pixels.slice(i, i + 3)); };
    const normal = pixel(await shot());
    await page.evaluate(() => window.viewer.setPalette('colourblind'));
    await waitFrames(page, 3);
    const safe = pixel(await shot());
    assert.notDeepEqual(normal, safe, `the air glyph changes colour (${normal} → ${safe})`);
    void air;
    await page.evaluate(() => { window.viewer.setSpeed(60); window.viewer.play(); });
    await page.waitForFunction(() => document.querySelector('.bk-live').textContent.length > 20, null, { timeout: 15000 });
    assert.match(await page.locator('.bk-live').textContent(), /Bins over 80 %: \d+ of \d+\. Parking \d+ % full\./);
    await context.close();
  });

  test('export: a PNG at 1× and 2×, and a WebM clip', async () => {
    const { page } = await openPage(browser, server.url, { width: 800, height: 600 });
    await waitReady(page);
    const r = await page.evaluate(async () => {
      const info = async (blob) => {
        const bytes = new Uint8Array(await blob.arrayBuffer());
        const view = new DataView(bytes.buffer);
        return { type: blob.type, size: blob.size, head: Array.from(bytes.slice(0, 4)), w: view.getUint32(16), h: view.getUint32(20) };
      };
      const one = await info(await window.viewer.screenshot());
      const two = await info(await window.viewer.screenshot({ scale: 2 }));
      window.viewer.play();
      const clip = await window.viewer.record(1.5);
      const clipHead = Array.from(new Uint8Array(await clip.arrayBuffer()).slice(0, 4));
      return { one, two, clip: { size: clip.size, type: clip.type, head: clipHead } };
    });
    assert.deepEqual(r.one.head, [0x89, 0x50, 0x4e, 0x47]);
    assert.deepEqual([r.one.w, r.one.h], [800, 600]);
    assert.deepEqual([r.two.w, r.two.h], [1600, 1200]);
    assert.equal(r.clip.type, 'video/webm');
    assert.ok(r.clip.size > 2000, `clip of ${r.clip.size} bytes`);
    assert.deepEqual(r.clip.head, [0x1a, 0x45, 0xdf, 0xa3], 'an EBML (WebM) header');
    await page.context().close();
  });
});
