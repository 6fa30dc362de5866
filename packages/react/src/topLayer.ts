// Floating UI's positioning (computePosition and its middleware, from @floating-ui/core) over a
// platform for an element in the top layer. A popover shown with showPopover() has the viewport as
// its containing block and its only clipping boundary, whatever the page's transforms and overflow,
// so the few viewport measurements below are exact; @floating-ui/dom's general platform (offset
// parents, clipping ancestors: ~4 KB gzip) has nothing left to do.
import type { Platform, Rect } from '@floating-ui/core';

/** Puts a [popover] element in the top layer, where the browser supports it (Baseline 2024). */
export function showInTopLayer(el: HTMLElement): void {
  if (typeof el.showPopover === 'function' && el.hasAttribute('popover') && el.isConnected && !el.matches(':popover-open')) el.showPopover();
}

export const topLayerPlatform: Platform = {
  getElementRects: ({ reference, floating }) => ({
    reference: (reference as Element).getBoundingClientRect(),
    floating: { x: 0, y: 0, ...topLayerPlatform.getDimensions(floating) } as Rect,
  }),
  // Layout sizes: a transform (the opening animation) must not change where the popover is put.
  getDimensions: (el) => ({ width: (el as HTMLElement).offsetWidth, height: (el as HTMLElement).offsetHeight }),
  getClippingRect: ({ element }) => {
    const root = (element as Element).ownerDocument.documentElement;
    return { x: 0, y: 0, width: root.clientWidth, height: root.clientHeight };
  },
  isRTL: (el) => getComputedStyle(el as Element).direction === 'rtl',
};
