// workbook.test.mjs — a spreadsheet dropped on the page: LibreOffice's .xlsx becomes a replay through the tools
// module's importer, its report names the file and the sheet with the sheet's row numbers, and an old .xls is
// refused with what to do while the replay that was there stays. The workbooks are written by LibreOffice here
// (tests/workbooks/make_workbooks.py, as the unit tests' fixture).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, launchBrowser, openPage, startServer, waitReady } from './harness.mjs';

let server, browser, dir;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bukchon-workbooks-'));
  execFileSync('python3', [new URL('../workbooks/make_workbooks.py', import.meta.url).pathname, dir], { stdio: 'pipe' });
  server = await startServer(DIST);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Drops files on the viewer the way a browser does: a DragEvent carrying a DataTransfer of Files.
const drop = (page, files) => page.evaluate(async (list) => {
  const dt = new DataTransfer();
  for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
  const loaded = new Promise((resolve) => {
    window.viewer.on('data', () => resolve('data'));
    window.viewer.on('error', () => resolve('error'));
  });
  document.querySelector('.bk-viewer').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  await loaded;
  return window.viewer.getState();
}, files.map((f) => ({ name: f.name, bytes: [...f.bytes] })));

describe('a workbook dropped on the page', () => {
  let page;
  before(async () => {
    ({ page } = await openPage(browser, `${server.url}?tz=%2B09:00`));
    await waitReady(page);
  });

  test('LibreOffice\'s .xlsx becomes a replay; the report names the sheet and its row', async () => {
    const s = await drop(page, [{ name: 'readings.xlsx', bytes: readFileSync(join(dir, 'readings.xlsx')) }]);
    assert.equal(s.error, null);
    assert.equal(s.sensors, 2);
    assert.equal(s.startMs, Date.parse('2026-05-11T00:00:00Z'));   // 09:00 in +09:00
    assert.equal(s.import.inputs[0].file, 'readings.xlsx, sheet "Readings"');
    assert.equal(s.import.inputs[0].encoding, 'Excel workbook');
    const text = await page.locator('.bk-report pre').textContent();
    assert.match(text, /readings\.xlsx, sheet "Readings" line 8, column "초미세먼지\(PM2\.5\)": "abc" — not a number/);
  });

  test('an old .xls is refused with what to do, and the replay stays', async () => {
    const s = await drop(page, [{ name: 'readings.xls', bytes: readFileSync(join(dir, 'readings.xls')) }]);
    assert.match(s.error, /^readings\.xls: nothing imported: an old Excel workbook \(\.xls\).*save it as \.xlsx or CSV/);
    assert.equal(s.sensors, 2, 'the workbook imported before is still shown');
  });
});
