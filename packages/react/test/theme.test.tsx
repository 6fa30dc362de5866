// Theme values are checked before they become custom properties: url() and friends never pass (not
// even inside var()'s fallback or spelled with escapes), and each refused token is named in one
// console warning. Kinds (a colour for colour tokens …) are checked by CSS.supports, in Chromium: see
// e2e/theming.test.ts (happy-dom's CSS.supports accepts anything).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { themeStyle } from '../src/theme.js';

afterEach(() => vi.restoreAllMocks());

describe('theme values', () => {
  it('drops url(), image functions, escapes and declaration breakers, one warning per token', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const theme = {
      colorAccent: '#7c3aed',
      radius: '4px',
      shadow: '0 1px 2px rgba(0, 0, 0, 0.2)',
      fontFamily: 'Inter, sans-serif',
      colorBg: 'url(https://tracker.example/bg.png)',
      colorSurface: 'var(--brand, url(https://tracker.example/fallback.png))',
      colorText: 'u\\72l(https://tracker.example/escaped.png)',
      colorBorder: 'image-set("https://tracker.example/a.png" 1x)',
      colorBadge: 'red; background: blue',
      spacing: '4px !important',
    };
    expect(themeStyle(theme)).toEqual({
      '--belfry-color-accent': '#7c3aed',
      '--belfry-radius': '4px',
      '--belfry-shadow': '0 1px 2px rgba(0, 0, 0, 0.2)',
      '--belfry-font-family': 'Inter, sans-serif',
    });
    const named = warn.mock.calls.map((c) => /theme token "(\w+)"/.exec(String(c[0]))?.[1]);
    expect(named.sort()).toEqual(['colorBadge', 'colorBg', 'colorBorder', 'colorSurface', 'colorText', 'spacing']);
    // The same theme again (every render): no new warnings.
    themeStyle(theme);
    expect(warn).toHaveBeenCalledTimes(6);
  });

  it('keeps var() references and numbers where the token takes them', () => {
    expect(themeStyle({ colorAccent: 'var(--brand-500)', zIndex: 20, lineHeight: 1.4 })).toEqual({
      '--belfry-color-accent': 'var(--brand-500)',
      '--belfry-z-index': '20',
      '--belfry-line-height': '1.4',
    });
  });
});
