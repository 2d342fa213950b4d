// video.mjs — the video export's throughput: frames rendered, encoded and muxed per second by viewer.exportVideo at
// 1920×1080, 30 fps (WebCodecs in headless Chromium; the fixed steps draw with SwiftShader, on the CPU).
// run.mjs calls videoExport(); alone, `node bench/video.mjs` measures it, merges it into bench/results.json and
// updates its row in docs/performance.md (the rest of the table stays as the last full run left it).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';

export const VIDEO_ROW = 'video export: frames encoded per second at 1080p30 (fixed steps + WebCodecs + muxer)';
const FRAMES = Number(process.env.BENCH_VIDEO_FRAMES || 90);

// Exports FRAMES frames of the default page at 1080p30 (600× replay) and returns {framesPerSecond, frames, codec}.
export async function videoExport(browser, serverUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(serverUrl);
  await page.evaluate(() => window.viewer.ready);
  const r = await page.evaluate(async (frames) => {
    const from = Date.parse('2026-05-16T14:00:00+09:00');
    let last = null;
    const t0 = performance.now();
    const blob = await window.viewer.exportVideo({ from, to: from + (frames / 30) * 600e3, fps: 30, speed: 600,
                                                   onProgress: (p) => { last = p; } });
    return { ms: performance.now() - t0, frames: last.total, codec: last.codec, bytes: blob.size };
  }, FRAMES);
  await context.close();
  return { framesPerSecond: Math.round((r.frames / (r.ms / 1000)) * 10) / 10, frames: r.frames, codec: r.codec, bytes: r.bytes };
}

export const videoRow = (v) => [VIDEO_ROW, `${v.framesPerSecond} frames/s (${v.codec}, ${v.frames} frames)`, 'none: slower only means a longer wait, never a worse file'];

if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('../tests/e2e/node_modules/playwright-core/index.mjs');
  const { CHROMIUM_ARGS, DIST, startServer } = await import('../tests/e2e/harness.mjs');
  const ROOT = new URL('..', import.meta.url).pathname;
  const server = await startServer(DIST);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const v = await videoExport(browser, server.url);
  await browser.close();
  await server.close();
  const resultsPath = `${ROOT}bench/results.json`;
  const results = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : {};
  results.videoExport_1080p30 = { ...v, date: new Date().toISOString(), cpu: os.cpus()[0]?.model, cores: os.cpus().length };
  writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n');
  const row = `| ${videoRow(v).join(' | ')} |`;
  console.log(row);
  const docPath = `${ROOT}docs/performance.md`;
  const doc = readFileSync(docPath, 'utf8');
  const lines = doc.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`| ${VIDEO_ROW} |`));
  if (at >= 0) lines[at] = row;
  else lines.splice(lines.indexOf('<!-- bench:end -->'), 0, row);
  writeFileSync(docPath, lines.join('\n'));
}
