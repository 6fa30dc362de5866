// One HTTP attempt: POST the signed body, through the egress guard's DNS lookup, with one deadline
// for connect + response, no redirects followed, and at most a little of the response body read.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { EgressRefused, type EgressGuard } from './egress.js';

export interface AttemptResult {
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  /** Retry-After of the response, if any. */
  retryAfter: string | undefined;
  /** No further attempt can succeed (refused address, redirect): fail now rather than retry. */
  permanent: boolean;
}

const USER_AGENT = 'Belfry-Webhooks/1.0 (+https://www.standardwebhooks.com)';
const BODY_SNIPPET = 512;

export async function postOnce(url: string, body: string, headers: Record<string, string>, timeoutMs: number, guard: EgressGuard): Promise<AttemptResult> {
  const started = performance.now();
  const done = (r: Omit<AttemptResult, 'durationMs'>): AttemptResult => ({ ...r, durationMs: Math.round(performance.now() - started) });
  const target = new URL(url);
  try {
    // A literal IP never goes through lookup, so it is judged here; names are judged at connect time.
    if (isIP(target.hostname.replace(/^\[|\]$/g, ''))) await guard.check(target);
  } catch (err) {
    return done({ statusCode: null, error: (err as Error).message, retryAfter: undefined, permanent: true });
  }
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const finish = (r: Omit<AttemptResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(done(r));
    };
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': USER_AGENT },
        lookup: guard.lookup,
        // A fresh connection per attempt: a pooled socket would skip the connect-time check.
        agent: false,
      },
      (res) => readResponse(res, finish),
    );
    const timer = setTimeout(() => {
      finish({ statusCode: null, error: `timed out after ${timeoutMs} ms`, retryAfter: undefined, permanent: false });
      req.destroy();
    }, timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => {
      const refused = err instanceof EgressRefused;
      finish({ statusCode: null, error: refused ? err.message : `${err.code ?? 'network error'}: ${err.message}`, retryAfter: undefined, permanent: refused });
    });
    req.end(body);
  });
}

function readResponse(res: IncomingMessage, finish: (r: Omit<AttemptResult, 'durationMs'>) => void): void {
  const status = res.statusCode ?? 0;
  const retryAfter = typeof res.headers['retry-after'] === 'string' ? res.headers['retry-after'] : undefined;
  let snippet = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    if (snippet.length < BODY_SNIPPET) snippet += chunk.slice(0, BODY_SNIPPET - snippet.length);
  });
  const end = () => {
    if (status >= 200 && status < 300) return finish({ statusCode: status, error: null, retryAfter, permanent: false });
    if (status >= 300 && status < 400) {
      const location = res.headers.location ?? '';
      return finish({ statusCode: status, error: `redirects are not followed (Location: ${String(location).slice(0, 200)})`, retryAfter, permanent: true });
    }
    const text = snippet.replace(/\s+/g, ' ').trim();
    finish({ statusCode: status, error: `HTTP ${status}${text ? `: ${text}` : ''}`, retryAfter, permanent: false });
  };
  res.on('end', end);
  res.on('error', end);
  // Enough of the body has been read: stop it here (the status is what counts).
  res.on('data', () => {
    if (snippet.length >= BODY_SNIPPET) res.destroy();
  });
  res.on('close', end);
}
