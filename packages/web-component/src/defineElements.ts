import { BelfryFeedElement } from './BelfryFeedElement.js';
import { BelfryInboxElement } from './BelfryInboxElement.js';
import { BelfryPreferencesElement } from './BelfryPreferencesElement.js';

export const ELEMENTS = {
  'belfry-inbox': BelfryInboxElement,
  'belfry-feed': BelfryFeedElement,
  'belfry-preferences': BelfryPreferencesElement,
} as const;

/** Registers the three elements (skipping names already defined, e.g. by a second copy of the script). */
export function defineBelfryElements(registry: CustomElementRegistry | undefined = globalThis.customElements): void {
  if (!registry) return;
  for (const [name, element] of Object.entries(ELEMENTS)) {
    if (!registry.get(name)) registry.define(name, element);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'belfry-inbox': BelfryInboxElement;
    'belfry-feed': BelfryFeedElement;
    'belfry-preferences': BelfryPreferencesElement;
  }
}
