// A host in London publishes weekly visit times, a visitor in New York asks for
// one, the host approves, both calendars show it at their own local times, and
// the visitor's private calendar feed carries it; JavaScript off and hydrated.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { newMember } from '../support/accounts.mjs';
import { MODES, assertAccessible, assertNoProblems, launch, visit } from '../support/browser.mjs';

let server;
let browser;
before(async () => {
  server = await startServer({ members: 40, seed: 12 });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** `utc` (RFC 3339) on the clock of `zone`, as "HH:MM". */
function clock(utc, zone) {
  return new Date(utc).toLocaleTimeString('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** Sets the member's country and time zone in the profile editor. */
async function liveIn(page, mode, country, zone) {
  await visit(page, mode, `${server.url}/settings/profile`);
  await page.getByLabel('Country', { exact: true }).selectOption(country);
  await page.getByLabel('Time zone', { exact: true }).selectOption(zone);
  await page.getByRole('group', { name: 'Sectors you work in' }).getByLabel('Health').check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.waitForURL(/\/members\/[^/?]+$/);
}

for (const mode of MODES) {
  describe(mode.name, () => {
    const who = mode.javaScriptEnabled ? 'js' : 'nojs';
    const host = { handle: `hana-${who}`, name: `Hana Hostwell ${who.toUpperCase()}` };
    const guest = { handle: `vic-${who}`, name: `Victor Visitant ${who.toUpperCase()}` };
    const setting = `Sunny Days Nursery ${who.toUpperCase()}`;

    test('a host publishes times, a visitor in another zone books one, both calendars and the feed agree', async () => {
      const hostPage = await newMember(browser, mode, server, host);
      await liveIn(hostPage, mode, 'GB', 'Europe/London');
      const guestPage = await newMember(browser, mode, server, guest);
      await liveIn(guestPage, mode, 'US', 'America/New_York');

      // The host writes the offer, first forgetting its name: the rest is kept.
      await visit(hostPage, mode, `${server.url}/visits/offers/new`);
      await hostPage.getByLabel('Street address (visits in person)').fill('1 Park Lane');
      await hostPage.getByLabel('City or region').fill('Leeds');
      await hostPage.getByLabel('Country', { exact: true }).selectOption('GB');
      await hostPage.getByLabel("The setting's time zone").selectOption('Europe/London');
      await hostPage.getByLabel('Tuesday').fill('10:00-12:00');
      await hostPage.getByLabel('Notice a request needs (hours)').fill('0');
      await hostPage.getByRole('button', { name: 'Save the offer' }).click();
      await hostPage.locator('#field-setting-name-error', { hasText: "Please enter the setting's name." }).waitFor();
      assert.equal(await hostPage.getByLabel('Tuesday').inputValue(), '10:00-12:00', 'the times are kept');
      assert.equal(await hostPage.getByLabel('Setting name').getAttribute('aria-invalid'), 'true');
      await assertAccessible(hostPage);
      hostPage.problems = hostPage.problems.filter((problem) => !problem.includes('status of 422'));
      await hostPage.getByLabel('Setting name').fill(setting);
      await hostPage.getByRole('button', { name: 'Save the offer' }).click();
      await hostPage.waitForURL(/\/visits\/offers\/\d+/);
      await hostPage.getByRole('button', { name: 'Publish' }).click();
      await hostPage.getByText('Status: Published').waitFor();
      await assertAccessible(hostPage);

      // The visitor finds it and asks for the first free time, with a message.
      await visit(guestPage, mode, `${server.url}/visits/offers`);
      await guestPage.getByRole('link', { name: setting }).click();
      await guestPage.getByRole('heading', { level: 1, name: setting }).waitFor();
      assert.equal(await guestPage.getByText('1 Park Lane').count(), 0, 'the street address is for approved visitors');
      const first = guestPage.locator('.slot-choice input[type="radio"]').first();
      const utc = await first.getAttribute('value');
      await first.check();
      await guestPage.getByLabel(/A message to the host/).fill('I lead a family hub in Boston and would love to see your outdoor play.');
      await assertAccessible(guestPage);
      await guestPage.getByRole('button', { name: 'Ask for this visit' }).click();
      await guestPage.waitForURL(/\/visits\/\d+/);
      await guestPage.getByText('Requested').first().waitFor();
      const visitPath = new URL(guestPage.url()).pathname;

      // The host is told, and approves from the visits page.
      await visit(hostPage, mode, `${server.url}/visits`);
      await hostPage.getByRole('button', { name: `Approve ${guest.name}'s request` }).click();
      await hostPage.getByText('Approved').first().waitFor();

      // Both calendars show it, each at its own local time.
      const london = clock(utc, 'Europe/London');
      const newYork = clock(utc, 'America/New_York');
      assert.notEqual(london, newYork);
      await visit(hostPage, mode, `${server.url}/visits/calendar?view=agenda`);
      const hostLine = hostPage.locator('.calendar-line', { hasText: setting });
      await hostLine.waitFor();
      assert.match(await hostLine.innerText(), new RegExp(`^${london}`));
      await assertAccessible(hostPage);
      await visit(guestPage, mode, `${server.url}/visits/calendar?view=agenda`);
      const guestLine = guestPage.locator('.calendar-line', { hasText: setting });
      await guestLine.waitFor();
      assert.match(await guestLine.innerText(), new RegExp(`^${newYork}`));
      await visit(guestPage, mode, `${server.url}/visits/calendar`);
      await guestPage.locator('.calendar-month .calendar-entry', { hasText: setting }).first().waitFor();
      await assertAccessible(guestPage);

      // The visit's own page offers its calendar file.
      await visit(guestPage, mode, server.url + visitPath);
      const file = await guestPage.request.get(`${server.url}${visitPath}/calendar.ics`);
      assert.equal(file.status(), 200);
      assert.match(file.headers()['content-type'], /^text\/calendar/);

      // The visitor's private feed has it, confirmed, at the right instant.
      await visit(guestPage, mode, `${server.url}/settings`);
      await guestPage.getByRole('button', { name: 'Make my calendar feed address' }).click();
      const address = await guestPage.getByLabel('Your calendar feed address').inputValue();
      assert.match(address, /\/calendar\/[A-Za-z0-9_-]+\.ics$/);
      const feed = await (await fetch(address.replace(/^https?:\/\/[^/]+/, server.url))).text();
      const start = utc.replace(/[-:]/g, '').replace(/\.\d+/, '');
      assert.match(feed, /BEGIN:VEVENT/);
      assert.match(feed, /STATUS:CONFIRMED/);
      assert.ok(feed.includes(`DTSTART:${start}`), `DTSTART:${start} in\n${feed}`);

      assertNoProblems(hostPage);
      assertNoProblems(guestPage);
      await hostPage.context().close();
      await guestPage.context().close();
    });
  });
}
