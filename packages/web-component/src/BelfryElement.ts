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
import { localeTable, onLocaleRegistered } from './localeRegistry.js';

export type ColorScheme = 'light' | 'dark' | 'auto';

/** Theme tokens, camelCased without the prefix: `{ colorAccent: '#7c3aed' }` → --belfry-color-accent. */
export type Theme = Record<string, string | number | undefined>;

/** Messages overrides, keyed like @belfry/react's messages table. */
export type MessageOverrides = Record<string, string>;

// Importing the classes must not throw where there is no DOM (SSR, Node): they extend a stand-in there.
const ElementBase: typeof HTMLElement =
  typeof HTMLElement === 'undefined' ? (class {} as unknown as typeof HTMLElement) : HTMLElement;

const OBSERVED_ATTRIBUTES = ['api-url', 'app-id', 'user-id', 'user-key', 'locale', 'color-scheme', 'theme', 'allowed-link-hosts'];

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
  #container: HTMLDivElement | null = null;
  #updateQueued = false;
  #teardownQueued = false;
  #theme: Theme | undefined;
  #messages: MessageOverrides | undefined;
  #getUserToken: (() => Promise<string>) | undefined;
  /** The table for the locale plus overrides, rebuilt only when either changes (the UI memoizes on it). */
  #offLocales: (() => void) | null = null;
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

  get apiUrl(): string | null { return this.getAttribute('api-url'); }
  set apiUrl(value: string | null) { this.#setAttr('api-url', value); }
  get appId(): string | null { return this.getAttribute('app-id'); }
  set appId(value: string | null) { this.#setAttr('app-id', value); }
  get userId(): string | null { return this.getAttribute('user-id'); }
  set userId(value: string | null) { this.#setAttr('user-id', value); }
  get userKey(): string | null { return this.getAttribute('user-key'); }
  set userKey(value: string | null) { this.#setAttr('user-key', value); }
  get locale(): string | null { return this.getAttribute('locale'); }
  set locale(value: string | null) { this.#setAttr('locale', value); }
  get colorScheme(): ColorScheme {
    const value = this.getAttribute('color-scheme');
    return value === 'dark' || value === 'auto' ? value : 'light';
  }
  set colorScheme(value: ColorScheme | null) { this.#setAttr('color-scheme', value); }
  /** Hosts absolute notification URLs may point at (`allowed-link-hosts="example.com, *.cdn.example"`); unset: any. */
  get allowedLinkHosts(): string[] | undefined {
    const hosts = this.getAttribute('allowed-link-hosts')?.split(',').map((h) => h.trim()).filter(Boolean);
    return hosts?.length ? hosts : undefined;
  }
  set allowedLinkHosts(value: readonly string[] | null | undefined) { this.#setAttr('allowed-link-hosts', value?.join(',')); }

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
    // A locale script loaded later re-renders the elements that asked for its language.
    this.#offLocales ??= onLocaleRegistered(() => {
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

  /** Called when the element's client changes (including to null). */
  protected clientChanged(_client: BelfryClient | null): void {}

  // ---- event helpers for subclasses --------------------------------------------------------------

  /** The UI follows a safe actionUrl unless a listener called preventDefault(). */
  protected readonly onNotificationClick = (notification: Notification): boolean =>
    emit(this, 'belfry:notification-click', { notification }, true);

  protected readonly onAction = (notification: Notification, action: NotificationAction): void => {
    emit(this, 'belfry:action', { notification, action });
  };

  // ---- internals ----------------------------------------------------------------------------------

  #setAttr(name: string, value: string | null | undefined): void {
    if (value === null || value === undefined) this.removeAttribute(name);
    else this.setAttribute(name, String(value));
  }

  #options(): BelfryOptions | null {
    const apiUrl = this.apiUrl;
    const appId = this.appId;
    const userKey = this.userKey ?? undefined;
    const getUserToken = this.#getUserToken;
    if (!apiUrl || !appId || (!userKey && !getUserToken)) return null;
    const options: BelfryOptions = { apiUrl, appId };
    if (this.userId) options.userId = this.userId;
    if (getUserToken) options.getUserToken = getUserToken;
    else if (userKey) options.userKey = userKey;
    return options;
  }

  #syncLease(): void {
    const options = this.#options();
    const signature = options ? JSON.stringify([clientKey(options), options.userKey ?? '', !!options.getUserToken]) : '';
    if (signature === this.#leaseSignature && (this.#lease || !options)) return;
    this.#releaseLease();
    this.#leaseSignature = signature;
    if (!options) {
      this.clientChanged(null);
      return;
    }
    this.#lease = acquireClient(options);
    this.#offNotification = this.#lease.client.on('notification', (notification) => {
      emit(this, 'belfry:notification', { notification });
    });
    this.clientChanged(this.#lease.client);
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
    const container = this.#container;
    if (!container) return;
    const client = this.#lease?.client;
    if (!client) {
      // Not configured (yet): render nothing rather than a broken UI.
      this.#root?.render(null);
      return;
    }
    this.#root ??= createRoot(container);
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
    this.#offLocales?.();
    this.#offLocales = null;
    this.#root?.unmount();
    this.#root = null;
    this.#releaseLease();
    this.clientChanged(null);
  }
}
