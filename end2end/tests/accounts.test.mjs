// A new member's first visit, with JavaScript off and hydrated: sign up (after a
// mistake), confirm the address from the mail, log out and in, fill the profile
// with a photo, find themselves in the directory with two filters, log out.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { linkInMail } from '../support/mail.mjs';
import { gradientPng } from '../support/images.mjs';
import { MODES, assertAccessible, assertNoProblems, launch, openPage, visit } from '../support/browser.mjs';

let server;
let browser;
before(async () => {
  server = await startServer({ members: 120, seed: 9 });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const PASSWORD = 'a long enough secret';

for (const mode of MODES) {
  describe(mode.name, () => {
    const who = mode.javaScriptEnabled ? 'js' : 'nojs';
    const email = `zuzanna-${who}@example.org`;
    const handle = `zuzanna-${who}`;
    const name = `Zuzanna Quillfeather ${who.toUpperCase()}`;

    test('sign up, confirm, log in, fill the profile with a photo, find yourself, log out', async () => {
      const page = await openPage(browser, mode);

      // Sign up, first with a password that is too short.
      await visit(page, mode, server.url + '/signup');
      await assertAccessible(page);
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill('too short');
      await page.getByLabel('Handle').fill(handle);
      await page.getByLabel('Your name').fill(name);
      await page.getByRole('button', { name: 'Create my account' }).click();
      await page.getByText('Please choose a password of at least 10 characters.').waitFor();
      assert.equal(await page.getByLabel('Email address').inputValue(), email, 'the email is kept');
      assert.equal(await page.getByLabel('Handle').inputValue(), handle, 'the handle is kept');
      assert.equal(await page.getByLabel('Password').getAttribute('aria-invalid'), 'true');
      await assertAccessible(page);
      // The browser logs the deliberate mistake's 422 answer; nothing else may appear.
      page.problems = page.problems.filter((problem) => !problem.includes('status of 422'));
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Create my account' }).click();
      await page.waitForURL(/\/settings\/profile\?welcome=1/);
      await page.getByText('Please confirm your email address').waitFor();

      // Confirm the address from the mail in the outbox.
      const link = await linkInMail(server.outbox, email, '/verify-email?token=');
      await visit(page, mode, server.url + link);
      await page.getByRole('button', { name: 'Confirm my email address' }).click();
      await page.getByText('your email address is confirmed').waitFor();

      // Log out from the navigation, then log in again.
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.getByRole('link', { name: 'Log in' }).waitFor();
      await visit(page, mode, server.url + '/login');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL(/\/members/);
      await page.getByRole('link', { name }).first().waitFor();

      // Fill the profile.
      await visit(page, mode, server.url + '/settings/profile');
      await page.getByLabel('Role').fill('Health visitor and play researcher');
      await page.getByLabel('Country', { exact: true }).selectOption('NO');
      await page.getByRole('group', { name: 'Sectors you work in' }).getByLabel('Health').check();
      await page.getByRole('button', { name: 'Save profile' }).click();
      await page.waitForURL(new RegExp(`/members/${handle}$`));
      await page.getByText('Health visitor and play researcher').first().waitFor();

      // Add a photo.
      await visit(page, mode, server.url + '/settings/profile');
      await page.locator('#avatar-file').setInputFiles({
        name: 'me.png',
        mimeType: 'image/png',
        buffer: gradientPng(),
      });
      await page.getByRole('button', { name: 'Upload photo' }).click();
      await page.waitForURL(/avatar=saved/);
      const photo = page.locator('img[src^="/media/avatars/"]').first();
      await photo.waitFor();
      const served = await page.request.get(server.url + (await photo.getAttribute('src')));
      assert.equal(served.status(), 200);
      assert.equal(served.headers()['content-type'], 'image/jpeg');

      // Find yourself in the directory with a search and two filters. Hydrated, each
      // change updates the results (and the address) by itself; without JavaScript
      // the Search button sends the form.
      await visit(page, mode, server.url + '/members');
      await page.getByLabel('Search members').fill('Quillfeather');
      if (mode.javaScriptEnabled) await page.waitForURL(/q=Quillfeather/);
      // The filters are folded until one is on.
      await page.locator('summary', { hasText: 'Filter and sort' }).click();
      await page.getByLabel('Country', { exact: true }).selectOption('NO');
      if (mode.javaScriptEnabled) await page.waitForURL(/country=NO/);
      await page.getByLabel('Sector', { exact: true }).selectOption('health');
      if (mode.javaScriptEnabled) await page.waitForURL(/sector=health/);
      else await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/country=NO.*sector=health|sector=health.*country=NO/);
      const card = page.locator('.member-card', { hasText: name });
      await card.waitFor();
      await assertAccessible(page);

      // Log out: the settings page asks to log in again.
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.getByRole('link', { name: 'Log in' }).waitFor();
      await visit(page, mode, server.url + '/settings');
      await page.getByText('to see your settings').waitFor();
      assertNoProblems(page);
      await page.context().close();
    });
  });
}
