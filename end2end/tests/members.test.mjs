// The member directory: a GET form with JavaScript off, search as you type once
// hydrated (without a page load), and pages that follow each other.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { MODES, assertAccessible, assertNoProblems, launch, openPage, visit } from '../support/browser.mjs';

let server;
let browser;
before(async () => {
  server = await startServer({ members: 200, seed: 3 });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function firstNames(page) {
  return page.locator('.member-card__name').allInnerTexts();
}

/**
 * Waits until the result count differs from `before`. A hydrated page keeps the
 * old results on screen while new ones load, so waiting for the URL is not enough.
 */
async function resultsChangedFrom(page, before) {
  await page.locator('.results-count').filter({ hasNotText: before }).waitFor();
}

for (const mode of MODES) {
  describe(mode.name, () => {
    test('the directory lists members and pages through them', async () => {
      const page = await openPage(browser, mode);
      await visit(page, mode, server.url + '/members');
      const firstPage = await firstNames(page);
      assert.equal(firstPage.length, 24);
      await assertAccessible(page);
      await page.getByRole('link', { name: 'Next page' }).click();
      await page.waitForURL(/after=/);
      await page.locator('.member-card__name').first().filter({ hasNotText: firstPage[0] }).waitFor();
      const secondPage = await firstNames(page);
      assert.notDeepEqual(secondPage, firstPage);
      assert.ok(secondPage.length > 0);
      assert.ok(await page.getByRole('link', { name: 'First page' }).isVisible());
      assertNoProblems(page);
      await page.context().close();
    });

    test('searching narrows the list', async () => {
      const page = await openPage(browser, mode);
      await visit(page, mode, server.url + '/members');
      const someone = (await firstNames(page))[0];
      const family = someone.split(' ').at(-1);
      const before = await page.locator('.results-count').innerText();
      await page.getByLabel('Search members').fill(family);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/q=/);
      await resultsChangedFrom(page, before);
      const names = await firstNames(page);
      assert.ok(names.includes(someone), `${someone} in ${names}`);
      assert.ok(names.length < 24);
      await page.getByLabel('Search members').fill('zzzz no such person');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByText('No members match your search.').waitFor();
      assertNoProblems(page);
      await page.context().close();
    });
  });
}

test('once hydrated, results follow the search box without a page load', async () => {
  const mode = MODES.find((m) => m.javaScriptEnabled);
  const page = await openPage(browser, mode);
  await visit(page, mode, server.url + '/members');
  await page.evaluate(() => {
    window.__sameDocument = true;
  });
  const someone = (await firstNames(page))[3];
  const family = someone.split(' ').at(-1);
  const before = await page.locator('.results-count').innerText();
  await page.getByLabel('Search members').pressSequentially(family, { delay: 20 });
  await page.waitForURL((url) => url.searchParams.get('q') === family);
  await resultsChangedFrom(page, before);
  const names = await firstNames(page);
  assert.ok(names.includes(someone), `${someone} in ${names}`);
  assert.ok(names.length < 24, 'the list narrowed');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page was reloaded');
  assertNoProblems(page);
  await page.context().close();
});

test('a broken page link gets a clear message, not an error page', async () => {
  const page = await openPage(browser, MODES[0]);
  const response = await page.goto(server.url + '/members?after=garbage');
  assert.equal(response.status(), 200);
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').innerText(), /check|not valid/i);
  await page.context().close();
});

for (const mode of MODES) {
  test(`${mode.name}: a member's name opens their profile`, async () => {
    const page = await openPage(browser, mode);
    await visit(page, mode, server.url + '/members');
    const card = page.locator('.member-card').first();
    const name = await card.locator('.member-card__name').innerText();
    await card.getByRole('link', { name }).click();
    await page.waitForURL(/\/members\/[a-z0-9-]+$/);
    await page.locator('h1', { hasText: name }).waitFor();
    assert.equal(await page.locator('h1').count(), 1);
    assert.ok(await page.getByText('Languages').isVisible());
    await assertAccessible(page);
    assertNoProblems(page);
    await page.context().close();
  });
}

test('an unknown member is a 404 page', async () => {
  const page = await openPage(browser, MODES[0]);
  const response = await page.goto(server.url + '/members/no-such-member');
  assert.equal(response.status(), 404);
  assert.equal(await page.locator('h1').innerText(), 'We could not find that page');
  await page.context().close();
});
