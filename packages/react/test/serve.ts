// Runs a real @belfry/server for the component tests (started by globalSetup.ts as a child process:
// the tests run in happy-dom, where the server's database drivers can't load). Prints its URL.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createBelfryServer } from '@belfry/server';
import { APP, SECRET } from './constants.js';

// tmpfs when there is one: the server fsyncs every commit, which on disk makes seeding 10,000 rows slow.
const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const dir = mkdtempSync(join(base, 'belfry-react-'));
const dbPath = join(dir, 'belfry.db');
const server = await createBelfryServer({
  port: 0,
  host: '127.0.0.1',
  sqlitePath: dbPath,
  seedApps: [{ id: APP, secret: SECRET, name: 'React tests' }],
  rateLimit: false,
  logger: false,
  allowedOrigins: ['*'],
  sweepIntervalMs: 500,
  // Test-only: many notifications for one user. The first goes through the real trigger route; the
  // rest are copies of its row written straight to the database in one transaction (10,000 trigger
  // round trips take minutes on a shared machine). The list, cursor and store code read them as usual.
  configure: async (fastify) => {
    // Test-only: how many socket.io connections were opened (engine.io handshakes carry no sid).
    let handshakes = 0;
    const count = (req: { url?: string | undefined }) => {
      if (req.url?.startsWith('/socket.io/') && !/[?&]sid=/.test(req.url)) handshakes++;
    };
    fastify.server.prependListener('request', count);
    fastify.server.prependListener('upgrade', count);
    fastify.get('/__test/handshakes', async () => ({ handshakes }));
    fastify.post('/__test/seed', async (request) => {
      const { userId, count } = request.body as { userId: string; count: number };
      const res = await fastify.inject({
        method: 'POST',
        url: '/v1/notifications',
        headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ recipients: [userId], category: 'general', title: 'Item 0' }),
      });
      if (res.statusCode !== 201) throw new Error(res.body);
      const db = new Database(dbPath);
      try {
        const row = db.prepare('SELECT * FROM notifications WHERE app_id = ? AND user_id = ?').get(APP, userId) as Record<string, unknown>;
        const columns = Object.keys(row);
        const insert = db.prepare(`INSERT INTO notifications (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
        const start = Date.parse(String(row.created_at));
        db.transaction(() => {
          for (let i = 1; i < count; i++) {
            const id = `${String(row.id)}_${String(i).padStart(5, '0')}`;
            insert.run({ ...row, id, title: `Item ${i}`, created_at: new Date(start + i).toISOString() });
          }
        })();
      } finally {
        db.close();
      }
      return { ok: true };
    });
  },
});

let closing = false;
async function stop() {
  if (closing) return;
  closing = true;
  await server.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The parent going away (stdin closes) stops the server too, so no orphan is left behind.
process.stdin.on('end', stop);
process.stdin.resume();
console.log(`belfry-test-server ${server.url}`);
