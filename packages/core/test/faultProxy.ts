// A fault-injecting HTTP + WebSocket proxy between the client under test and a real server:
// latency, injected error statuses (500, 429 + Retry-After), and cutting every open connection.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface Fault {
  /** Only requests whose "METHOD path" matches are affected (default: every request). */
  match?: RegExp;
  status: number;
  /** Retry-After seconds for 429s. */
  retryAfter?: number;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Wire error code of the injected body (default from the status). */
  code?: string;
}

export interface FaultProxy {
  url: string;
  port: number;
  /** Every request waits this long before it is forwarded. */
  latencyMs: number;
  /** While true, every new connection is refused at once (a network outage). */
  down: boolean;
  /** Answer with `Connection: close`, so clients keep no idle keep-alive connections. */
  noKeepAlive: boolean;
  inject(fault: Fault): void;
  /** Destroys every open connection (HTTP keep-alive and WebSocket upgrades): the network blinked. */
  cutAll(): number;
  /** Requests seen ("METHOD path?query"), for asserting what went over the wire. */
  log: string[];
  /** "METHOD path STATUS" for every answered request (injected or forwarded). */
  responses: string[];
  upgrades: number;
  /** While true, WebSocket upgrades wait (HTTP still flows) until it is set back to false. */
  holdUpgrades: boolean;
  openSockets(): number;
  setTarget(url: string): void;
  close(): Promise<void>;
}

export async function startFaultProxy(targetUrl: string, port = 0): Promise<FaultProxy> {
  let target = new URL(targetUrl);
  const sockets = new Set<net.Socket>();
  const faults: Array<Fault & { left: number }> = [];
  const state = { latencyMs: 0, down: false, upgrades: 0, noKeepAlive: false, holdUpgrades: false };
  const log: string[] = [];
  const responses: string[] = [];
  const track = (s: net.Socket) => {
    if (sockets.has(s)) return;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
  };

  const server = http.createServer((req, res) => {
    const line = `${req.method} ${req.url}`;
    log.push(line);
    const go = () => {
      const fault = faults.find((f) => f.left > 0 && (!f.match || f.match.test(line)));
      if (fault) {
        fault.left--;
        req.resume();
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
        const code = fault.code ?? (fault.status === 429 ? 'rate_limited' : fault.status === 401 ? 'token_expired' : 'internal');
        responses.push(`${line} ${fault.status}`);
        res.writeHead(fault.status, headers).end(JSON.stringify({ error: { code, message: `injected ${fault.status}` } }));
        return;
      }
      const upstream = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          responses.push(`${line} ${up.statusCode}`);
          const headers = { ...up.headers };
          if (state.noKeepAlive) {
            headers.connection = 'close';
            delete headers['keep-alive'];
            res.shouldKeepAlive = false;
          }
          res.writeHead(up.statusCode ?? 502, headers);
          up.pipe(res);
          up.on('error', () => res.destroy());
        },
      );
      upstream.on('socket', track);
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    };
    if (state.latencyMs > 0) setTimeout(go, state.latencyMs);
    else go();
  });
  server.on('connection', (s) => {
    if (state.down) {
      s.destroy();
      return;
    }
    track(s);
  });
  server.on('upgrade', async (req, client, head) => {
    while (state.holdUpgrades) await new Promise((r) => setTimeout(r, 10));
    if (client.destroyed) return;
    state.upgrades++;
    const upstream = net.connect(Number(target.port), target.hostname, () => {
      let raw = `${req.method} ${req.url} HTTP/1.1\r\n`;
      for (let i = 0; i < req.rawHeaders.length; i += 2) raw += `${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}\r\n`;
      upstream.write(raw + '\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    track(client as net.Socket);
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  // The knobs are the state object's own fields, so tests set them directly (proxy.down = true).
  return Object.assign(state, {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    inject(fault) {
      faults.push({ ...fault, left: fault.times ?? 1 });
    },
    cutAll() {
      const n = sockets.size;
      for (const s of sockets) s.destroy();
      sockets.clear();
      return n;
    },
    log,
    responses,
    openSockets: () => sockets.size,
    setTarget(url) {
      target = new URL(url);
    },
    async close() {
      for (const s of sockets) s.destroy();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  } satisfies Omit<FaultProxy, keyof typeof state>);
}
