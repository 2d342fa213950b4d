// shoot.mjs — screenshots of the page at given sizes and replay times, for looking at it as a user.
//   node shoot.mjs OUT_DIR [WxH@dpr ...] [--time ISO] [--select ID]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openPage, startServer, waitFrames, waitReady } from './harness.mjs';

const args = process.argv.slice(2);
const out = args.shift() || 'screenshots';
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : null; };
const time = opt('--time'), select = opt('--select'), hover = opt('--hover');
const sizes = args.length ? args : ['1280x720@1', '1920x1080@1', '768x1024@2'];
mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
for (const spec of sizes) {
  const [, w, h, d] = spec.match(/^(\d+)x(\d+)(?:@([\d.]+))?$/);
  const { page, problems } = await openPage(browser, server.url, { width: +w, height: +h, deviceScaleFactor: +(d || 1) });
  await waitReady(page);
  if (time) await page.evaluate((t) => window.viewer.seek(t), time);
  if (select) await page.evaluate((id) => window.viewer.select(id), select);
  if (hover) {
    const p = await page.evaluate((id) => window.viewer.screenPositionOf(id), hover);
    await page.mouse.move(p.x, p.y);
  }
  await waitFrames(page, 4);
  const file = join(out, `${spec.replace('@', '_')}${time ? '_' + time.slice(0, 16).replace(/[:T]/g, '') : ''}.png`);
  await page.screenshot({ path: file });
  console.log(file, problems.length ? problems : '');
  await page.context().close();
}
await browser.close();
await server.close();
