// What add-on entries (`@belfry/core/grouped`) need from a client, kept off its public surface: a
// client registers its internals here, so an app that never imports an add-on never bundles it.
import type { GroupedViewDeps } from './groupedView.js';
import type { BelfryClient } from './types.js';

export interface ClientInternals extends GroupedViewDeps {
  /** Add-on views by kind and filter key, dropped on destroy(). */
  views: Map<string, unknown>;
}

const registry = new WeakMap<BelfryClient, ClientInternals>();

export const registerInternals = (client: BelfryClient, internals: ClientInternals) => void registry.set(client, internals);

export function internalsOf(client: BelfryClient): ClientInternals {
  const internals = registry.get(client);
  if (!internals) throw new TypeError('expected a client made by createBelfry');
  return internals;
}
