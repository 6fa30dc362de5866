// Lets page code that knows no React supply renderers: a function returning a DOM node (or text) is
// mounted into a host <div> that the UI renders in its place.
import { createElement, useLayoutEffect, useRef, type ReactNode } from 'react';

export type DomRenderResult = Node | string | null | undefined;

interface DomSlotProps {
  render: () => DomRenderResult;
  className: string;
  /** Re-render the node when this changes. */
  version: unknown;
}

function DomSlot({ render, className, version }: DomSlotProps) {
  const host = useRef<HTMLDivElement | null>(null);
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const result = render();
    // A string becomes a text node.
    el.replaceChildren(...(result === null || result === undefined ? [] : [result]));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);
  return createElement('div', { ref: host, className });
}

export function domSlot(render: () => DomRenderResult, className: string, version: unknown): ReactNode {
  return createElement(DomSlot, { render, className, version });
}
