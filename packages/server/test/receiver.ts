// A real webhook receiver on loopback for the tests: verifies every request with the
// `standardwebhooks` package (as a customer's receiver would), answers what the test scripts, and
// records what it got — including how many requests for one webhook-id were in flight at once.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookPayload } from '@belfry/core/api';
import { Webhook } from 'standardwebhooks';

export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  payload: WebhookPayload;
  /** Verified with the receiver's current secret(s). */
  verified: boolean;
  status: number;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** Wait this long before answering. */
  delayMs?: number;
  body?: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Secrets a request is verified against (any one is enough). */
  secrets: string[];
  /** Decides each answer; `n` counts requests for this webhook-id so far (1 = first). */
  respond: (r: Received, n: number) => Reply;
  /** Highest number of requests for one webhook-id being answered at the same moment. */
  maxConcurrentPerId: number;
  /** Ids accepted (2xx) more than once by this receiver. */
  accepted: Map<string, number>;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (text += c));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });

export async function startReceiver(port = 0): Promise<Receiver> {
  const open = new Map<string, number>();
  const seen = new Map<string, number>();
  const receiver: Receiver = {
    url: '',
    received: [],
    secrets: [],
    respond: () => ({ status: 200 }),
    maxConcurrentPerId: 0,
    accepted: new Map(),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const body = await readBody(req);
      const headers = {
        'webhook-id': String(req.headers['webhook-id'] ?? ''),
        'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
        'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
      };
      const id = headers['webhook-id'];
      open.set(id, (open.get(id) ?? 0) + 1);
      receiver.maxConcurrentPerId = Math.max(receiver.maxConcurrentPerId, open.get(id)!);
      const verified = receiver.secrets.some((secret) => {
        try {
          new Webhook(secret).verify(body, headers);
          return true;
        } catch {
          return false;
        }
      });
      let payload: WebhookPayload;
      try {
        payload = JSON.parse(body) as WebhookPayload;
      } catch {
        payload = { type: 'triggered', timestamp: '', data: {} as WebhookPayload['data'] };
      }
      const n = (seen.get(id) ?? 0) + 1;
      seen.set(id, n);
      const entry: Received = { id, timestamp: headers['webhook-timestamp'], signature: headers['webhook-signature'], body, payload, verified, status: 0 };
      const reply = verified ? receiver.respond(entry, n) : { status: 401, body: 'bad signature' };
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
      entry.status = reply.status;
      receiver.received.push(entry);
      if (reply.status >= 200 && reply.status < 300) receiver.accepted.set(id, (receiver.accepted.get(id) ?? 0) + 1);
      open.set(id, open.get(id)! - 1);
      res.writeHead(reply.status, reply.headers ?? {});
      res.end(reply.body ?? '');
    })().catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}
