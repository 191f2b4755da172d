// A new member for a test: signed up through the real form, address confirmed
// from the mail in the outbox, logged in, in a browser context of their own.
import { linkInMail } from './mail.mjs';
import { openPage, visit } from './browser.mjs';

export const PASSWORD = 'a long enough secret';

/**
 * Signs up `handle` (with display name `name`) in a new context of `browser` in
 * `mode`, confirms the address, and returns the logged-in page.
 */
export async function newMember(browser, mode, server, { handle, name }) {
  const page = await openPage(browser, mode);
  const email = `${handle}@example.org`;
  await visit(page, mode, server.url + '/signup');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await page.waitForURL(/\/settings\/profile\?welcome=1/);
  const link = await linkInMail(server.outbox, email, '/verify-email?token=');
  await visit(page, mode, server.url + link);
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await page.getByText('your email address is confirmed').waitFor();
  return page;
}
