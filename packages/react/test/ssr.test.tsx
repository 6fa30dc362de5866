// @vitest-environment node
// Server rendering with no window or document at all.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BelfryProvider, Feed, Inbox, PreferenceCenter } from '../src/index.js';

describe('SSR', () => {
  it('renders the bell, feed skeleton and preference centre without window', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <BelfryProvider apiUrl="http://127.0.0.1:1" appId="app" userId="u" userKey="k" locale="ar">
        <Inbox />
        <Feed />
        <PreferenceCenter />
      </BelfryProvider>,
    );
    expect(html).toContain('class="belfry-bell"');
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('belfry-skeleton');
  });
});
