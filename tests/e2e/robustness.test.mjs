// robustness.test.mjs — hostile environments: a strict CSP, no WebGL2, context loss, resize storms, hidden tabs,
// long kiosk runs, oversized and malicious input.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, launchBrowser, openPage, startServer, waitFrames, waitReady } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
let server, strict, browser;
before(async () => {
  const payload = JSON.parse(JSON.stringify({ type: 'FeatureCollection', features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [126.985, 37.582] },
      properties: { id: 'X-1', type: 'bin', name_en: '<img src=x onerror="window.pwned=1">💥 مرحبا', name_ko: '<script>window.pwned=2</script>' } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [126.986, 37.581] },
      properties: { id: 'X-2', type: 'air', name_en: 'Very long name '.repeat(700), name_ko: '\u202eRTL override \u05e9\u05dc\u05d5\u05dd' } },
  ] }));
  const recording = { format: 'bukchon-recording', version: 1, series: [{ sensor: 'X-1', metric: 'fill', start: '2026-06-01T00:00:00+09:00', step_s: 60, values: [1, 2, 3] }] };
  const fixtures = new Map([['/hostile/sensors.geojson', JSON.stringify(payload)], ['/hostile/recording.json', JSON.stringify(recording)],
                            ['/big/recording.json', 'x'.repeat(3 * 1024 * 1024)]]);
  server = await startServer(DIST, fixtures);
  strict = await startServer(DIST, fixtures, { 'Content-Security-Policy': CSP });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await strict?.close();
});

