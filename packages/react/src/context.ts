// Contexts shared by the provider, hooks and components.
import { createContext } from 'react';
import type { BelfryClient } from '@belfry/core';
import type { Messages } from './messages.js';
import type { Theme } from './theme.js';

/** null until the provider has created its client (after mount) — hooks then report an idle state. */
export const ClientContext = createContext<BelfryClient | null>(null);

export type ColorScheme = 'light' | 'dark' | 'auto';

export interface UiConfig {
  locale: string;
  messages: Messages;
  dir: 'ltr' | 'rtl';
  colorScheme: ColorScheme;
  theme: Theme | undefined;
  /** Hosts absolute links and images may point at (empty: any), as `allowedLinkHosts` on the server. */
  allowedLinkHosts: readonly string[] | undefined;
}

export const UiContext = createContext<UiConfig | null>(null);
