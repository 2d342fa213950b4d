// video.test.mjs — viewer.exportVideo in real Chromium: a video rendered frame by frame (WebCodecs + the npm muxer),
// decoded with Debian's ffmpeg: 10 s at 30 fps is 300 frames, its frames are the replay at their times, 1080p by
// default, Cancel puts the viewer back as it was, bad options get the core's message, and the dialog works.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePng } from './png.mjs';
import { DIST, launchBrowser, openPage, startServer, waitReady } from './harness.mjs';

const W = 640, H = 360, FPS = 30, SPEED = 600;
const FROM = Date.parse('2026-05-16T18:20:00+09:00');  // dusk: until 19:10 the map an hour later is clearly darker
const TO = FROM + 10 * SPEED * 1000;                    // 10 s of video at 600×
const dir = mkdtempSync(join(tmpdir(), 'bk-video-'));
let server, browser, page, problems;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, server.url, { width: W, height: H }));  // a screenshot is W×H too
  await waitReady(page);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Runs exportVideo in the page and writes the file; returns its path and the page's report.
async function exportTo(name, options) {
  const r = await page.evaluate(async (o) => {
    const progress = [];
    const t0 = performance.now();
    const blob = await window.viewer.exportVideo({ ...o, onProgress: (p) => progress.push(p) });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { type: blob.type, base64: btoa(binary), ms: performance.now() - t0, last: progress.at(-1), reports: progress.length };
  }, options);
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(r.base64, 'base64'));
  return { path, ...r };
}

const probe = (path) => JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0',
  '-show_entries', 'stream=nb_read_frames,width,height,codec_name:format=duration,format_name', '-of', 'json', path]));

