// The one URL policy for everything a notification links to (actionUrl, action urls, avatarUrl,
// links in the body). The server refuses what it refuses at the API (so emails, webhooks and a
// customer's own UI never receive such URLs) and the inboxes check it again before an href.
// Allowed: http(s) absolute URLs without credentials, mailto:, and same-origin paths beginning with
// a single "/". Anything a browser might read differently than this code is refused, not repaired.

export interface UrlPolicyOptions {
  /**
   * Hosts absolute http(s) URLs may point at: "example.com" (that host only) or "*.example.com"
   * (its subdomains, not itself). Absent or empty: any host. Paths and mailto: are not affected.
   */
  allowedHosts?: readonly string[] | undefined;
}

export type UrlVerdict = { ok: true } | { ok: false; reason: string };

export const MAX_URL_LENGTH = 2048;

/** The rule in one sentence, for error messages and docs. */
export const URL_RULE = 'must be an http(s) URL without credentials, a mailto: URL, or a path beginning with a single "/"';

// C0/C1 controls, whitespace, soft hyphen, zero-width and bidi formatting characters, BOM: browsers
// strip or ignore some of them inside a scheme ("java\u200bscript:"), and they hide what a URL says.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufe00-\ufe0f\ufeff\ufff0-\ufffb]/u;
/** A character reference (&#106; &#x6A; &colon;) that an HTML consumer would decode into the URL. */
const CHARACTER_REFERENCE = /&(#|[a-z][a-z0-9]*;)/i;
const BASE = 'https://origin.invalid';

export function checkUrl(input: unknown, options: UrlPolicyOptions = {}): UrlVerdict {
  if (typeof input !== 'string' || input.length === 0) return refuse('is empty');
  if (input.length > MAX_URL_LENGTH) return refuse(`is longer than ${MAX_URL_LENGTH} characters`);
  if (INVISIBLE.test(input)) return refuse('contains whitespace, control or invisible characters');
  if (input.includes('\\')) return refuse('contains a backslash');
  if (CHARACTER_REFERENCE.test(input)) return refuse('contains an HTML character reference');

  if (input.startsWith('/')) {
    // "//host" and "/\host" are other origins to a browser, not paths.
    if (input.startsWith('//')) return refuse('starts with "//" (another origin, not a path)');
    const resolved = parse(input, BASE);
    if (!resolved || resolved.origin !== BASE) return refuse('does not stay on this origin');
    return { ok: true };
  }

  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(input)?.[1]?.toLowerCase();
  if (scheme === 'mailto') {
    return input.length > 'mailto:'.length && parse(input) ? { ok: true } : refuse('is not a valid mailto: URL');
  }
  if (scheme !== 'http' && scheme !== 'https') {
    return refuse(scheme ? `uses the ${scheme}: scheme` : 'is neither absolute nor a path beginning with "/"');
  }
  // "https:evil.example" and "https:/evil.example" are absolute to a browser; require the "//".
  if (!/^https?:\/\//i.test(input)) return refuse('must be written scheme://host');
  const url = parse(input);
  if (!url || url.hostname === '') return refuse('is not a valid URL');
  if (url.username !== '' || url.password !== '' || /^https?:\/\/[^/?#]*@/i.test(input)) return refuse('contains credentials (user:password@)');
  if (!hostAllowed(url.hostname, options.allowedHosts)) return refuse(`points at ${url.hostname}, which is not an allowed host`);
  return { ok: true };
}

/** The URL when the policy allows it, otherwise null: what may go into an href or src. */
export function policyUrl(input: string | null | undefined, options?: UrlPolicyOptions): string | null {
  return typeof input === 'string' && checkUrl(input, options).ok ? input : null;
}

export function hostAllowed(hostname: string, allowedHosts: readonly string[] | undefined): boolean {
  if (!allowedHosts || allowedHosts.length === 0) return true;
  return allowedHosts.some((entry) => {
    const wildcard = entry.trim().startsWith('*.');
    // Through the URL parser, so "例え.jp" in the list matches the punycode hostname of a URL.
    const allowed = parse(`https://${entry.trim().slice(wildcard ? 2 : 0)}/`)?.hostname;
    if (!allowed) return false;
    return wildcard ? hostname.endsWith(`.${allowed}`) : hostname === allowed;
  });
}

function parse(input: string, base?: string): URL | null {
  try {
    return new URL(input, base);
  } catch {
    return null;
  }
}

const refuse = (reason: string): UrlVerdict => ({ ok: false, reason });
