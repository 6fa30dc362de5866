// Public API: the element classes and helpers. No side effects: import './define' (or call
// defineBelfryElements()) to register <belfry-inbox>, <belfry-feed>,
// <belfry-preferences> and <belfry-toaster>.
export { BelfryElement, type ColorScheme, type MessageOverrides, type Theme } from './BelfryElement.js';
export { BelfryInboxElement, parseCategories, type CategoryTab, type ItemRenderContext, type Placement } from './BelfryInboxElement.js';
export { BelfryFeedElement } from './BelfryFeedElement.js';
export { BelfryPreferencesElement } from './BelfryPreferencesElement.js';
export { BelfryToasterElement, type ToastPosition } from './BelfryToasterElement.js';
export { defineBelfryElements, ELEMENTS } from './defineElements.js';
export { acquireClient, clientKey, sharedClientCount, type ClientLease } from './clientRegistry.js';
export { registerLocale } from './localeRegistry.js';
export type { BelfryEventMap, BelfryEventName } from './events.js';
export type { DomRenderResult } from './DomSlot.js';
