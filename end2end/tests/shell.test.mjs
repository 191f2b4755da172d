// The app shell: landing page, navigation, about, 404, security headers, and
// accessibility of each page, with JavaScript off and hydrated.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { MODES, assertAccessible, assertNoProblems, launch, openPage, visit } from '../support/browser.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('every response carries security headers', async () => {
  for (const path of ['/', '/healthz', '/pkg/iey.css', '/no-such-page']) {
    const response = await fetch(server.url + path);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'none'/, `${path} CSP`);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
    assert.ok(response.headers.get('referrer-policy'), path);
    assert.ok(response.headers.get('x-request-id'), path);
  }
  const page = await fetch(server.url + '/');
  assert.match(page.headers.get('content-security-policy'), /script-src 'self' 'nonce-[^']+' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(page.headers.get('content-security-policy'), /unsafe-inline/);
});

test('health and readiness answer', async () => {
  assert.equal(await (await fetch(server.url + '/healthz')).text(), 'ok');
  assert.equal((await fetch(server.url + '/readyz')).status, 200);
});

test('pages and assets are compressed', async () => {
  for (const path of ['/', '/pkg/iey.wasm']) {
    const response = await fetch(server.url + path, { headers: { 'accept-encoding': 'br, gzip' } });
    assert.match(response.headers.get('content-encoding') ?? '', /br|gzip/, path);
  }
});

for (const mode of MODES) {
  describe(mode.name, () => {
    test('the landing page says what IEY is and counts the community', async () => {
      const page = await openPage(browser, mode);
      const response = await visit(page, mode, server.url + '/');
      assert.equal(response.status(), 200);
      assert.equal(await page.locator('h1').count(), 1);
      assert.match(await page.locator('h1').innerText(), /young children/);
      assert.equal(await page.title(), 'IEY');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      const members = await page.locator('.stats__item', { hasText: 'Members' }).locator('dd').innerText();
      assert.ok(Number(members) > 200, `members figure ${members}`);
      await assertAccessible(page);
      assertNoProblems(page);
      await page.context().close();
    });

    test('the navigation leads to each section', async () => {
      const page = await openPage(browser, mode);
      await visit(page, mode, server.url + '/');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
      await page.waitForURL('**/members');
      assert.equal(await page.locator('h1').innerText(), 'Members');
      assert.equal(await page.getByRole('link', { name: 'Members', exact: true }).getAttribute('aria-current'), 'page');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
      await page.waitForURL('**/about');
      assert.equal(await page.locator('h1').innerText(), 'About IEY');
      await assertAccessible(page);
      await page.getByRole('link', { name: 'IEY home' }).click();
      await page.waitForURL(server.url + '/');
      assertNoProblems(page);
      await page.context().close();
    });

    test('an unknown address gets a helpful 404', async () => {
      const page = await openPage(browser, mode);
      const response = await page.goto(server.url + '/no-such-page');
      assert.equal(response.status(), 404);
      assert.equal(await page.locator('h1').innerText(), 'We could not find that page');
      await assertAccessible(page);
      await page.context().close();
    });

    test('the skip link moves focus to the main content', async () => {
      const page = await openPage(browser, mode);
      await visit(page, mode, server.url + '/about');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent);
      assert.equal(focused, 'Skip to content');
      await page.keyboard.press('Enter');
      assert.match(page.url(), /#main$/);
      await page.context().close();
    });
  });
}
