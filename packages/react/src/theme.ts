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

/** Inline style object with the theme's custom properties (undefined values are skipped). */
export function themeStyle(theme: Theme | undefined): CSSProperties | undefined {
  if (!theme) return undefined;
  const style: Record<string, string> = {};
  for (const [key, value] of Object.entries(theme)) {
    if (value === undefined || value === null) continue;
    // Custom property names must be plain identifiers; anything else is ignored rather than injected.
    if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(key)) continue;
    style[tokenName(key)] = String(value);
  }
  return style as CSSProperties;
}
