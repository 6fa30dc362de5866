import { useContext, useMemo } from 'react';
import { UiContext, type UiConfig } from './context.js';
import { directionOf, en } from './messages.js';

const DEFAULT_UI: UiConfig = { locale: 'en', messages: en, dir: 'ltr', colorScheme: 'light', theme: undefined, allowedLinkHosts: undefined };

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
