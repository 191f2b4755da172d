// Starts a freshly seeded release server on a free port for one test file, and
// stops it afterwards. The binary and the built site come from scripts/env.sh.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = process.env.IEY_BIN;
const SITE_ROOT = process.env.IEY_SITE_ROOT;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url, child, deadlineMs = 20000) {
  const start = Date.now();
  while (Date.now() - start < deadlineMs) {
    if (child.exitCode !== null) throw new Error(`iey exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`iey did not become ready at ${url}`);
}

/** Seeds `members` demo members into a new database and serves it. */
export async function startServer({ members = 300, seed = 7 } = {}) {
  if (!BIN || !SITE_ROOT) throw new Error('IEY_BIN and IEY_SITE_ROOT must be set (run through scripts/e2e.sh)');
  const dir = mkdtempSync(join(tmpdir(), 'iey-e2e-'));
  const outbox = join(dir, 'outbox');
  const env = { ...process.env, IEY_DATABASE_URL: `sqlite://${dir}/iey.db`, IEY_OUTBOX: outbox, IEY_LOG: process.env.IEY_E2E_LOG || 'warn' };
  execFileSync(BIN, ['seed', '--members', String(members), '--seed', String(seed)], { env, stdio: 'inherit' });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(BIN, ['serve', '--addr', `127.0.0.1:${port}`, '--site-root', SITE_ROOT], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitUntilReady(url, child);
  return {
    url,
    outbox,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
