// Closes a popover or menu when a pointer goes down outside it and its button (shadow-root safe).
import { useEffect, useRef } from 'react';
import { eventWithin } from './dom.js';

export function useOutsidePointer(active: boolean, nodes: () => Array<Node | null | undefined>, onOutside: () => void) {
  const latest = useRef({ nodes, onOutside });
  latest.current = { nodes, onOutside };
  useEffect(() => {
    if (!active) return undefined;
    const onPointerDown = (event: PointerEvent) => {
      if (!eventWithin(event, ...latest.current.nodes())) latest.current.onOutside();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [active]);
}
