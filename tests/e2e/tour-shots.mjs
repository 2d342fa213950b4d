// tour-shots.mjs — screenshots of every mode a presenter uses, for looking at it as a user (not a test):
//   node tour-shots.mjs OUT_DIR [mode ...]   modes: default story kiosk compare embed editor (default: all)
//   SIZES="1280x720@1 1920x1080@1" LANG=ko limit the sizes or set the language.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openPage, startServer, waitFrames, waitReady } from './harness.mjs';

const args = process.argv.slice(2);
const out = args.shift() || 'screenshots';
const modes = args.length ? args : ['default', 'story', 'kiosk', 'compare', 'embed', 'editor'];
const sizes = (process.env.SIZES || '1280x720@1 1920x1080@1 768x1024@2 1366x768@1').split(' ');
const lang = process.env.LANG_UI || 'en';
const QUERY = { default: '', story: '?story=1', kiosk: '?kiosk=1', compare: '?compare=policy', embed: '', editor: '' };
mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
for (const mode of modes) {
  for (const spec of sizes) {
    const [, w, h, d] = spec.match(/^(\d+)x(\d+)(?:@([\d.]+))?$/);
    const base = mode === 'embed' ? `${server.url}embed.html` : server.url;
    const q = QUERY[mode] + (lang !== 'en' ? `${QUERY[mode] ? '&' : '?'}lang=${lang}` : '');
    const { page, problems } = await openPage(browser, base + q, { width: +w, height: +h, deviceScaleFactor: +(d || 1) });
    await page.waitForFunction(() => typeof window.viewer?.getState === 'function', null, { timeout: 60000 });
    await waitReady(page);
    if (mode === 'editor') {
      await page.click('.bk-story-open');
      await page.locator('.bk-story[open]').waitFor();   // the editor's code loads on the first click
    }
    const steps = mode === 'story' || mode === 'kiosk' ? Number(process.env.STEPS || 1) : 1;
    for (let i = 0; i < steps; ++i) {
      if (i > 0) await page.evaluate(() => window.viewer.story.next());
      await waitFrames(page, 4);
      const file = join(out, `${mode}_${lang}_${spec.replace('@', '_')}${steps > 1 ? '_step' + i : ''}.png`);
      await page.screenshot({ path: file });
      console.log(file, problems.length ? problems : '');
    }
    await page.context().close();
  }
}
await browser.close();
await server.close();
