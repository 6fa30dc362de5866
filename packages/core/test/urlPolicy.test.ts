import { describe, expect, it } from 'vitest';
import { checkUrl, policyUrl } from '../src/api/urlPolicy.js';
import table from './fixtures/urlCases.json' with { type: 'json' };

describe('URL policy', () => {
  it.each(table.cases)('$note: $url → $ok', ({ url, ok }) => {
    const verdict = checkUrl(url);
    expect(verdict.ok).toBe(ok);
    if (!verdict.ok) expect(verdict.reason.length).toBeGreaterThan(0);
    expect(policyUrl(url)).toBe(ok ? url : null);
  });

  it.each(table.allowList.cases)('allow-list, $note: $url → $ok', ({ url, ok }) => {
    expect(checkUrl(url, { allowedHosts: table.allowList.allowedHosts }).ok).toBe(ok);
  });

  it('refuses what is not a string', () => {
    expect(policyUrl(null)).toBeNull();
    expect(policyUrl(undefined)).toBeNull();
    expect(checkUrl(42).ok).toBe(false);
  });
});
