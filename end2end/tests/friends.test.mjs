// Two members connect and then part: a request with a note, the bell count, the
// answer, the friends page, the network picture, and a block that hides each from
// the other everywhere; JavaScript off and hydrated.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/server.mjs';
import { newMember } from '../support/accounts.mjs';
import { MODES, assertAccessible, assertNoProblems, launch, visit } from '../support/browser.mjs';

let server;
let browser;
before(async () => {
  server = await startServer({ members: 60, seed: 11 });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

for (const mode of MODES) {
  describe(mode.name, () => {
    const who = mode.javaScriptEnabled ? 'js' : 'nojs';
    const ana = { handle: `ana-${who}`, name: `Ana Okonkwo ${who.toUpperCase()}` };
    const ben = { handle: `ben-${who}`, name: `Ben Takahashi ${who.toUpperCase()}` };

    test('two members become friends, see it in the picture, and a block hides them', async () => {
      const anaPage = await newMember(browser, mode, server, ana);
      const benPage = await newMember(browser, mode, server, ben);

      // Ana asks Ben from his profile, with a note.
      await visit(anaPage, mode, `${server.url}/members/${ben.handle}`);
      await anaPage.getByLabel(`A note to ${ben.name} (optional)`).fill('We met at the Oslo workshop.');
      await anaPage.getByRole('button', { name: 'Send friend request' }).click();
      await anaPage.getByText('Friend request sent.').waitFor();
      await anaPage.getByText(`You asked ${ben.name} to be friends.`).waitFor();
      await assertAccessible(anaPage);

      // Ben sees the count in the navigation and the request on his friends page.
      await visit(benPage, mode, `${server.url}/members`);
      await benPage.getByRole('link', { name: /Notifications\s*, 1 unread/ }).waitFor();
      await visit(benPage, mode, `${server.url}/friends`);
      const request = benPage.locator('#requests .member-line', { hasText: ana.name });
      await request.getByText('We met at the Oslo workshop.').waitFor();
      await assertAccessible(benPage);
      await request.getByRole('button', { name: `Accept ${ana.name}'s request` }).click();
      await benPage.getByText('You are now friends.').waitFor();
      await benPage.locator('#friends .member-line', { hasText: ana.name }).waitFor();

      // Ana is told, and both see the friendship on each other's profile.
      await visit(anaPage, mode, `${server.url}/notifications`);
      await anaPage.locator('.notification__body', { hasText: `${ben.name} accepted your friend request.` }).waitFor();
      await assertAccessible(anaPage);
      await visit(anaPage, mode, `${server.url}/members/${ben.handle}`);
      await anaPage.getByText(`You and ${ben.name} are friends.`).waitFor();

      // The network picture lists Ben as a friend, and draws the edge once hydrated.
      await visit(anaPage, mode, `${server.url}/friends/graph`);
      await anaPage.getByRole('heading', { level: 1 }).waitFor();
      await anaPage.locator('main').getByRole('link', { name: ben.name }).first().waitFor();
      if (mode.javaScriptEnabled) {
        await anaPage.locator('svg line, svg path.graph-edge').first().waitFor();
        assert.ok(await anaPage.locator('svg line, svg path.graph-edge').count() >= 1);
      }
      await assertAccessible(anaPage);

      // Ben blocks Ana from her profile: she is gone for him, and he for her.
      await visit(benPage, mode, `${server.url}/members/${ana.handle}`);
      await benPage.getByRole('button', { name: `Block ${ana.name}` }).click();
      await benPage.waitForURL(/\/friends\?done=blocked/);
      await benPage.locator('#blocked .member-line', { hasText: ana.name }).waitFor();
      const hidden = await visit(anaPage, mode, `${server.url}/members/${ben.handle}`);
      assert.equal(hidden.status(), 404, 'a blocked member\'s profile is a plain 404');
      // By full name: the other mode's Ben is a Takahashi too, and not blocked.
      await visit(anaPage, mode, `${server.url}/members?q=${encodeURIComponent(ben.name)}`);
      await anaPage.getByText('No members match your search.').waitFor();
      assert.equal(await anaPage.locator('.member-card', { hasText: ben.name }).count(), 0);
      await visit(benPage, mode, `${server.url}/members?q=Okonkwo`);
      assert.equal(await benPage.locator('.member-card', { hasText: ana.name }).count(), 0);

      // Ben lifts the block from his settings; the friendship stays ended.
      await visit(benPage, mode, `${server.url}/settings`);
      await benPage.getByRole('button', { name: `Unblock ${ana.name}` }).click();
      await benPage.getByText('Unblocked.').waitFor();
      await visit(anaPage, mode, `${server.url}/members/${ben.handle}`);
      await anaPage.getByRole('button', { name: 'Send friend request' }).waitFor();

      // Ana asks again from his card in the directory, and stays on her search.
      await visit(anaPage, mode, `${server.url}/members?q=Takahashi`);
      const card = anaPage.locator('.member-card', { hasText: ben.name });
      await card.getByRole('button', { name: new RegExp(`^Add friend\\s*: ${ben.name}$`) }).click();
      await anaPage.getByText('Friend request sent.').waitFor();
      await card.getByText('Friend request sent').waitFor();
      assert.match(anaPage.url(), /q=Takahashi/);
      await assertAccessible(anaPage);

      // The browser logs the deliberate 404; nothing else may appear.
      anaPage.problems = anaPage.problems.filter((problem) => !problem.includes('status of 404'));
      assertNoProblems(anaPage);
      assertNoProblems(benPage);
      await anaPage.context().close();
      await benPage.context().close();
    });
  });
}
