// Which browser origins may call the API and open sockets. Applied to CORS (REST, socket.io polling)
// and to socket.io's handshake for every transport (a WebSocket has no CORS: browsers send its Origin
// but never enforce anything on it, so the server must). Credentials are never allowed: every call
// carries its token in a header or the handshake payload, so no origin needs cookies.

export interface OriginPolicy {
  /** Any origin (an explicit `*`): CORS answers `*`, without credentials. */
  readonly any: boolean;
  /** True for an allowed Origin; requests without Origin (not from a browser) are not this check's business. */
  allows(origin: string | undefined): boolean;
}

const LOOPBACK = /^https?:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d{1,5})?$/i;

export class MissingOriginsError extends Error {
  constructor() {
    super(
      'BELFRY_ALLOWED_ORIGINS is required outside dev mode: the comma-separated origins of the pages that embed the inbox, ' +
        'e.g. BELFRY_ALLOWED_ORIGINS=https://app.example.com (option allowedOrigins; `*` allows any origin, without credentials). ' +
        'For local development set BELFRY_DEV=1 (option dev), which allows http://localhost and 127.0.0.1 on any port.',
    );
    this.name = 'MissingOriginsError';
  }
}

const normalise = (origin: string) => origin.trim().replace(/\/+$/, '').toLowerCase();

/** `listed` empty: none given — dev mode allows loopback pages, otherwise the server must not start. */
export function originPolicy(listed: readonly string[], dev: boolean): OriginPolicy {
  if (listed.includes('*')) return { any: true, allows: () => true };
  if (listed.length === 0) {
    if (!dev) throw new MissingOriginsError();
    return { any: false, allows: (origin) => origin === undefined || LOOPBACK.test(origin) };
  }
  const allowed = new Set(listed.map(normalise));
  return { any: false, allows: (origin) => origin === undefined || allowed.has(normalise(origin)) };
}

/** The `origin` option of @fastify/cors and of socket.io's cors: `*`, or a check that echoes allowed origins. */
export function corsOrigin(policy: OriginPolicy): '*' | ((origin: string | undefined, cb: (err: Error | null, allow: boolean) => void) => void) {
  return policy.any ? '*' : (origin, cb) => cb(null, origin !== undefined && policy.allows(origin));
}
