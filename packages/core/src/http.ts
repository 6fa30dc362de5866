import type { ErrorBody } from './api/types.js';
import { BelfryError } from './errors.js';

export interface HttpOptions {
  apiUrl: string;
  fetch: typeof fetch;
  /** ms before a request is aborted with code 'timeout'. */
  timeout: number;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export type Transport = <T>(method: string, path: string, options?: RequestOptions) => Promise<T>;


/**
 * One JSON request: URL building, a timeout through AbortController, and every failure turned into a
 * BelfryError (wire code + status, or network / timeout / aborted). No auth here: see session.ts.
 */
export function createTransport({ apiUrl, fetch: fetchImpl, timeout }: HttpOptions): Transport {
  const base = apiUrl.replace(/\/+$/, '');
  return async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    // URLSearchParams stringifies the values.
    const qs = `${new URLSearchParams(Object.entries(options.query ?? {}).filter(([, v]) => v !== undefined) as string[][])}`;
    const url = base + path + (qs ? `?${qs}` : '');
    const controller = new AbortController();
    const abort = () => controller.abort();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort();
    }, timeout);
    const outer = options.signal;
    if (outer?.aborted) abort();
    else outer?.addEventListener('abort', abort, { once: true });
    try {
      const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      let res: Response | undefined;
      let text: string;
      try {
        // JSON.stringify(undefined) is undefined: no body.
        res = await fetchImpl(url, { method, headers, body: JSON.stringify(options.body), signal: controller.signal });
        text = await res.text();
      } catch (err) {
        if (timedOut) throw new BelfryError('timeout', `${method} ${path} timed out after ${timeout} ms`, { cause: err });
        // A response that had begun is a lost connection, never "aborted".
        if (res) throw new BelfryError('network', `${method} ${path}: connection lost reading the response`, { cause: err });
        if (controller.signal.aborted) throw new BelfryError('aborted', `${method} ${path} was aborted`, { cause: err });
        throw new BelfryError('network', `${method} ${path} failed: ${(err as Error)?.message ?? err}`, { cause: err });
      }
      let json: unknown = undefined;
      if (text) {
        try {
          json = JSON.parse(text);
        } catch {
          if (res.ok) throw new BelfryError('internal', `${method} ${path}: response is not JSON`, { status: res.status });
        }
      }
      if (!res.ok) {
        const body = (json as ErrorBody | undefined)?.error;
        const extra: { status: number; retryAfterMs?: number; field?: string } = { status: res.status };
        // Retry-After: seconds or an HTTP date.
        const header = res.headers.get('retry-after');
        const seconds = Number(header);
        const after = !header ? NaN : Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
        if (!Number.isNaN(after)) extra.retryAfterMs = Math.max(0, after);
        if (body?.field) extra.field = body.field;
        throw new BelfryError(body?.code ?? (res.status >= 500 ? 'internal' : 'bad_request'), body?.message ?? `HTTP ${res.status}`, extra);
      }
      return json as T;
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', abort);
    }
  };
}
