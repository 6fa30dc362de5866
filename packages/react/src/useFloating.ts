// Positions a floating element next to its anchor with Floating UI, and keeps it there while the
// page scrolls or resizes (autoUpdate). Small on purpose: only what the popover needs.
import { useLayoutEffect as useReactLayoutEffect, useEffect, useState } from 'react';
import { autoUpdate, computePosition, flip, offset, shift, size, type Placement } from '@floating-ui/dom';

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
    let active = true;
    const update = () => {
      void computePosition(anchor, floating, {
        placement,
        strategy: 'fixed',
        middleware: [
          offset(8),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight, elements }) {
              elements.floating.style.setProperty('--belfry-available-height', `${Math.max(200, availableHeight)}px`);
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
    const stop = autoUpdate(anchor, floating, update);
    return () => {
      active = false;
      stop();
    };
  }, [anchor, floating, open, placement]);
  return position;
}
