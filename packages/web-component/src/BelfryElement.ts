// What every Belfry element shares: attribute/property mapping, the shared client lease, the shadow
// root with the UI's styles, rendering @belfry/react's components (through preact/compat in the
// published builds) and the DOM events.
import { createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { BelfryClient, BelfryOptions } from '@belfry/core';
import type { Notification, NotificationAction } from '@belfry/core/api';
import { BelfryProvider, belfryStyles } from '@belfry/react';
import { acquireClient, clientKey, type ClientLease } from './clientRegistry.js';
import { emit } from './events.js';
import { adoptStyles } from './styles.js';
import { hostStyles } from './hostStyles.js';
import { localeTable } from './localeRegistry.js';
import { onRegistered } from './registrations.js';

export type ColorScheme = 'light' | 'dark' | 'auto';

/** Theme tokens, camelCased without the prefix: `{ colorAccent: '#7c3aed' }` → --belfry-color-accent. */
export type Theme = Record<string, string | number | undefined>;

/** Messages overrides, keyed like @belfry/react's messages table. */
export type MessageOverrides = Record<string, string>;

// Importing the classes must not throw where there is no DOM (SSR, Node): they extend a stand-in there.
const ElementBase: typeof HTMLElement =
  typeof HTMLElement === 'undefined' ? (class {} as unknown as typeof HTMLElement) : HTMLElement;

/** Attributes mirrored as string properties (`user-id` ↔ `userId`); see reflectAttributes. */
const STRING_ATTRIBUTES = ['api-url', 'app-id', 'user-id', 'user-key', 'locale'];
const OBSERVED_ATTRIBUTES = [...STRING_ATTRIBUTES, 'color-scheme', 'theme', 'allowed-link-hosts'];

/** Sets the attribute to the value as a string, or removes it for null/undefined. */
export function setOrRemoveAttribute(element: Element, name: string, value: unknown): void {
  if (value === null || value === undefined) element.removeAttribute(name);
  else element.setAttribute(name, String(value));
}

/** Gives the class a camelCase property for each attribute that reads and writes it (`el.userId = 'u_43'`). */
export function reflectAttributes(element: typeof BelfryElement, names: readonly string[]): void {
  for (const name of names) {
    Object.defineProperty(element.prototype, name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()), {
      get(this: Element) {
        return this.getAttribute(name);
      },
      set(this: Element, value: unknown) {
        setOrRemoveAttribute(this, name, value);
      },
    });
  }
}

function parseTheme(value: string | null): Theme | undefined {
  if (!value) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Theme) : undefined;
  } catch {
    return undefined;
  }
}

export abstract class BelfryElement extends ElementBase {
  static get observedAttributes(): string[] {
    return [...OBSERVED_ATTRIBUTES];
  }

  #lease: ClientLease | null = null;
  /** What the lease was acquired with; a different signature means a new client. */
  #leaseSignature = '';
  #offNotification: (() => void) | null = null;
  #root: Root | null = null;
  readonly #container: HTMLDivElement;
  #updateQueued = false;
  #teardownQueued = false;
  #theme: Theme | undefined;
  #messages: MessageOverrides | undefined;
  #getUserToken: (() => Promise<string>) | undefined;
  #offRegistered: (() => void) | null = null;
  /** The table for the locale plus overrides, rebuilt only when either changes (the UI memoizes on it). */
  #resolved: { locale: string; overrides: MessageOverrides | undefined; messages: MessageOverrides | undefined } | null = null;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    adoptStyles(shadow, [hostStyles, belfryStyles]);
    this.#container = shadow.ownerDocument.createElement('div');
    this.#container.className = 'belfry-element';
    shadow.append(this.#container);
  }

  // ---- attributes as properties ------------------------------------------------------------

  // api-url, app-id, user-id, user-key and locale: defined on the prototype below the class.
  declare apiUrl: string | null;
  declare appId: string | null;
  declare userId: string | null;
  declare userKey: string | null;
  declare locale: string | null;
  get colorScheme(): ColorScheme {
    const value = this.getAttribute('color-scheme');
    return value === 'dark' || value === 'auto' ? value : 'light';
  }
  set colorScheme(value: ColorScheme | null) { setOrRemoveAttribute(this, 'color-scheme', value); }
  /** Hosts absolute notification URLs may point at (`allowed-link-hosts="example.com, *.cdn.example"`); unset: any. */
  get allowedLinkHosts(): string[] | undefined {
    const hosts = this.getAttribute('allowed-link-hosts')?.split(',').map((h) => h.trim()).filter(Boolean);
    return hosts?.length ? hosts : undefined;
  }
  set allowedLinkHosts(value: readonly string[] | null | undefined) { setOrRemoveAttribute(this, 'allowed-link-hosts', value?.join(',')); }

  // ---- rich properties ------------------------------------------------------------------------

