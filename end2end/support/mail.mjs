// Reads the mail a test server wrote to its outbox (no SMTP server is configured).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest mail's text, with quoted-printable soft breaks undone. */
function newestMail(outbox) {
  const files = readdirSync(outbox)
    .map((name) => join(outbox, name))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
  if (files.length === 0) throw new Error(`no mail in ${outbox}`);
  return readFileSync(files.at(-1), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
}

/** Waits for a mail to `to` containing a link to `path`, and returns that link's path and query. */
export async function linkInMail(outbox, to, path, timeoutMs = 5000) {
  const start = Date.now();
  for (;;) {
    try {
      const text = newestMail(outbox);
      const match = text.match(new RegExp(`https?://[^/\\s]+(${path.replace('?', '\\?')}[A-Za-z0-9_=-]+)`));
      if (text.includes(`To: ${to}`) && match) return match[1];
    } catch {
      // not written yet
    }
    if (Date.now() - start > timeoutMs) throw new Error(`no mail to ${to} with ${path}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
