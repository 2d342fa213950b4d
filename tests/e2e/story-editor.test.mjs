// story-editor.test.mjs — a story recorded in the page (the "Story" panel) downloads as story.json and plays back
// identically after a reload with ?story=, or after dropping the file; a bad story.json dropped is refused by name.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launchBrowser, openPage, startServer, waitFrames, waitReady } from './harness.mjs';

const extra = new Map();
let server, browser, page, problems, captured, json;

before(async () => {
  server = await startServer(undefined, extra);
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, server.url));
  await waitReady(page);
  await waitFrames(page, 2);
});
after(async () => { await browser?.close(); await server?.close(); });

// Waits until the camera stops moving (a story's flyTo is animated), then gives the state.
const settled = (p) => p.evaluate(async () => {
  // The same view over 3 drawn frames (commands take effect on the next frame; a comparison re-frames on its way in
  // and out; a software renderer draws a frame in a few hundred ms).
  let last = '', lastFrame = -1, same = 0;
  for (let i = 0; i < 300 && same < 3; i++) {
    const s = window.viewer.getState();
    if (s.frames !== lastFrame) {
      const v = JSON.stringify(s.view);
      same = v === last ? same + 1 : 0;
      last = v;
      lastFrame = s.frames;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return window.viewer.getState();
});
const dropFile = (p, name, body) => p.evaluate(([n, b]) => {
  const dt = new DataTransfer();
  dt.items.add(new File([b], n, { type: 'application/json' }));
  document.querySelector('.bk-viewer').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
}, [name, body]);

describe('story editor', () => {
  test('records two steps, reorders them and downloads story.json', async () => {
    captured = await page.evaluate(() => {
      const v = window.viewer;
      v.seek('2026-05-12T10:00:00+09:00');
      v.setLayers(['bin', 'air']);
      v.select('BIN-01');
      v.setFilter('bin:fill>=80');
      v.compare({ by: 'policy' });
    });
    await settled(page);  // the comparison re-frames the camera; then the camera is the presenter's
    await page.evaluate(() => window.viewer.flyTo(37.58, 126.985, 16.5, { animate: false }));
    captured = await settled(page);  // what "Add step" will see
    await page.getByRole('button', { name: 'Story', exact: true }).click();
    const panel = page.getByRole('dialog', { name: 'Story editor' });
    await panel.waitFor();
    await panel.getByRole('button', { name: 'Add step' }).click();
    await panel.getByLabel('Caption in English').first().fill('Bins fill up by mid-morning.');
    // A second caption language, from the site's languages (each named in itself).
    await panel.locator('select.bk-story-lang').selectOption('ko');
    await panel.getByLabel('Caption in 한국어').first().fill('오전 중반이면 쓰레기통이 가득 찹니다.');
    await panel.getByLabel('Seconds').first().fill('5');

    await page.evaluate(() => {
      const v = window.viewer;
      v.compare(null);
    });
    await settled(page);
    await page.evaluate(() => {
      const v = window.viewer;
      v.setFilter(null);
      v.select(null);
      v.seek('2026-05-16T14:00:00+09:00');
      v.setLayers(['footfall', 'noise']);
      v.flyTo(37.582, 126.986, 17, { animate: false });
    });
    const later = await settled(page);
    await panel.getByRole('button', { name: 'Add step' }).click();
    await panel.getByLabel('Caption in English').nth(1).fill('Saturday afternoon crowds.');
    await panel.getByRole('button', { name: 'Move step 2 up' }).click();
    await panel.getByLabel('Title in English (optional)').fill('Two moments');

    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download story.json' }).click()]);
    assert.equal(download.suggestedFilename(), 'story.json');
    json = await readFile(await download.path(), 'utf8');
    const story = JSON.parse(json);
    assert.equal(story.title.en, 'Two moments');
    assert.equal(story.steps.length, 2);
    const [first, second] = story.steps;
    assert.equal(first.caption.en, 'Saturday afternoon crowds.');
    assert.equal(first.t, '2026-05-16T14:00:00+09:00');
    assert.deepEqual(first.layers, later.layers);
    assert.deepEqual(first.view, later.view);
    assert.equal(first.compare, null);
    assert.equal(first.filter, undefined, 'no filter, no field');
    assert.equal(second.t, captured.time);
    assert.ok(Math.abs(captured.view.lat - 37.58) < 1e-9, 'the setup flew where it asked');
    assert.equal(second.speed, captured.speed);
    assert.deepEqual(second.view, captured.view);
    assert.deepEqual(second.layers, captured.layers);
    assert.equal(second.select, 'BIN-01');
    assert.equal(second.filter, 'bin:fill>=80');
    assert.deepEqual(second.compare, { by: 'policy' });
    assert.equal(second.play, false);
    assert.equal(second.duration_s, 5);
    assert.deepEqual(second.caption, { en: 'Bins fill up by mid-morning.', ko: '오전 중반이면 쓰레기통이 가득 찹니다.' });
    assert.deepEqual(problems, []);
  });

  test('reloaded with ?story=, the recorded step plays back identically', async () => {
    extra.set('/recorded-story.json', json);
    const { page: p2, problems: pr2 } = await openPage(browser, `${server.url}?story=recorded-story.json`);
    await waitReady(p2);
    await waitFrames(p2, 2);  // the first frames fit the map to the window (they would move a camera set before)
    await p2.evaluate(() => { window.viewer.story.start(); window.viewer.story.next(); });  // step 2: the first recorded
    const s = await settled(p2);
    assert.equal(s.story.step, 1);
    assert.equal(s.time, captured.time);
    for (const k of ['lat', 'lon', 'zoom']) assert.ok(Math.abs(s.view[k] - captured.view[k]) < 1e-4, `${k}: ${s.view[k]} vs ${captured.view[k]}`);
    assert.deepEqual(s.layers, captured.layers);
    assert.equal(s.selected, captured.selected);
    assert.equal(s.filter.text, captured.filter.text);
    assert.equal(s.compare.by, captured.compare.by);
    assert.equal(await p2.locator('.bk-caption').textContent().then((t) => t.startsWith('Bins fill up by mid-morning.')), true);
    // The editor holds the loaded tour.
    await p2.getByRole('button', { name: 'Story', exact: true }).click();
    await p2.locator('.bk-story[open]').waitFor();   // the editor's code loads on the first click
    assert.equal(await p2.locator('.bk-story-step').count(), 2);
    assert.deepEqual(pr2, []);
    await p2.context().close();
  });

  // Bukchon's recording has no air events of its own: the air sensors' are found in the readings (derived_events.hpp).
  test('"Add next event" adds the next notable moment, found in the data, as a paused step with its caption', async () => {
    const { page: p4, problems: pr4 } = await openPage(browser, `${server.url}?t=2026-05-13T09:00:00%2B09:00`);
    await waitReady(p4);
    await waitFrames(p4, 2);
    await p4.getByRole('button', { name: 'Story', exact: true }).click();
    const panel = p4.getByRole('dialog', { name: 'Story editor' });
    await panel.waitFor();
    const expected = await p4.evaluate(() => {   // the first notable event after 09:00 in the feed
      const s = window.viewer.pause();
      return s.twin.feed.events.find((e) => e.timeMs > s.timeMs);
    });
    assert.equal(expected.kind, 'air_bad', `the next notable event after 09:00 is air turning bad: ${JSON.stringify(expected)}`);
    await panel.getByRole('button', { name: 'Add next event' }).click();
    assert.equal(await panel.locator('.bk-story-step').count(), 1);
    assert.equal(await panel.getByLabel('Caption in English').first().inputValue(), `Air quality bad: ${expected.name}`);
    assert.match(await panel.locator('.bk-story-status').textContent(), /Step 1 added: the next event/);
    const s = await p4.evaluate(() => window.viewer.getState());
    assert.equal(s.timeMs, expected.timeMs);
    assert.equal(s.selected, expected.sensor);
    // At the end of the data there is none to add: it says so and adds nothing.
    await p4.evaluate(() => window.viewer.seek(window.viewer.getState().endMs));
    await panel.getByRole('button', { name: 'Add next event' }).click();
    assert.equal(await panel.locator('.bk-story-step').count(), 1);
    assert.match(await panel.locator('.bk-story-status').textContent(), /No notable event after this time/);
    assert.deepEqual(pr4, []);
    await p4.context().close();
  });

  test('a dropped story.json is the tour; a bad one is refused by name and field, the data stays', async () => {
    const { page: p3, problems: pr3 } = await openPage(browser, server.url);
    const before = await waitReady(p3);
    await waitFrames(p3, 2);
    await dropFile(p3, 'story.json', json);
    await p3.waitForFunction(() => window.viewer.getState().story.steps === 2);
    const s = await settled(p3);
    assert.equal(s.story.step, 0, 'the tour starts');
    assert.equal(s.time, '2026-05-16T14:00:00+09:00');
    const first = JSON.parse(json).steps[0];
    for (const k of ['lat', 'lon', 'zoom']) assert.ok(Math.abs(s.view[k] - first.view[k]) < 1e-4, `${k}: ${s.view[k]} vs ${first.view[k]}`);
    assert.deepEqual(s.layers, first.layers);
    assert.equal(s.compare.by, 'off', 'a step without a comparison shows one pane');
    const bad = JSON.parse(json);
    bad.steps[1].duration_s = 0;
    await dropFile(p3, 'broken-story.json', JSON.stringify(bad));
    const banner = p3.locator('.bk-banner');
    await banner.waitFor({ state: 'visible' });
    const message = await banner.textContent();
    assert.match(message, /broken-story\.json/);
    assert.match(message, /steps\[1\]\.duration_s/);
    const after = await p3.evaluate(() => window.viewer.getState());
    assert.equal(after.sensors, before.sensors);
    assert.equal(after.readings, before.readings);
    assert.equal(after.story.steps, 2, 'the previous tour stays');
    assert.deepEqual(pr3, []);
    await p3.context().close();
  });
});
