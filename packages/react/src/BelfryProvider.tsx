import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createBelfry, type BelfryClient, type BelfryOptions } from '@belfry/core';
import { ClientContext, UiContext, type ColorScheme } from './context.js';
import type { Messages } from './messages.js';
import { uiConfig } from './useUi.js';
import type { Theme } from './theme.js';

export interface UiOptions {
  /** BCP 47 locale for relative times and direction (default 'en'). */
  locale?: string;
  /**
   * The UI's strings: a table from `@belfry/react/locales` (`messages={de}`) and/or overrides for any
   * string. Keys left out are English, the one table built in.
   */
  messages?: Partial<Messages>;
  colorScheme?: ColorScheme;
  theme?: Theme;
  /**
   * Hosts absolute URLs of notifications (links, actions, avatars) may point at: `example.com` or
   * `*.example.com`. Others are not linked. Default: any host (the server may have its own list).
   */
  allowedLinkHosts?: readonly string[];
}

export type BelfryProviderProps = UiOptions & { children?: ReactNode } & (
    | { client: BelfryClient }
    | (BelfryOptions & { client?: undefined })
  );

interface Holder {
  key: string;
  client: BelfryClient;
  timer: ReturnType<typeof setTimeout> | undefined;
}

// Functions and class instances in the options compare by reference: each gets an id once.
const refIds = new WeakMap<object, number>();
let lastRefId = 0;

/** Identity of the options that need a new client when they change. */
function optionsKey(options: BelfryOptions): string {
  return JSON.stringify(options, (_key, value: unknown) => {
    if (typeof value === 'function' || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype)) {
      let id = refIds.get(value as object);
      if (id === undefined) {
        id = ++lastRefId;
        refIds.set(value as object, id);
      }
      return `#ref${id}`;
    }
    return value;
  });
}

/**
 * Provides a client to the hooks and components below. Given `client`, it uses it as is (and never
 * destroys it). Given options, it creates its own client after mount and destroys it on unmount. The
 * client lives in a ref and its destruction is deferred by a task, so StrictMode's mount → unmount →
 * mount keeps one client (one socket) instead of creating two.
 */
export function BelfryProvider(props: BelfryProviderProps) {
  const { children, locale, messages, colorScheme, theme, allowedLinkHosts } = props;
  const external = props.client;
  const ownOptions = external ? null : extractOptions(props as BelfryOptions & UiOptions);
  const key = ownOptions ? optionsKey(ownOptions) : '';
  const latestOptions = useRef(ownOptions);
  latestOptions.current = ownOptions;
  const holder = useRef<Holder | null>(null);
  const [own, setOwn] = useState<BelfryClient | null>(null);

  useEffect(() => {
    if (external || !latestOptions.current) return undefined;
    let current = holder.current;
    if (current && current.key === key) {
      clearTimeout(current.timer);
    } else {
      current = { key, client: createBelfry(latestOptions.current), timer: undefined };
      holder.current = current;
    }
    setOwn(current.client);
    const mine = current;
    return () => {
      mine.timer = setTimeout(() => {
        mine.client.destroy();
        if (holder.current === mine) holder.current = null;
      }, 0);
    };
  }, [external, key]);

  const client = external ?? (own && holder.current?.client === own ? own : null);

  const ui = useMemo(
    () => uiConfig({ locale, messages, colorScheme, theme, allowedLinkHosts }),
    [locale, messages, colorScheme, theme, allowedLinkHosts],
  );

  return (
    <ClientContext.Provider value={client}>
      <UiContext.Provider value={ui}>{children}</UiContext.Provider>
    </ClientContext.Provider>
  );
}

function extractOptions(props: BelfryOptions & UiOptions & { children?: ReactNode; client?: undefined }): BelfryOptions {
  const { children, client, locale, messages, colorScheme, theme, allowedLinkHosts, ...options } = props;
  return options;
}
