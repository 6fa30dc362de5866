// A small binding of @tanstack/virtual-core's Virtualizer (the same wiring as its React adapter,
// without flushSync so it also runs on preact/compat).
import { useReducer, useRef, useState } from 'react';
import {
  Virtualizer,
  elementScroll,
  measureElement,
  observeElementOffset,
  observeElementRect,
  type Rect,
} from '@tanstack/virtual-core';
import { useIsoLayoutEffect } from './useIsoLayoutEffect.js';

export interface UseVirtualizerOptions {
  count: number;
  getScrollElement: () => HTMLElement | null;
  estimateSize: (index: number) => number;
  getItemKey?: (index: number) => string | number;
  overscan?: number;
  /** Size to assume before the scroll element is measured (and during SSR). */
  initialRect?: Rect;
}

export function useVirtualizer(options: UseVirtualizerOptions): Virtualizer<HTMLElement, HTMLElement> {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  // The virtualizer's timers (scroll-end, measurement) can fire after unmount; a state update then
  // has nothing to render, and in a torn-down page React throws reading window.event.
  const mounted = useRef(true);
  const resolved = {
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    measureElement,
    overscan: 6,
    initialRect: { width: 0, height: 480 },
    ...options,
    onChange: () => {
      if (mounted.current) rerender();
    },
  };
  const [instance] = useState(() => new Virtualizer<HTMLElement, HTMLElement>(resolved));
  instance.setOptions(resolved);
  useIsoLayoutEffect(() => {
    mounted.current = true;
    const unmount = instance._didMount();
    return () => {
      mounted.current = false;
      unmount();
    };
  }, [instance]);
  useIsoLayoutEffect(() => {
    instance._willUpdate();
  });
  return instance;
}
