// The only gate between notification data (written by any backend, possibly echoing user input) and
// an href. Anything that is not clearly http(s), mailto or relative is refused.

const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** Characters browsers strip or ignore inside a scheme ("java\tscript:", "\u0000javascript:"). */
// eslint-disable-next-line no-control-regex
const IGNORED_CHARS = /[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g;

/**
 * Returns the URL when it is safe to put in an href, otherwise null.
 * Safe: http:, https:, mailto:, and relative URLs (path, query, fragment). URLs with control characters,
 * backslashes or character references that could spell a scheme are refused rather than reasoned about.
 */
export function safeUrl(input: string | null | undefined): string | null {
  if (typeof input !== 'string') return null;
  const trimmed = input.trim();
  if (trimmed === '' || trimmed.length > 2048) return null;
  // Control characters or whitespace inside the URL are a common smuggling trick: refuse outright.
  if (/[\u0000-\u001f\u007f\\]/.test(trimmed)) return null;
  // Character references (&#58; &colon; &Tab;) decode to scheme characters in some contexts.
  if (/&(#|colon|tab|newline)/i.test(trimmed)) return null;
  const squashed = trimmed.replace(IGNORED_CHARS, '');
  // Protocol-relative "//host" is an absolute URL to the browser: check it as https.
  if (/^\/\//.test(squashed)) {
    return safeAbsolute(`https:${trimmed}`) ? trimmed : null;
  }
  const colon = squashed.indexOf(':');
  const firstDelimiter = squashed.search(/[/?#]/);
  const hasScheme = colon !== -1 && (firstDelimiter === -1 || colon < firstDelimiter);
  if (!hasScheme) return trimmed;
  const scheme = squashed.slice(0, colon + 1).toLowerCase();
  if (!/^[a-z][a-z0-9+.-]*:$/.test(scheme)) return null;
  if (!ALLOWED_SCHEMES.has(scheme)) return null;
  return safeAbsolute(trimmed) ? trimmed : null;
}

function safeAbsolute(url: string): boolean {
  try {
    const parsed = new URL(url);
    return ALLOWED_SCHEMES.has(parsed.protocol);
  } catch {
    return false;
  }
}
