// DOM helpers that also hold inside a shadow root (the custom elements render this UI in one): there,
// document.activeElement is only the shadow host and a document listener sees events retargeted to it.

/** The focused element in the tree that contains `node` (its shadow root or the document). */
export function activeElementOf(node: Node | null | undefined): Element | null {
  const root = node?.getRootNode?.() as Partial<DocumentOrShadowRoot> | undefined;
  const active = root && 'activeElement' in root ? root.activeElement : undefined;
  if (active !== undefined) return active ?? null;
  return typeof document === 'undefined' ? null : document.activeElement;
}

/** Whether an event started inside any of `nodes`, looking through shadow boundaries. */
export function eventWithin(event: Event, ...nodes: Array<Node | null | undefined>): boolean {
  const path = event.composedPath?.() ?? [];
  return nodes.some((node) => !!node && (path.includes(node) || node.contains(event.target as Node)));
}

/**
 * The index an arrow / Home / End key moves to among `count` items (undefined for any other key);
 * callers clamp or wrap it. Shared by the feed rows, the item menu and the tabs.
 */
export function keyIndex(key: string, index: number, count: number, back = 'ArrowUp', forward = 'ArrowDown'): number | undefined {
  return key === forward ? index + 1 : key === back ? index - 1 : key === 'Home' ? 0 : key === 'End' ? count - 1 : undefined;
}

/** `part` names for ::part() styling from outside a shadow root (spread onto an element). */
export function part(name: string): Record<string, string> {
  return { part: name };
}
