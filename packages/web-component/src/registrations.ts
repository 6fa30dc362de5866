// Locales and the grouped list can be registered after elements are already on the page; each
// registration tells the connected elements to render again.
const listeners = new Set<() => void>();

/** Calls back whenever a locale or the grouped list is registered; returns an unsubscribe. */
export function onRegistered(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyRegistered(): void {
  for (const listener of listeners) listener();
}
