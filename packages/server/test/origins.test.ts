// Browser origins: the socket.io handshake checks Origin for every transport (a WebSocket gets no
// CORS, so a page anywhere could otherwise open one), CORS never reflects an unlisted origin nor
// allows credentials, and outside dev mode the server refuses to start without an origin list.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createBelfryServer } from '../src/index';
import { freshDatabase, rid, useServer, type Harness } from './harness';

const GOOD = 'https://app.example';
const EVIL = 'https://evil.example';

/** A raw WebSocket handshake to socket.io: the engine.io open packet, or the HTTP answer it was refused with. */
function websocket(base: string, origin: string | undefined): Promise<{ opened: true } | { status: number; body: string }> {
  const url = `${base.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin === undefined ? {} : { headers: { origin } });
    ws.once('message', (data) => {
      expect(String(data)).toMatch(/^0\{"sid"/);
      ws.close();
      resolve({ opened: true });
    });
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.once('error', (err) => reject(err));
  });
}

const polling = (base: string, origin: string) => fetch(`${base}/socket.io/?EIO=4&transport=polling`, { headers: { origin } });
const preflight = (base: string, origin: string) =>
  fetch(`${base}/v1/inbox/notifications`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
  });

async function expectRefused(h: Harness, origin: string) {
  // engine.io answers a refused upgrade with 400 and the reason.
  expect(await websocket(h.url, origin)).toEqual({ status: 400, body: `origin ${origin} is not allowed (BELFRY_ALLOWED_ORIGINS)` });
  const poll = await polling(h.url, origin);
  expect(poll.status).toBe(403);
  expect(poll.headers.get('access-control-allow-origin')).toBeNull();
  const pre = await preflight(h.url, origin);
  expect(pre.headers.get('access-control-allow-origin')).toBeNull();
}

async function expectAllowed(h: Harness, origin: string, echoed: string) {
  expect(await websocket(h.url, origin)).toEqual({ opened: true });
  const poll = await polling(h.url, origin);
  expect(poll.status).toBe(200);
  expect(poll.headers.get('access-control-allow-origin')).toBe(echoed);
  expect(poll.headers.get('access-control-allow-credentials')).toBeNull();
  const pre = await preflight(h.url, origin);
  expect(pre.status).toBe(204);
  expect(pre.headers.get('access-control-allow-origin')).toBe(echoed);
  expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
}

describe('allowed origins', () => {
  describe('with a list', () => {
    const h = useServer('sqlite', { allowedOrigins: [GOOD] });

    it('a WebSocket handshake from another origin is refused; from a listed one it opens', async () => {
      await expectRefused(h, EVIL);
      await expectRefused(h, 'null');
      await expectAllowed(h, GOOD, GOOD);
    });

    it('clients that are not browsers (no Origin) still connect and authenticate', async () => {
      expect(await websocket(h.url, undefined)).toEqual({ opened: true });
      const user = await h.user(rid());
      const socket = await h.socket(user.token);
      expect(socket.socket.connected).toBe(true);
      socket.close();
    });
  });

  describe('`*`', () => {
    const h = useServer('sqlite', { allowedOrigins: ['*'] });

    it('any origin, answered with `*` and never with credentials', async () => {
      await expectAllowed(h, EVIL, '*');
    });
  });

  describe('dev mode without a list', () => {
    const h = useServer('sqlite', { allowedOrigins: undefined, dev: true });

    it('loopback pages connect, others do not', async () => {
      await expectAllowed(h, 'http://localhost:5173', 'http://localhost:5173');
      await expectAllowed(h, 'http://127.0.0.1:4000', 'http://127.0.0.1:4000');
      await expectRefused(h, EVIL);
      await expectRefused(h, 'http://localhost.evil.example');
    });
  });

  it('outside dev mode, no origin list is a startup error that says what to set', async () => {
    const db = await freshDatabase('sqlite');
    const before = process.env.BELFRY_ALLOWED_ORIGINS;
    delete process.env.BELFRY_ALLOWED_ORIGINS;
    try {
      await expect(createBelfryServer({ ...db.options, port: 0, dev: false, logger: false })).rejects.toThrow(
        /BELFRY_ALLOWED_ORIGINS is required outside dev mode.*BELFRY_DEV=1/s,
      );
      process.env.BELFRY_ALLOWED_ORIGINS = `${GOOD}, https://other.example`;
      const server = await createBelfryServer({ ...db.options, port: 0, dev: false, logger: false, masterKey: 'k' });
      expect((await preflight(server.url, 'https://other.example')).headers.get('access-control-allow-origin')).toBe('https://other.example');
      await server.close();
    } finally {
      if (before === undefined) delete process.env.BELFRY_ALLOWED_ORIGINS;
      else process.env.BELFRY_ALLOWED_ORIGINS = before;
      await db.drop();
    }
  });
});