  /** Theme tokens (`{ colorAccent: '#7c3aed' }` → --belfry-color-accent). Wins over the `theme` attribute (JSON). */
  get theme(): Theme | undefined { return this.#theme ?? parseTheme(this.getAttribute('theme')); }
  set theme(value: Theme | undefined) { this.#theme = value ?? undefined; this.scheduleUpdate(); }

  /** Overrides for the UI's strings. */
  get messages(): MessageOverrides | undefined { return this.#messages; }
  set messages(value: MessageOverrides | undefined) { this.#messages = value ?? undefined; this.scheduleUpdate(); }

  /** Returns a user JWT from your backend; used instead of `user-key`. */
  get getUserToken(): (() => Promise<string>) | undefined { return this.#getUserToken; }
  set getUserToken(value: (() => Promise<string>) | undefined) { this.#getUserToken = value ?? undefined; this.scheduleUpdate(); }

  /** The client this element uses (shared with other elements for the same user); null until configured. */
  get client(): BelfryClient | null { return this.#lease?.client ?? null; }

  // ---- lifecycle --------------------------------------------------------------------------------

  connectedCallback(): void {
    this.#teardownQueued = false;
    // A locale script or the grouped list loaded later re-renders the element.
    this.#offRegistered ??= onRegistered(() => {
      this.#resolved = null;
      this.scheduleUpdate();
    });
    this.scheduleUpdate();
  }

  disconnectedCallback(): void {
    // Deferred, so moving the element (disconnect + connect in one task) keeps its client.
    this.#teardownQueued = true;
    queueMicrotask(() => {
      if (this.#teardownQueued && !this.isConnected) this.#teardown();
    });
  }

  attributeChangedCallback(_name: string, oldValue: string | null, newValue: string | null): void {
    if (oldValue !== newValue) this.scheduleUpdate();
  }

  /** Batches attribute/property changes of one task into one render. */
  protected scheduleUpdate(): void {
    if (this.#updateQueued) return;
    this.#updateQueued = true;
    queueMicrotask(() => {
      this.#updateQueued = false;
      if (this.isConnected) this.#update();
    });
  }

  /** The element's UI, rendered inside the provider. */
  // Typed loosely so the published declarations need no React types; it returns a React/Preact node.
  protected abstract renderContent(): unknown;

  // ---- event helpers for subclasses --------------------------------------------------------------

  /** The UI follows a safe actionUrl unless a listener called preventDefault(). */
  protected readonly onNotificationClick = (notification: Notification): boolean =>
    emit(this, 'belfry:notification-click', { notification }, true);

  protected readonly onAction = (notification: Notification, action: NotificationAction): void =>
    void emit(this, 'belfry:action', { notification, action });

  // ---- internals ----------------------------------------------------------------------------------

  #options(): BelfryOptions | null {
    const { apiUrl, appId, userId, userKey } = this;
    const getUserToken = this.#getUserToken;
    if (!apiUrl || !appId || (!userKey && !getUserToken)) return null;
    const options: BelfryOptions = { apiUrl, appId };
    if (userId) options.userId = userId;
    if (getUserToken) options.getUserToken = getUserToken;
    else options.userKey = userKey!;
    return options;
  }

  #syncLease(): void {
    const options = this.#options();
    // Empty exactly while there is no lease (#releaseLease clears it).
    const signature = options ? JSON.stringify([clientKey(options), options.userKey, !!options.getUserToken]) : '';
    if (signature === this.#leaseSignature) return;
    this.#releaseLease();
    if (!options) return;
    this.#lease = acquireClient(options);
    this.#leaseSignature = signature;
    this.#offNotification = this.#lease.client.on('notification', (notification) => {
      emit(this, 'belfry:notification', { notification });
    });
  }

  #releaseLease(): void {
    this.#offNotification?.();
    this.#offNotification = null;
    this.#lease?.release();
    this.#lease = null;
    this.#leaseSignature = '';
  }

  #update(): void {
    this.#syncLease();
    const client = this.#lease?.client;
    if (!client) {
      // Not configured (yet): render nothing rather than a broken UI.
      this.#root?.render(null);
      return;
    }
    this.#root ??= createRoot(this.#container);
    this.#root.render(
      createElement(
        BelfryProvider,
        {
          client,
          locale: this.locale ?? undefined,
          // Unset or unknown is 'light', the provider's default too.
          colorScheme: this.colorScheme,
          theme: this.theme,
          allowedLinkHosts: this.allowedLinkHosts,
          messages: this.#resolveMessages(),
        },
        this.renderContent() as ReactNode,
      ),
    );
  }

  #resolveMessages(): MessageOverrides | undefined {
    const locale = (this.locale ?? 'en').toLowerCase();
    const cached = this.#resolved;
    if (cached && cached.locale === locale && cached.overrides === this.#messages) return cached.messages;
    const table = localeTable(locale);
    const messages = table || this.#messages ? { ...table, ...this.#messages } : undefined;
    this.#resolved = { locale, overrides: this.#messages, messages };
    return messages;
  }

  #teardown(): void {
    this.#teardownQueued = false;
    this.#offRegistered?.();
    this.#offRegistered = null;
    this.#root?.unmount();
    this.#root = null;
    this.#releaseLease();
  }
}

reflectAttributes(BelfryElement, STRING_ATTRIBUTES);
