import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badgeText } from '../src/badge.js';
import { directionOf, en, format, resolveMessages } from '../src/messages.js';
import { enGroups } from '../src/groupMessages.js';
import { MESSAGES, ar, de, es, fr, ja } from '../src/locales/index.js';
import { snoozeUntil } from '../src/snooze.js';
import { themeStyle } from '../src/theme.js';

describe('messages', () => {
  it('every locale has every key', () => {
    // the grouped feed's English defaults live in their own table (enGroups), loaded with the grouped feed
    const keys = Object.keys({ ...en, ...enGroups }).sort();
    expect(Object.keys(MESSAGES).sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'ja']);
    for (const table of [...Object.values(MESSAGES), ar, de, es, fr, ja]) expect(Object.keys(table).sort()).toEqual(keys);
  });
  it('is English unless given a table, and applies overrides on top', () => {
    expect(resolveMessages()).toBe(en);
    expect(resolveMessages(de).markAllRead).toBe(MESSAGES.de.markAllRead);
    expect(resolveMessages({ ...fr, inboxTitle: 'Alertes' })).toEqual({ ...fr, inboxTitle: 'Alertes' });
    expect(resolveMessages({ inboxTitle: 'Alertes' }).markAllRead).toBe(en.markAllRead);
  });
  it('knows right-to-left languages', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('he-IL')).toBe('rtl');
    expect(directionOf('ja')).toBe('ltr');
  });
  it('formats placeholders', () => {
    expect(format(en.bellLabelUnread, { count: 3 })).toBe('Notifications, 3 unread');
  });
});

describe('badge, theme, snooze', () => {
  it('caps the badge at 99+ and hides it at 0', () => {
    expect(badgeText(0)).toBeNull();
    expect(badgeText(1)).toBe('1');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });
  it('maps theme keys to --belfry-* properties and ignores odd keys', () => {
    expect(themeStyle({ colorAccent: '#f00', radius: '4px', 'x;}': 'bad' })).toEqual({
      '--belfry-color-accent': '#f00',
      '--belfry-radius': '4px',
    });
  });
  it('computes snooze presets in local time', () => {
    const now = new Date(2026, 0, 7, 15, 30); // a Wednesday
    expect(snoozeUntil('hour', now).getTime()).toBe(now.getTime() + 3600_000);
    expect(snoozeUntil('tomorrow', now)).toEqual(new Date(2026, 0, 8, 9, 0));
    expect(snoozeUntil('nextWeek', now)).toEqual(new Date(2026, 0, 12, 9, 0));
  });
});

describe('stylesheet', () => {
  const css = readFileSync(resolve(import.meta.dirname, '../src/styles.css'), 'utf8');
  it('stylesText.ts is in sync with styles.css', () => {
    execFileSync(process.execPath, [resolve(import.meta.dirname, '../scripts/styles-text.mjs'), '--check']);
  });
  it('uses only zero-specificity selectors', () => {
    const selectors = css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/@keyframes[^{]+\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '')
      .match(/(^|\})\s*([^{}@]+)\{/g)
      ?.map((s) => s.replace(/^\}?\s*/, '').replace(/\{$/, '').trim())
      .filter(Boolean);
    expect(selectors?.length).toBeGreaterThan(50);
    for (const selector of selectors ?? []) expect(selector, selector).toMatch(/^:where\(/);
  });
  it('uses logical properties for mirroring (no left/right)', () => {
    expect(css).not.toMatch(/(margin|padding|border)-(left|right)|[^-]\b(left|right)\s*:/);
  });
  it('respects reduced motion', () => {
    expect(css).toContain('prefers-reduced-motion: reduce');
  });
});
