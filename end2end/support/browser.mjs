// Debian's Chromium driven by playwright-core, in the two ways every page must
// work: with JavaScript off (pure server rendering) and hydrated.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';

export const MODES = [
  { name: 'javascript off', javaScriptEnabled: false },
  { name: 'hydrated', javaScriptEnabled: true },
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.IEY_CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A new page in `mode` that records console errors and uncaught exceptions, so a
 * test can assert there were none.
 */
export async function openPage(browser, mode) {
  const context = await browser.newContext({ javaScriptEnabled: mode.javaScriptEnabled });
  const page = await context.newPage();
  page.problems = [];
  page.javaScriptDisabled = !mode.javaScriptEnabled;
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  // The documents this page loaded and the requests that failed, so a failure can
  // say which answer caused it.
  page.documents = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'document' && response.status() < 400) return;
    const policies = (response.headers()['content-security-policy'] ?? '').split('\n');
    const csp = policies.map((policy) => policy.split(';')[0]).join(' + ');
    page.documents.push(`${response.request().method()} ${response.url()} -> ${response.status()} (csp: ${csp})`);
  });
  return page;
}

/** Goes to `path` and, when hydrated, waits until the app is live. */
export async function visit(page, mode, url) {
  const response = await page.goto(url);
  if (mode.javaScriptEnabled) {
    await page.waitForSelector('html[data-hydrated="true"]', { timeout: 15000 });
  }
  return response;
}

/**
 * Fails on any serious or critical accessibility violation axe-core finds. axe needs
 * JavaScript, so a JavaScript-off page is checked as the same server-rendered HTML
 * in a context where our bundle is blocked instead.
 */
export async function assertAccessible(page) {
  let target = page;
  let scratch;
  if (page.javaScriptDisabled) {
    scratch = await page.context().browser().newContext({ javaScriptEnabled: true });
    await scratch.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
    target = await scratch.newPage();
    await target.goto(page.url());
  }
  try {
    const results = await new AxeBuilder({ page: target }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(
      bad.map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
      `accessibility violations on ${page.url()}`,
    );
  } finally {
    await scratch?.close();
  }
}

/** Fails if the page logged an error or threw. */
export function assertNoProblems(page) {
  assert.deepEqual(
    page.problems,
    [],
    `problems on ${page.url()}; the last pages loaded and failed requests:\n  ${page.documents.slice(-8).join('\n  ')}`,
  );
}
