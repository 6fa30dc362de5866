// Positions the popover next to its anchor with Floating UI's middleware, in the top layer (see
// topLayer.ts), and keeps it there while the page scrolls or resizes.
//
// The position is written to the element directly, not through React state: computePosition settles
// in microtasks, which run before the browser paints, so the popover's first frame is already in
// place, and placing it never re-renders the inbox (a second render and frame, ~10 ms at 10k items).
import { computePosition, flip, offset, shift, size, type Placement } from '@floating-ui/core';
import { showInTopLayer, topLayerPlatform } from './topLayer.js';
import { useIsoLayoutEffect } from './useIsoLayoutEffect.js';

/**
 * `sheetBelow`: in a viewport narrower than this the element becomes a full-width sheet on the side
 * of the viewport away from the anchor (below a bell in the upper half, above one in the lower half),
 * so it never covers the anchor.
 */
export function useFloating(anchor: HTMLElement | null, floating: HTMLElement | null, open: boolean, placement: Placement = 'bottom-end', sheetBelow = 0): void {
  useIsoLayoutEffect(() => {
    if (!open || !anchor || !floating) return undefined;
    showInTopLayer(floating);
    let active = true;
    const update = () => {
      const root = floating.ownerDocument.documentElement;
      const sheet = root.clientWidth < sheetBelow;
      floating.toggleAttribute('data-sheet', sheet);
      if (sheet) {
        const a = anchor.getBoundingClientRect();
        const below = a.top + a.bottom < root.clientHeight;
        floating.style.setProperty('--belfry-available-height', `${below ? root.clientHeight - a.bottom - 8 : a.top - 8}px`);
        floating.style.left = '0';
        floating.style.top = below ? '' : '0';
        floating.style.bottom = below ? '0' : '';
        floating.setAttribute('data-placement', below ? 'bottom' : 'top');
        return;
      }
      floating.style.bottom = '';
      void computePosition(anchor, floating, {
        placement,
        strategy: 'fixed',
        platform: topLayerPlatform,
        middleware: [
          offset(8),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight }) {
              floating.style.setProperty('--belfry-available-height', `${Math.max(200, availableHeight)}px`);
            },
          }),
        ],
      }).then(({ x, y, placement: placed }) => {
        if (!active) return;
        floating.style.left = `${x}px`;
        floating.style.top = `${y}px`;
        floating.setAttribute('data-placement', placed);
      });
    };
    update();
    // The anchor moves with any scrolling ancestor; scrolling inside the popover moves nothing.
    const onScroll = (event: Event) => {
      if (!(event.target instanceof Node && floating.contains(event.target))) update();
    };
    const resize = new ResizeObserver(update);
    resize.observe(anchor);
    resize.observe(floating);
    const view = floating.ownerDocument.defaultView ?? window;
    view.addEventListener('scroll', onScroll, { capture: true, passive: true });
    view.addEventListener('resize', update);
    return () => {
      active = false;
      resize.disconnect();
      view.removeEventListener('scroll', onScroll, { capture: true });
      view.removeEventListener('resize', update);
    };
  }, [anchor, floating, open, placement, sheetBelow]);
}
