import { BelfryFeedElement } from './BelfryFeedElement.js';
import { BelfryInboxElement } from './BelfryInboxElement.js';
import { BelfryPreferencesElement } from './BelfryPreferencesElement.js';
import { BelfryToasterElement } from './BelfryToasterElement.js';

export const ELEMENTS = {
  'belfry-inbox': BelfryInboxElement,
  'belfry-feed': BelfryFeedElement,
  'belfry-preferences': BelfryPreferencesElement,
  'belfry-toaster': BelfryToasterElement,
} as const;

/** Registers the elements (skipping names already defined, e.g. by a second copy of the script). */
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
    'belfry-toaster': BelfryToasterElement;
  }
}
