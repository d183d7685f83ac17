// Accessibility check of the current screen with axe-core, injected from the installed package.
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = (require('axe-core') as { source: string }).source;

/** The impacts that fail the suite; minor and moderate findings are reported, not failed. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

type AxeGlobal = { axe?: { run: (options: object) => Promise<AxeResults> } };

async function runAxe(page: Page): Promise<AxeResults> {
  // Not page.addScriptTag: its script is inline, which the app's CSP (script-src 'self') rightly
  // refuses — and the suite keeps that CSP on to prove the screens live with it. Evaluating the
  // source through the DevTools protocol is not subject to the page's CSP.
  if (!(await page.evaluate(() => typeof (globalThis as AxeGlobal).axe === 'object'))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const { axe } = globalThis as AxeGlobal;
    if (!axe) throw new Error('axe-core did not load into the page');
    return axe.run({ resultTypes: ['violations'] });
  });
}

function describeViolation(v: Result): string {
  const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' '));
  return `${v.impact}: ${v.id} — ${v.help} (${targets.join('; ')}${v.nodes.length > 3 ? `; +${v.nodes.length - 3} more` : ''})`;
}

/** Fails with every serious or critical axe violation of the current screen listed. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const { violations } = await runAxe(page);
  const failing = violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? ''));
  const minor = violations.filter((v) => !FAILING_IMPACTS.has(v.impact ?? ''));
  if (minor.length) console.warn(`axe (not failing) on ${page.url()}:\n  ${minor.map(describeViolation).join('\n  ')}`);
  if (failing.length) {
    throw new Error(`serious accessibility violations on ${page.url()}:\n  ${failing.map(describeViolation).join('\n  ')}`);
  }
}