// Frame n of the video as RGB bytes (ffmpeg's select filter), W×H.
const frameAt = (path, n) => execFileSync('ffmpeg', ['-v', 'error', '-i', path, '-vf', `select=eq(n\\,${n})`, '-vframes', '1',
  '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 64 << 20 });

// The replay at `ms` as the viewer shows it, rendered as a screenshot (a separate path from the export's steps).
async function replayAt(ms) {
  const png = await page.evaluate(async (t) => {
    window.viewer.pause();
    window.viewer.seek(t);
    const blob = await window.viewer.screenshot();
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, ms);
  return decodePng(Buffer.from(png, 'base64'));
}

// Mean absolute difference per channel (0–255) between an RGB frame and an RGBA screenshot.
function meanDifference(rgb, img) {
  assert.equal(img.width * img.height * 3, rgb.length, 'same size');
  let sum = 0;
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    sum += Math.abs(rgb[i] - img.pixels[j]) + Math.abs(rgb[i + 1] - img.pixels[j + 1]) + Math.abs(rgb[i + 2] - img.pixels[j + 2]);
  }
  return sum / rgb.length;
}

describe('video export, frame by frame', () => {
  let clip;

  test('10 s at 30 fps: 300 frames, 10 s long, in WebM', async () => {
    await page.evaluate(() => window.viewer.pause());
    clip = await exportTo('ten.webm', { from: FROM, to: TO, fps: FPS, width: W, height: H, speed: SPEED });
    assert.equal(clip.type, 'video/webm');
    const info = probe(clip.path);
    const stream = info.streams[0];
    assert.match(info.format.format_name, /webm|matroska/);
    assert.match(stream.codec_name, /^vp[89]$/);
    assert.deepEqual([stream.width, stream.height], [W, H]);
    assert.equal(Number(stream.nb_read_frames), 300, 'exactly 300 frames');
    assert.ok(Math.abs(Number(info.format.duration) - 10) < 0.05, `duration ${info.format.duration} s`);
    assert.equal(clip.last.done, 300);
    assert.equal(clip.last.total, 300);
    assert.ok(clip.last.framesPerSecond > 0, 'throughput reported');
    assert.ok(clip.reports > 2, 'progress reported along the way');
    console.log(`  ${W}×${H}: 300 frames in ${(clip.ms / 1000).toFixed(1)} s (${clip.last.framesPerSecond.toFixed(1)} frames/s)`);
  });

  test('its frames are the replay at their times; an hour later is clearly another picture', async () => {
    for (const n of [0, 75, 150, 299]) {
      const frame = frameAt(clip.path, n);
      const same = meanDifference(frame, await replayAt(FROM + (n / FPS) * SPEED * 1000));
      // The control, while the light still changes (frame 299 is 20:00: an hour later is the same night).
      const later = n === 299 ? Infinity : meanDifference(frame, await replayAt(FROM + (n / FPS) * SPEED * 1000 + 3600e3));
      console.log(`  frame ${n}: mean difference ${same.toFixed(2)} from the replay at its time, ${later.toFixed(2)} an hour later`);
      // VP9 at 0.08 bit per pixel and 4:2:0 colour blur small glyphs and text by a few levels (measured: ~4); the
      // reference is paused, so its play button differs too. An hour later the light and every value have moved.
      assert.ok(same < 7, `frame ${n} matches the replay at its time (mean difference ${same.toFixed(2)})`);
      assert.ok(later > 2.5 * same, `frame ${n} differs from the replay an hour later (${later.toFixed(2)} vs ${same.toFixed(2)})`);
    }
  });

  test('the default size is 1920×1080, whatever the page', async () => {
    const r = await exportTo('default.webm', { from: FROM, to: FROM + 20 * 60e3, fps: 1, speed: SPEED });
    const stream = probe(r.path).streams[0];
    assert.deepEqual([stream.width, stream.height], [1920, 1080]);
    assert.equal(Number(stream.nb_read_frames), 2);
    const s = await page.evaluate(() => ({ w: document.querySelector('#viewer canvas').width, state: window.viewer.getState() }));
    assert.equal(s.w, W, 'the canvas is back at the page size');
  });

  test('cancel rejects with an AbortError and puts the viewer back: size, play state, time', async () => {
    const r = await page.evaluate(async ({ from, to, w, h }) => {
      const v = window.viewer;
      v.seek('2026-05-12T09:00:00+09:00');
      v.setSpeed(60);
      v.play();
      const before = v.getState();
      const abort = new AbortController();
      let error = null;
      try {
        // Twice the page's size: the camera scales for the video and must come back.
        await v.exportVideo({ from, to, width: 2 * w, height: 2 * h, speed: 600, signal: abort.signal,
                              onProgress: (p) => { if (p.done >= 3) abort.abort(); } });
      } catch (e) { error = { name: e.name, message: e.message }; }
      const after = v.getState();
      await new Promise((resolve) => setTimeout(resolve, 600));
      const later = v.getState();
      return { error, before, after, later, canvasW: document.querySelector('#viewer canvas').width };
    }, { from: FROM, to: TO, w: W, h: H });
    assert.deepEqual(r.error, { name: 'AbortError', message: 'exportVideo: cancelled' });
    assert.equal(r.after.playing, true, 'playing again');
    assert.equal(r.after.speed, 60);
    assert.ok(Math.abs(r.after.timeMs - r.before.timeMs) < 120e3, 'back at the time it had');
    assert.ok(r.later.frames > r.after.frames, 'the main loop runs again');
    assert.ok(r.later.timeMs > r.after.timeMs, 'and the replay plays');
    assert.equal(r.canvasW, W);
    // The camera comes back to the same place; after several exports at other sizes its zoom may land ~0.1 level
    // off (the page's zoom limits are applied again), which no one sees.
    for (const [k, tolerance] of [['lat', 1e-3], ['lon', 1e-3], ['zoom', 0.2]]) {
      assert.ok(Math.abs(r.after.view[k] - r.before.view[k]) < tolerance, `view ${k}: ${r.before.view[k]} → ${r.after.view[k]}`);
    }
    await page.evaluate(() => window.viewer.pause());
  });

  test('a bad option is refused with the core\'s message', async () => {
    const errors = await page.evaluate(async () => {
      const out = [];
      for (const o of [{ fps: 0 }, { width: 641 }, { from: '2020-01-01T00:00:00+09:00' }, { story: true }, { fsp: 30 }]) {
        try { await window.viewer.exportVideo(o); out.push('accepted'); } catch (e) { out.push(`${e.name}: ${e.message}`); }
      }
      return out;
    });
    assert.equal(errors[0], 'TypeError: exportVideo: fps must be a number from 1 to 60, got 0');
    assert.equal(errors[1], 'TypeError: exportVideo: width must be an even whole number of pixels, got 641');
    assert.match(errors[2], /^TypeError: exportVideo: from and to must lie in the recording, 2026-05-11T00:00:00\+09:00 to /);
    assert.match(errors[3], /^TypeError: exportVideo: no story is loaded/);
    assert.match(errors[4], /^TypeError: exportVideo: unknown option "fsp"/);
  });

  test('the page offers it: a button and the V key open a real dialog that exports and offers the file', async () => {
    const button = page.getByRole('button', { name: 'Export video' });
    assert.equal(await button.isVisible(), true);
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Export video' });
    await dialog.waitFor();   // the dialog's code loads on the first click (viewer-dialogs.js)
    assert.equal(await dialog.isVisible(), true);
    assert.match(await dialog.textContent(), /This day/);
    await page.getByRole('radio', { name: 'From … to …' }).check();
    await page.locator('.bk-video-range input').nth(0).fill('2026-05-16T12:00');
    await page.locator('.bk-video-range input').nth(1).fill('2026-05-16T12:10');
    await page.getByLabel('Size').selectOption('1280x720');
    await page.getByLabel('Replay speed').fill('600');
    assert.match(await page.locator('.bk-video-summary').textContent(), /1 s of video · 30 frames · 1280×720/);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    assert.equal((await download).suggestedFilename(), 'bukchon-iot-trial-simulated-week-2026-05-16T1200.webm');
    await page.keyboard.press('Escape');
    assert.equal(await dialog.isVisible(), false, 'Esc closes it');
    await page.focus('#viewer canvas');
    await page.keyboard.press('v');
    assert.equal(await dialog.isVisible(), true, 'V opens it');
    await page.getByRole('button', { name: 'Close' }).click();
    assert.deepEqual(problems, []);
  });

  test('the offline single file exports too (the muxer is inline)', async () => {
    const usb = mkdtempSync(join(tmpdir(), 'bk-video-usb-'));
    copyFileSync(join(DIST, 'bukchon-replay.html'), join(usb, 'bukchon-replay.html'));
    const context = await browser.newContext({ viewport: { width: W, height: H } });
    const offline = await context.newPage();
    const requests = [];
    offline.on('request', (r) => { if (!/^(file|data|blob):/.test(r.url())) requests.push(r.url()); });
    await offline.goto(`file://${usb}/bukchon-replay.html`);
    await waitReady(offline);
    const r = await offline.evaluate(async (from) => {
      const blob = await window.viewer.exportVideo({ from, to: from + 60e3 * 20, fps: 1, width: 320, height: 180, speed: 600 });
      return { type: blob.type, size: blob.size };
    }, FROM);
    assert.equal(r.type, 'video/webm');
    assert.ok(r.size > 1000, `${r.size} bytes`);
    assert.deepEqual(requests, []);
    await context.close();
  });
});