describe('hostile environments', () => {
  test('works under a strict Content-Security-Policy', async () => {
    const { page, problems } = await openPage(browser, `${strict.url}?story=1`);
    const violations = [];
    await page.exposeFunction('reportViolation', (v) => violations.push(v));
    await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)));
    const s = await waitReady(page);
    assert.equal(s.sensors, 50);
    await waitFrames(page, 5);
    await page.evaluate(() => window.viewer.setLanguage('ko'));
    await page.evaluate(() => window.viewer.screenshot());
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  test('a browser without WebGL2 gets a clear message', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) { return type === 'webgl2' ? null : original.call(this, type, ...rest); };
    });
    const page = await context.newPage();
    await page.goto(server.url);
    const message = await page.evaluate(() => window.viewer.ready.then(() => 'started', (e) => e.message));
    assert.match(message, /WebGL2/);
    assert.match(await page.locator('.bk-loading .bk-msg').textContent(), /WebGL2/);
    await context.close();
  });

  test('survives WebGL context loss: everything is rebuilt and the replay resumes at the same time and view', async () => {
    const { page, problems } = await openPage(browser, `${server.url}?t=2026-05-16T14:00:00%2B09:00`);
    await waitReady(page);
    await waitFrames(page, 3);
    const before = await page.evaluate(() => window.viewer.getState());
    await page.evaluate(async () => {
      const ext = document.querySelector('#viewer canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
      ext.loseContext();
      await new Promise((ok) => setTimeout(ok, 300));
      ext.restoreContext();
      await new Promise((ok) => setTimeout(ok, 500));
    });
    await waitFrames(page, 5);
    const after = await page.evaluate(() => window.viewer.getState());
    assert.equal(after.timeMs, before.timeMs);
    assert.deepEqual(after.view, before.view);
    assert.equal(after.contextLosses, 1);
    const img = await page.screenshot();
    assert.ok(img.length > 50000, 'a full picture again, not a blank canvas');
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  test('10,000 resizes in a row, and a hidden tab, change nothing else', async () => {
    const { page, problems } = await openPage(browser, server.url);
    await waitReady(page);
    const s0 = await page.evaluate(() => window.viewer.getState());
    await page.evaluate(async () => {
      const el = document.getElementById('viewer');
      for (let i = 0; i < 10000; i++) {
        el.style.width = `${600 + (i % 400)}px`;
        el.style.height = `${400 + (i % 300)}px`;
        if (i % 500 === 0) await new Promise((ok) => requestAnimationFrame(ok));
      }
      el.style.width = '';
      el.style.height = '';
    });
    await waitFrames(page, 3);
    const s1 = await page.evaluate(() => window.viewer.getState());
    assert.equal(s1.timeMs, s0.timeMs);
    assert.equal(s1.error, null);
    const canvas = await page.evaluate(() => ({ w: document.querySelector('#viewer canvas').width, cw: document.querySelector('#viewer canvas').clientWidth }));
    assert.equal(canvas.w, canvas.cw, 'the canvas follows its final size');
    // Hidden (frozen, as a background tab is) and shown again: the replay resumes without jumping ahead by the
    // time the tab was away.
    await page.evaluate(() => { window.viewer.setSpeed(60); window.viewer.play(); });
    const t0 = (await page.evaluate(() => window.viewer.getState())).timeMs;
    // A background tab gets no frames; when it comes back the first frame sees a long gap. Same as a 3 s stall:
    await page.evaluate(() => { const start = performance.now(); while (performance.now() - start < 3000); });
    await waitFrames(page, 2);
    const t1 = (await page.evaluate(() => window.viewer.getState())).timeMs;
    assert.ok(t1 - t0 < 60 * 1500, `no jump after 3 s away: ${(t1 - t0) / 1000} replay s at 60×`);
    assert.equal((await page.evaluate(() => window.viewer.getState())).playing, true);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  test('names carrying HTML, emoji and right-to-left text are shown as text, never run', async () => {
    const { page, problems } = await openPage(browser, server.url);
    await waitReady(page);
    const s = await page.evaluate(() => window.viewer.load('/hostile/'));
    assert.equal(s.sensors, 2);
    await page.evaluate(() => { window.viewer.select('X-1'); window.viewer.play(); });
    await waitFrames(page, 5);
    const p = await page.evaluate(() => window.viewer.screenPositionOf('X-2'));
    await page.mouse.move(p.x, p.y);  // the tooltip with a 10,000-character name
    await page.evaluate(() => window.viewer.select('X-2'));
    await waitFrames(page, 5);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.equal(await page.evaluate(() => document.querySelectorAll('#viewer img, #viewer script').length), 0);
    assert.deepEqual(problems.filter((p) => !p.includes('404')), [], 'only the absent (optional) map.geojson 404s');
    await page.context().close();
  });

  test('an oversized file is refused with a message, before it is parsed', async () => {
    const { page } = await openPage(browser, server.url);
    await waitReady(page);
    await page.evaluate(() => window.viewer.setLimits({ maxFileBytes: 1024 * 1024 }));
    const message = await page.evaluate(() => window.viewer.load({ sensors: '/assets/bukchon/sensors.geojson', recording: '/big/recording.json' }).then(() => 'loaded', (e) => e.message));
    assert.match(message, /recording\.json is 3\.0 MB; the limit is 1\.0 MB/);
    assert.equal((await page.evaluate(() => window.viewer.getState())).sensors, 50);
    await page.context().close();
  });

  test('URL parameters the core cannot use are named on the page, and the viewer starts without them', async () => {
    // The core's rules are unit-tested and fuzzed (tests/fuzz/fuzz_url_params.cpp); here: the page shows its words.
    const query = '?speed=abc&view=1,2&layers=bin,zzz&lang=%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E&t=yesterday&play=maybe';
    const { page, problems } = await openPage(browser, `${server.url}${query}`);
    await waitReady(page);
    const s = await page.evaluate(() => window.viewer.getState());
    assert.equal(s.urlProblems.length, 6, s.urlProblems.join('\n'));
    assert.equal(s.urlProblems[0], 'URL parameter speed=abc: expected a number from 0.1 to 100000 (replay seconds per real second)');
    assert.match(s.urlProblems[1], /^URL parameter view=1,2: expected lat,lon,zoom /);
    assert.match(s.urlProblems[2], /^URL parameter layers=bin,zzz: unknown layer zzz ignored; layers are bin, parking, /);
    assert.match(s.urlProblems[3], /^URL parameter lang=<script>window\.pwned=1<\/script>: expected a language code /);
    assert.match(s.urlProblems[4], /^URL parameter t=yesterday: expected an ISO 8601 time with offset /);
    assert.equal(s.urlProblems[5], 'URL parameter play=maybe: expected 1, true, 0 or false');
    assert.deepEqual(s.layers, ['bin']);  // the usable part of a parameter is used
    assert.equal(s.lang, 'en');
    const notice = page.locator('.bk-banner.bk-notice');
    assert.equal(await notice.isVisible(), true);
    assert.match(await notice.locator('.bk-text').textContent(), /speed=abc[\s\S]*lang=<script>window\.pwned=1<\/script>/);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  test('a language without a file falls back to English and says so', async () => {
    const { page, problems } = await openPage(browser, `${server.url}?lang=zz`);
    await waitReady(page);
    const s = await page.evaluate(() => window.viewer.getState());
    assert.equal(s.lang, 'en');
    assert.equal(s.urlProblems.length, 1);
    assert.match(s.urlProblems[0], /^URL parameter lang=zz: no usable language file \(.*zz\.json: HTTP 404.*\); showing English$/);
    assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
    await page.context().close();
  });

  test('postMessage garbage never breaks the page', async () => {
    const { page, problems } = await openPage(browser, `${server.url}embed.html`);
    await page.waitForFunction(() => window.viewer && window.viewer.getState, null, { timeout: 30000 });
    const r = await page.evaluate(async () => {
      let seed = 12345;
      const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      const pick = (a) => a[Math.floor(rand() * a.length)];
      const junk = () => pick([
        () => Math.floor(rand() * 1e6) - 5e5, () => rand() * 1e308, () => NaN, () => Infinity, () => null, () => undefined,
        () => '', () => 'x'.repeat(Math.floor(rand() * 300)), () => '2026-05-1' + Math.floor(rand() * 10) + 'T00:00:00Z',
        () => ({}), () => [], () => ({ bukchon: 1 }), () => [1, 'a', null], () => '<script>window.pwned=1</script>',
        () => '\u202e\ud800', () => true, () => new Blob(['x']),
      ])();
      const cmds = ['play', 'pause', 'seek', 'setSpeed', 'setLoop', 'setLayers', 'select', 'flyTo', 'resetView',
                    'getState', 'setUi', 'setPalette', 'destroy', 'constructor', '__proto__', 'toString', 'rm', 'load'];
      for (let i = 0; i < 1500; i++) {
        const kind = rand();
        const message = kind < 0.3 ? junk()
          : { bukchon: rand() < 0.9 ? 1 : junk(), id: i, cmd: rand() < 0.9 ? pick(cmds) : junk(),
              args: rand() < 0.8 ? Array.from({ length: Math.floor(rand() * 4) }, junk) : junk() };
        window.postMessage(message, '*');
      }
      await new Promise((ok) => setTimeout(ok, 1500));
      const frames = window.viewer.getState().frames;
      await new Promise((ok) => setTimeout(ok, 300));
      return { ignored: window.viewer.getState && (await new Promise((ok) => {
        window.addEventListener('message', function once(e) { if (e.data && e.data.id === 'last' && 'ok' in e.data) { removeEventListener('message', once); ok(e.data.state.messagesIgnored); } });
        window.postMessage({ bukchon: 1, id: 'last', cmd: 'getState' }, '*');
      })), stillDrawing: window.viewer.getState().frames > frames, pwned: window.pwned };
    });
    assert.ok(r.ignored > 300, `malformed messages were counted (${r.ignored})`);
    assert.equal(r.stillDrawing, true);
    assert.equal(r.pwned, undefined);
    assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
    await page.context().close();
  });

  test('a simulated day of kiosk looping does not grow the wasm heap', async () => {
    const { page } = await openPage(browser, `${server.url}?kiosk=1`);
    await waitReady(page);
    const r = await page.evaluate(async () => {
      const v = window.viewer;
      v.story.stop();
      v.setLoop(true);
      v.setSpeed(100000);  // the week loops every ~6 s
      v.play();
      await new Promise((ok) => setTimeout(ok, 2000));  // warm up: caches, glyph buffers, font atlas
      const before = v.getState();
      // Fast-forwarded kiosk life: at 100,000× the week loops every ~6 s, so 9 s is well over 24 replay hours,
      // every panel, label and glyph redrawn each frame.
      await new Promise((ok) => setTimeout(ok, 9000));
      const after = v.getState();
      return { before: before.heapUsedBytes, after: after.heapUsedBytes, heap: [before.heapBytes, after.heapBytes],
               replayHours: (after.timeMs - before.timeMs + (after.endMs - after.startMs)) / 3600000 };
    });
    assert.ok(r.after <= r.before * 1.01, `allocated ${r.before} → ${r.after} bytes`);
    assert.ok(r.heap[1] <= r.heap[0] * 1.01, `heap ${r.heap[0]} → ${r.heap[1]} bytes`);
    await page.context().close();
  });
});
