// a11y.test.mjs — the panels' accessible twin (web/viewer-a11y.js): axe-core finds no violations on the default
// and embed pages (a sensor selected, in Korean, a part focused), Tab reaches every control in order, Enter and
// Space act once, and the twin's texts follow the state and the language.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations } from './axe.mjs';
import { launchBrowser, openPage, startServer, waitFrames, waitReady } from './harness.mjs';

// What a screen reader would call the focused element: its label, aria-label, or text.
const focusedName = (page) => page.evaluate(() => {
  const e = document.activeElement;
  if (!e || e === document.body) return '(body)';
  const label = e.labels && e.labels[0] ? [...e.labels[0].childNodes].filter((n) => n !== e).map((n) => n.textContent).join(' ') : '';
  const name = e.getAttribute('aria-label') || label || e.textContent;
  return `${e.tagName.toLowerCase()}${e.type ? `[${e.type}]` : ''}: ${name.trim().replace(/\s+/g, ' ').slice(0, 60)}`;
});

// Waits until the twin has caught up with the state (it updates at most 4× a second).
const settle = (page) => page.waitForTimeout(400);

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe('the default page', () => {
  let page, problems;
  before(async () => {
    ({ page, problems } = await openPage(browser, `${server.url}?t=2026-05-16T14:00:00%2B09:00`));
    await waitReady(page);
    await waitFrames(page, 3);
    await settle(page);
  });

  test('axe finds no violations, also with a sensor selected, in Korean and with a twin part focused', async () => {
    assert.deepEqual(await axeViolations(page), [], 'as loaded');
    await page.evaluate(() => window.viewer.select('BIN-03'));
    await settle(page);
    assert.deepEqual(await axeViolations(page), [], 'a sensor selected');
    await page.evaluate(() => window.viewer.setLanguage('ko'));
    await settle(page);
    assert.deepEqual(await axeViolations(page), [], 'in Korean');
    await page.locator('.bk-twin-sensor button').first().focus();
    assert.deepEqual(await axeViolations(page), [], 'the sensor card focused (shown)');
    await page.evaluate(() => { window.viewer.select(null); return window.viewer.setLanguage('en'); });
    await page.locator('canvas').focus();
    await settle(page);
    assert.deepEqual(problems, []);
  });

  test('Tab goes from the map through the timeline, layers, events and sensor card, reaching every control', async () => {
    await page.locator('canvas').focus();
    const names = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const inTwin = await page.evaluate(() => !!document.activeElement?.closest('.bk-twin'));
      if (!inTwin) break;
      names.push(await focusedName(page));
    }
    const first = names.slice(0, 5);
    assert.deepEqual(first.map((n) => n.split(':')[0]), ['button[button]', 'input[range]', 'select[select-one]', 'input[checkbox]', 'button[button]'], names.join('\n'));
    assert.match(first[0], /Play/);
    assert.match(first[1], /Replay time/);
    assert.match(first[4], /Next notable event/);
    const at = (re) => names.findIndex((n) => re.test(n));
    const layer = at(/Smart bin/), route = at(/Collection route/), event = at(/^button\[button\]: \d\d:\d\d /), next = at(/Next sensor/);
    assert.equal(layer, 5, `the layers in the legend's order, bins first:\n${names.join('\n')}`);
    assert.ok(route > layer, names.join('\n'));
    assert.ok(event > route, `events after the layers:\n${names.join('\n')}`);
    assert.ok(next > event, `the sensor card last:\n${names.join('\n')}`);
    // Every control the twin shows was reached, once.
    const controls = await page.evaluate(() => [...document.querySelectorAll('.bk-twin button, .bk-twin input, .bk-twin select')]
      .filter((e) => !e.closest('[hidden]')).length);
    assert.equal(names.length, controls, names.join('\n'));
    assert.equal(await page.evaluate(() => document.getElementById('viewer').scrollTop + document.getElementById('viewer').scrollLeft), 0,
      'focusing the twin does not scroll the viewer');
  });

  test('a focused part shows over its canvas panel, readable', async () => {
    await page.locator('.bk-twin-timeline button').first().focus();
    const box = await page.locator('.bk-twin-timeline').boundingBox();
    const panel = (await page.evaluate(() => window.viewer.getState().panels.timeline));
    assert.ok(box.width > 300 && box.height > 40, JSON.stringify(box));
    assert.ok(Math.abs(box.x - panel.x) < 2 && box.y + box.height <= 720, `${JSON.stringify(box)} over ${JSON.stringify(panel)}`);
    await page.locator('canvas').focus();
    const hidden = await page.locator('.bk-twin-timeline').boundingBox();
    assert.ok(hidden.width <= 1 && hidden.height <= 1, 'out of sight without focus');
  });

  test('Space and Enter on play act once; an event button goes to its event; the slider seeks', async () => {
    await page.evaluate(() => window.viewer.pause());
    const play = page.locator('.bk-twin-timeline button').first();
    await play.focus();
    await page.keyboard.press('Space');
    assert.equal(await page.evaluate(() => window.viewer.getState().playing), true, 'Space: playing (the map\'s Space did not also toggle)');
    await settle(page);
    assert.equal(await play.getAttribute('aria-pressed'), 'true');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => window.viewer.getState().playing), false, 'Enter: paused');

    const ev = await page.evaluate(() => window.viewer.getState().twin.feed.events[0]);
    assert.ok(ev, 'the day has a notable event');
    await page.locator('.bk-twin-events button').first().focus();
    await page.keyboard.press('Enter');
    const s = await page.evaluate(() => window.viewer.getState());
    assert.equal(s.timeMs, ev.timeMs);
    assert.equal(s.selected, ev.sensor);

    const slider = page.locator('.bk-twin-timeline input[type=range]');
    await slider.focus();
    const before = await page.evaluate(() => window.viewer.getState().timeMs);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const moved = await page.evaluate(() => window.viewer.getState().timeMs);
    // Two steps of 15 minutes on the slider's grid (from the start of the recording).
    assert.ok(moved > before && moved - before <= 2 * 15 * 60000 + 7.5 * 60000, `${before} → ${moved}`);
    await settle(page);
    assert.equal(Number(await slider.inputValue()), moved, 'the slider stays where the user put it');
    assert.match(await slider.getAttribute('aria-valuetext'), /2026, \d\d:\d\d$/);
  });

  test('the twin follows the state and the language', async () => {
    const name = await page.evaluate(() => { window.viewer.select('PARK-01'); return window.viewer.getState().twin.card.name; });
    await settle(page);
    assert.match(await page.locator('.bk-twin-sensor h2').textContent(), new RegExp(name));
    assert.match(await page.locator('.bk-twin-sensor').textContent(), /spaces/);
    await page.evaluate(() => window.viewer.setLanguage('ko'));
    await settle(page);
    assert.equal(await page.locator('.bk-twin').getAttribute('lang'), 'ko');
    assert.equal(await page.locator('.bk-twin-timeline h2').textContent(), '재생 컨트롤');
    assert.equal(await page.locator('.bk-twin-timeline button').first().textContent(), '재생');
    const koName = await page.evaluate(() => window.viewer.getState().twin.card.name);
    assert.match(koName, /[가-힣]/);
    assert.match(await page.locator('.bk-twin-sensor h2').textContent(), new RegExp(koName));
    await page.evaluate(() => { window.viewer.select(null); return window.viewer.setLanguage('en'); });
  });

  test('ui=minimal keeps the replay controls alone', async () => {
    await page.evaluate(() => window.viewer.setUi('minimal'));
    await settle(page);
    const shown = await page.evaluate(() => [...document.querySelectorAll('.bk-twin-part')].filter((p) => !p.hidden).map((p) => p.classList[1]));
    assert.deepEqual(shown, ['bk-twin-timeline']);
    await page.evaluate(() => window.viewer.setUi('full'));
  });
});

describe('the embed page', () => {
  test('axe finds no violations (minimal UI), also in Korean with a sensor', async () => {
    for (const query of ['', '?lang=ko&sensor=AIR-02']) {
      const { page, problems, context } = await openPage(browser, `${server.url}embed.html${query}`);
      await page.waitForFunction(() => window.viewer && typeof window.viewer.getState === 'function', null, { polling: 100 });
      await waitFrames(page, 3);
      await settle(page);
      assert.deepEqual(await axeViolations(page), [], `embed.html${query}`);
      await page.locator('.bk-twin-timeline button').first().focus();
      assert.deepEqual(await axeViolations(page), [], `embed.html${query}, the controls focused`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
});
