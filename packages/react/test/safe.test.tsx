import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { RichText, parseRichText } from '../src/RichText.js';
import { safeUrl } from '../src/safeUrl.js';
import { BelfryProvider } from '../src/BelfryProvider.js';
import table from '../../core/test/fixtures/urlCases.json' with { type: 'json' };

// The one URL policy's table (packages/core/test/fixtures/urlCases.json), also run by the server suite.
describe('safeUrl: the shared URL policy table', () => {
  it.each(table.cases)('$note: $url → $ok', ({ url, ok }) => {
    expect(safeUrl(url)).toBe(ok ? url : null);
  });

  it.each(table.allowList.cases)('allowedLinkHosts, $note: $url → $ok', ({ url, ok }) => {
    expect(safeUrl(url, table.allowList.allowedHosts)).toBe(ok ? url : null);
  });

  it.each([null, undefined])('refuses %j', (url) => {
    expect(safeUrl(url)).toBeNull();
  });

  it('a body link becomes an href exactly when the policy allows it', () => {
    for (const { url, ok, note } of table.cases) {
      if (url === '' || url.length > 2048 || /[()\s\]]/.test(url)) continue; // the link syntax itself can't carry these
      const { container, unmount } = render(<RichText text={`[go](${url})`} />);
      expect(container.querySelector('a')?.getAttribute('href') ?? null, note).toBe(ok ? url : null);
      expect(container.textContent, note).toBe('go');
      unmount();
    }
  });

  it('the provider\'s allowedLinkHosts applies to body links', () => {
    const { container } = render(
      <BelfryProvider client={{} as never} allowedLinkHosts={table.allowList.allowedHosts}>
        <RichText text={'[a](https://example.com/x) [b](https://evil.example/x) [c](/inbox)'} />
      </BelfryProvider>,
    );
    expect(Array.from(container.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual(['https://example.com/x', '/inbox']);
  });
});

describe('RichText', () => {
  it('parses bold, italic and links', () => {
    expect(parseRichText('a **b** *c* [d](https://x.test)')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'strong', children: [{ type: 'text', text: 'b' }] },
      { type: 'text', text: ' ' },
      { type: 'em', children: [{ type: 'text', text: 'c' }] },
      { type: 'text', text: ' ' },
      { type: 'link', href: 'https://x.test', children: [{ type: 'text', text: 'd' }] },
    ]);
  });

  it('renders markup in the data as text, never as HTML', () => {
    const { container } = render(<RichText text={'<img src=x onerror="alert(1)"> <script>alert(2)</script> **ok**'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('strong')?.textContent).toBe('ok');
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it('drops unsafe link targets but keeps their text', () => {
    const { container } = render(
      <RichText text={'[click](javascript:alert(1)) [two](java&#x09;script:alert(1)) [safe](https://ok.test)'} />,
    );
    const links = Array.from(container.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://ok.test']);
    expect(links[0]?.getAttribute('rel')).toContain('noopener');
    expect(container.textContent).toContain('click');
    expect(container.textContent).toContain('two');
  });
});

describe('bidi isolation', () => {
  it('notification text renders in <bdi>, unchanged: an override in it cannot reach the text around it', () => {
    const title = 'Invoice \u202Egnp.exe';
    const { container } = render(
      <p>
        before <RichText text={title} /> after
      </p>,
    );
    const bdi = container.querySelector('bdi');
    expect(bdi).not.toBeNull();
    expect(bdi!.textContent).toBe(title);
    expect(container.textContent).toBe(`before ${title} after`);
  });
});
