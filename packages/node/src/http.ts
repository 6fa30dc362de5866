// One HTTP call to the API with the secret key: JSON in and out, a deadline per attempt, and retries
// with exponential backoff and jitter on 429, 5xx and network failures, honouring Retry-After.
import type { ErrorBody } from '@belfry/core/api';
import { BelfryError } from './errors.js';

export interface HttpOptions {
  baseUrl: string;
  secretKey: string;
  /** Retries after the first attempt (default 3). */
  maxRetries: number;
  /** Deadline of one attempt in ms (default 30 s). */
  timeoutMs: number;
  fetch: typeof fetch;
}

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: object | undefined;
  body?: unknown;
  /** Also retry a 409 on this field (an idempotent trigger still in progress). */
  retryConflictOn?: string;
}

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 20_000;

/** Seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export const backoffMs = (attempt: number) => Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt) * (0.8 + Math.random() * 0.4);

function queryString(query: object | undefined): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function request<T>(o: HttpOptions, spec: RequestSpec): Promise<T> {
  const url = `${o.baseUrl.replace(/\/$/, '')}${spec.path}${queryString(spec.query)}`;
  const headers: Record<string, string> = { authorization: `Bearer ${o.secretKey}`, accept: 'application/json' };
  if (spec.body !== undefined) headers['content-type'] = 'application/json';
  const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    let text: string;
    try {
      res = await o.fetch(url, { method: spec.method, headers, body, signal: AbortSignal.timeout(o.timeoutMs) });
      text = await res.text();
    } catch (err) {
      // No answer: the request may or may not have been applied, so only idempotent retries are safe —
      // every call here is (reads, upserts, and triggers carry an idempotencyKey).
      if (attempt >= o.maxRetries) throw toNetworkError(err);
      await sleep(backoffMs(attempt));
      continue;
    }
    const json = text ? (JSON.parse(text) as unknown) : undefined;
    if (res.ok) return json as T;
    const error = (json as Partial<ErrorBody> | undefined)?.error;
    const failure = new BelfryError(error?.code ?? 'internal', error?.message ?? `HTTP ${res.status}`, res.status, error?.field, res.headers.get('x-request-id') ?? undefined);
    const retryable = res.status === 429 || res.status >= 500 || (res.status === 409 && spec.retryConflictOn !== undefined && error?.field === spec.retryConflictOn);
    if (!retryable || attempt >= o.maxRetries) throw failure;
    await sleep(Math.min(retryAfterMs(res.headers.get('retry-after')) ?? backoffMs(attempt), MAX_DELAY_MS * 3));
  }
}

function toNetworkError(err: unknown): BelfryError {
  const timeout = err instanceof DOMException && err.name === 'TimeoutError';
  return new BelfryError(timeout ? 'timeout' : 'network_error', err instanceof Error ? err.message : String(err), 0);
}
