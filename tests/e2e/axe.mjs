// axe.mjs — axe-core (from npm) run in a page: the accessibility check of a11y.test.mjs and compare.test.mjs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// axe-core's violations on the page (or a frame) as it is now, e.g. ["color-contrast: #x (…)"]; [] when clean.
// One line to reuse for another view: assert.deepEqual(await axeViolations(page), []).
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? ''})`).join('; ')}`));
  return violations;
}

