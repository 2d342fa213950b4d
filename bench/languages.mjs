// languages.mjs — what a UI language costs: its first complete frame (every character drawn, the shaped clusters in
// the atlas), the bytes it adds on the wire to English's, and the page's CPU work per frame once warm (the shaped
// lines are cached), for English, Korean, Japanese, Thai, Arabic and Nepali, each the median of cold loads in fresh
// contexts, alternating languages load by load; ratios are to English from the same run.
// run.mjs calls languageCosts(); alone, `node bench/languages.mjs` prints the rows (LOADS=n, default 3).
const LANGS = ['en', 'ko', 'ja', 'th', 'ar', 'ne'];
const SHAPED = ['th', 'ar', 'ne'];
const QUERY = 't=2026-05-13T12:00:00%2B09:00&sensor=AIR-01';  // the sensor card open: the full UI
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const round2 = (x) => Math.round(x * 100) / 100;

// One cold load in `lang`: ms to its first complete frame, bytes on the wire, and the frame's work once warm.
async function load(browser, url, lang) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const bytes = new Map();
  cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
  await page.goto(`${url}?lang=${lang}&${QUERY}`);
  const completeMs = await page.evaluate(async (shaped) => {
    await window.viewer.ready;
    for (;;) {
      const f = window.viewer.getState().fonts;
      if (f && f.settled && f.pending === 0 && f.unshown === 0 && (!shaped || f.shaped > 0)) return performance.now();
      await new Promise((r) => requestAnimationFrame(r));
    }
  }, SHAPED.includes(lang));
  const fonts = await page.evaluate(() => window.viewer.getState().fonts);
  // Warm: five seconds of frames at the display's rate (the start-up's atlas builds out of the viewer's window of
  // frames), then the work per frame it measured.
  await page.waitForTimeout(5000);
  const frame = await page.evaluate(() => window.viewer.getState().frame);
  await context.close();
  return { completeMs, wireBytes: [...bytes.values()].reduce((n, b) => n + b, 0), workMsP50: frame.workMsP50,
           workMsMean: frame.workMsMean, uiMsP50: frame.phaseMsP50 ? round2((frame.phaseMsP50.panels || 0) + (frame.phaseMsP50.labels || 0)) : null, shaped: fonts.shaped,
           notdef: fonts.notdef, atlasBuildMs: fonts.atlasBuildMs };
}

// {lang: {completeMs, wireBytes, workMsP50, workMsMean, uiMsP50, shaped, notdef, atlasBuildMs}} (medians).
export async function languageCosts(browser, url, loads = 3) {
  await load(browser, url, 'en');  // warm-up, not counted
  const runs = Object.fromEntries(LANGS.map((l) => [l, []]));
  for (let i = 0; i < loads; i++) for (const lang of LANGS) runs[lang].push(await load(browser, url, lang));
  return Object.fromEntries(LANGS.map((lang) => {
    const list = runs[lang];
    const m = (k) => round2(median(list.map((r) => r[k])));
    return [lang, { completeMs: m('completeMs'), wireBytes: m('wireBytes'), workMsP50: m('workMsP50'),
                    workMsMean: m('workMsMean'), uiMsP50: list[0].uiMsP50 == null ? null : m('uiMsP50'),
                    shaped: list[0].shaped, notdef: Math.max(...list.map((r) => r.notdef)), atlasBuildMs: m('atlasBuildMs') }];
  }));
}

export function languageRows(costs) {
  const en = costs.en;
  const rows = [];
  for (const [lang, c] of Object.entries(costs)) {
    if (lang === 'en') continue;
    rows.push([`language ${lang}: first complete frame ÷ English's (${c.completeMs} / ${en.completeMs} ms)${SHAPED.includes(lang) ? `, ${c.shaped} shaped clusters, ${c.notdef} .notdef` : ''}`,
               (c.completeMs / en.completeMs).toFixed(2), '≤ 1.25']);
    rows.push([`language ${lang}: bytes it adds on the wire (gzip as served: strings, glyphs${SHAPED.includes(lang) ? ', the shaper module' : ''})`,
               `${((c.wireBytes - en.wireBytes) / 1024).toFixed(0)} KB`, '']);
    if (SHAPED.includes(lang)) {
      rows.push([`language ${lang}: CPU work per frame once warm, p50 (labels + panels) vs English`,
                 `${c.workMsP50} (${c.uiMsP50}) / ${en.workMsP50} (${en.uiMsP50}) ms`, 'shaping ≤ 1 ms of the frame']);
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('../tests/e2e/node_modules/playwright-core/index.mjs');
  const { CHROMIUM_ARGS, DIST, startServer } = await import('../tests/e2e/harness.mjs');
  const server = await startServer(process.env.DIST_DIR || DIST, new Map(), {}, { gzip: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const costs = await languageCosts(browser, server.url, Number(process.env.LOADS || 3));
  console.log(JSON.stringify(costs, null, 1));
  for (const r of languageRows(costs)) console.log(`| ${r.join(' | ')} |`);
  await browser.close();
  await server.close();
}
