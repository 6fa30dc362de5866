import { useContext, useMemo } from 'react';
import type { UiOptions } from './BelfryProvider.js';
import { UiContext, type UiConfig } from './context.js';
import { directionOf, resolveMessages } from './messages.js';

/** The settings for a provider's options: English, left to right and light unless they say otherwise. */
export function uiConfig({ locale = 'en', messages, colorScheme = 'light', theme, allowedLinkHosts }: UiOptions): UiConfig {
  return { locale, messages: resolveMessages(messages), dir: directionOf(locale), colorScheme, theme, allowedLinkHosts };
}

const DEFAULT_UI = uiConfig({});

/**
 * Text, direction and theme settings from the nearest provider, with overrides from props. A
 * component's `locale` sets its lang, direction and date formatting; its strings stay the
 * provider's `messages` (translations are passed there, from `@belfry/react/locales`).
 */
export function useUi(overrides?: { locale?: string | undefined; colorScheme?: UiConfig['colorScheme'] | undefined }): UiConfig {
  const base = useContext(UiContext) ?? DEFAULT_UI;
  const locale = overrides?.locale;
  const colorScheme = overrides?.colorScheme;
  return useMemo(
    () =>
      locale || colorScheme
        ? {
            ...base,
            ...(locale ? { locale, dir: directionOf(locale) } : null),
            colorScheme: colorScheme ?? base.colorScheme,
          }
        : base,
    [base, locale, colorScheme],
  );
}
