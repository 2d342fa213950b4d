// layout.test.mjs — every panel's text against its box, in every UI language at every layout size: nothing clipped
// by a card's edge or the screen's, nothing cut short with "…" (the page's own probe, getState().layout, which
// measures the frame ImGui drew: items laid out beyond a card, and vertices beyond the clip they were drawn in).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, serverAndBrowser, waitFrames, waitReady } from './harness.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const CODES = readdirSync(join(ROOT, 'assets/i18n')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
// The sizes the brief names: a laptop, a projector, a tablet, and a phone.
const SIZES = [
  { name: '1280×720', width: 1280, height: 720, deviceScaleFactor: 1 },
  { name: '1920×1080', width: 1920, height: 1080, deviceScaleFactor: 1 },
  { name: '768×1024 tablet', width: 768, height: 1024, deviceScaleFactor: 2 },
  { name: '390×844 phone', width: 390, height: 844, deviceScaleFactor: 2 },
];
// A busy moment: noon on a weekday, a bin selected (its card with the fill chart and the collections under it).
const QUERY = '?t=2026-05-13T12:00:00%2B09:00&sensor=BIN-04';

const env = serverAndBrowser();

describe('layout in every language', () => {
  for (const size of SIZES) {
    test(`${size.name}: every panel's text fits its box in ${CODES.length} languages`, async () => {
      const { page, context, problems } = await openPage(env.browser, env.server.url + QUERY, size);
      await waitReady(page);
      const found = [];
      for (const code of ['en', ...CODES.filter((c) => c !== 'en')]) {
        await page.evaluate((c) => window.viewer.setLanguage(c), code);
        await page.waitForFunction((c) => {
          const s = window.viewer.getState();
          return s.lang === c && s.fonts.settled && s.fonts.pending === 0;
        }, code, { timeout: 20000 });
        await waitFrames(page, 3);
        const s = await page.evaluate(() => window.viewer.getState());
        assert.equal(s.selected, 'BIN-04', 'the sensor card is open');
        for (const [panel, px] of s.layout.clipped) found.push(`${code}: ${panel} by ${px} px`);
        for (const t of s.layout.cut) found.push(`${code}: "${t}" cut short`);
      }
      assert.deepEqual(found, [], `${size.name}: every text whole inside its panel`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});
