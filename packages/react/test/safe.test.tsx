import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { RichText, parseRichText } from '../src/RichText.js';
import { safeUrl } from '../src/safeUrl.js';

describe('safeUrl', () => {
  it.each([
    'https://example.com/a?b=1#c',
    'http://example.com',
    'mailto:someone@example.com',
    '/inbox/42',
    'relative/path',
    '?tab=unread',
    '#anchor',
    '//example.com/x',
  ])('allows %s', (url) => {
    expect(safeUrl(url)).toBe(url);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'jav\u200bascript:alert(1)',
    'javascript&colon;alert(1)',
    'javascript&#58;alert(1)',
    '&#106;avascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '\\\\evil.com',
    '',
    null,
    undefined,
  ])('refuses %j', (url) => {
    expect(safeUrl(url as string)).toBeNull();
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
