// Maps a theme object (camelCase keys) onto --belfry-* custom properties.
import type { CSSProperties } from 'react';

/** Keys are the token names without the prefix, camelCased: `colorAccent` → `--belfry-color-accent`. */
export type Theme = Partial<Record<ThemeToken, string | number>> & Record<string, string | number | undefined>;

export type ThemeToken =
  | 'fontFamily'
  | 'fontSize'
  | 'fontSizeSmall'
  | 'lineHeight'
  | 'colorBg'
  | 'colorSurface'
  | 'colorSurfaceHover'
  | 'colorText'
  | 'colorTextMuted'
  | 'colorBorder'
  | 'colorAccent'
  | 'colorAccentText'
  | 'colorUnread'
  | 'colorUnreadBg'
  | 'colorBadge'
  | 'colorBadgeText'
  | 'colorDanger'
  | 'colorFocus'
  | 'colorSkeleton'
  | 'radius'
  | 'radiusSmall'
  | 'spacing'
  | 'spacingSmall'
  | 'shadow'
  | 'zIndex'
  | 'popoverWidth'
  | 'popoverHeight'
  | 'toastWidth'
  | 'avatarSize'
  | 'transitionDuration';

export function tokenName(key: string): string {
  return `--belfry-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

type ValueKind = 'colour' | 'length' | 'font' | 'shadow' | 'number' | 'duration';

// Each token's kind, and the property a value of that kind must be valid for (CSS.supports).
const KIND_OF: Record<ThemeToken, ValueKind> = {
  fontFamily: 'font', fontSize: 'length', fontSizeSmall: 'length', lineHeight: 'number',
  colorBg: 'colour', colorSurface: 'colour', colorSurfaceHover: 'colour', colorText: 'colour', colorTextMuted: 'colour',
  colorBorder: 'colour', colorAccent: 'colour', colorAccentText: 'colour', colorUnread: 'colour', colorUnreadBg: 'colour',
  colorBadge: 'colour', colorBadgeText: 'colour', colorDanger: 'colour', colorFocus: 'colour', colorSkeleton: 'colour',
  radius: 'length', radiusSmall: 'length', spacing: 'length', spacingSmall: 'length', shadow: 'shadow',
  zIndex: 'number', popoverWidth: 'length', popoverHeight: 'length', toastWidth: 'length', avatarSize: 'length', transitionDuration: 'duration',
};
const PROPERTY: Record<ValueKind, string> = {
  colour: 'color', length: 'padding-top', font: 'font-family', shadow: 'box-shadow', number: 'line-height', duration: 'transition-duration',
};
// Never in a token, whatever CSS.supports says: url() and other image functions fetch (var()'s
// fallback can smuggle one past CSS.supports), escapes can spell them, and these end a declaration.
const FORBIDDEN = /url\(|image(-set)?\(|cross-fade\(|element\(|paint\(|src\(|[\\;{}<>@!]/i;

const warned = new Set<string>();

function accepts(kind: ValueKind, value: string): boolean {
  if (FORBIDDEN.test(value)) return false;
  // Without CSS (server rendering) only the forbidden list applies; the browser checks again on hydration.
  return typeof CSS === 'undefined' || typeof CSS.supports !== 'function' || CSS.supports(PROPERTY[kind], value);
}

/**
 * The theme's value for a token when it is a value of the token's kind (a colour for colour tokens, a
 * length, a font family, a shadow …), otherwise undefined with one console warning naming the token.
 * Tokens outside the list may hold a colour, length, font or shadow.
 */
export function themeValue(key: string, value: string | number): string | undefined {
  const text = String(value).trim();
  const kind = (KIND_OF as Record<string, ValueKind | undefined>)[key];
  const ok = kind ? accepts(kind, text) : (['colour', 'length', 'font', 'shadow'] as const).some((k) => accepts(k, text));
  if (ok) return text;
  const id = `${key}=${text}`;
  if (!warned.has(id)) {
    warned.add(id);
    console.warn(`[belfry] theme token "${key}" ignored: ${JSON.stringify(text)} is not a valid ${kind ?? 'colour, length, font or shadow'} value`);
  }
  return undefined;
}

/** Inline style object with the theme's custom properties (undefined and refused values are skipped). */
export function themeStyle(theme: Theme | undefined): CSSProperties | undefined {
  if (!theme) return undefined;
  const style: Record<string, string> = {};
  for (const [key, value] of Object.entries(theme)) {
    if (value === undefined || value === null) continue;
    // Custom property names must be plain identifiers; anything else is ignored rather than injected.
    if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(key)) continue;
    const accepted = themeValue(key, value);
    if (accepted !== undefined) style[tokenName(key)] = accepted;
  }
  return style as CSSProperties;
}
