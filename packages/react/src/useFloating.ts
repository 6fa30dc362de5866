// Positions the popover next to its anchor with Floating UI's middleware, in the top layer (see
// topLayer.ts), and keeps it there while the page scrolls or resizes.
import { useLayoutEffect as useReactLayoutEffect, useEffect, useState } from 'react';
import { computePosition, flip, offset, shift, size, type Placement } from '@floating-ui/core';
import { showInTopLayer, topLayerPlatform } from './topLayer.js';

// useLayoutEffect warns during SSR; nothing is positioned on the server anyway.
const useIsoLayoutEffect = typeof window === 'undefined' ? useEffect : useReactLayoutEffect;

export interface FloatingPosition {
  x: number;
  y: number;
  placement: Placement;
  ready: boolean;
}

export function useFloating(
  anchor: HTMLElement | null,
  floating: HTMLElement | null,
  open: boolean,
  placement: Placement = 'bottom-end',
): FloatingPosition {
  const [position, setPosition] = useState<FloatingPosition>({ x: 0, y: 0, placement, ready: false });
  useIsoLayoutEffect(() => {
    if (!open || !anchor || !floating) return undefined;
    showInTopLayer(floating);
    let active = true;
    const update = () => {
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
      }).then((result) => {
        if (!active) return;
        setPosition((prev) =>
          prev.x === result.x && prev.y === result.y && prev.placement === result.placement && prev.ready
            ? prev
            : { x: result.x, y: result.y, placement: result.placement, ready: true },
        );
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
  }, [anchor, floating, open, placement]);
  return position;
}
