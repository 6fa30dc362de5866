// The toast queue: new notifications the visible tab claimed (./toastClaim), each dismissed after
// `duration` of unpaused time. The stack holds at most `max`; a new one pushes the oldest out.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Notification } from '@belfry/core/api';
import { useBelfry } from './useBelfry.js';
import { claimToast } from './toastClaim.js';

export interface ToastEntry {
  notification: Notification;
  /** Unpaused time left before it goes (ms); Infinity with duration 0. */
  remaining: number;
}

export interface ToastQueueOptions {
  max: number;
  duration: number;
  /** Hover or focus inside the stack. */
  paused: boolean;
}

/** An open inbox (React's popover in the page, or an element's `open`) already shows what arrives. */
function inboxOpen(): boolean {
  return !!document.querySelector('.belfry-popover, belfry-inbox[open]');
}

function useDocumentHidden(): boolean {
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    const update = () => setHidden(document.visibilityState === 'hidden');
    update();
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return hidden;
}

export function useToasts({ max, duration, paused }: ToastQueueOptions) {
  const client = useBelfry();
  const [toasts, setToasts] = useState<ToastEntry[]>([]);
  const hidden = useDocumentHidden();
  const settings = useRef({ max, duration });
  settings.current = { max, duration };

  const dismiss = useCallback((id: string) => {
    setToasts((list) => (list.some((t) => t.notification.id === id) ? list.filter((t) => t.notification.id !== id) : list));
  }, []);

  useEffect(() => {
    if (!client) return undefined;
    const o = client.options;
    const scope = `${o.apiUrl}|${o.appId}|${o.userId ?? ''}`;
    let live = true;
    // Listening keeps the client's realtime running even with no inbox on the page.
    const release = client.connection.subscribe(() => {});
    const off = client.on('notification', (notification) => {
      if (document.visibilityState !== 'visible' || inboxOpen()) return;
      void claimToast(scope, notification.id).then((mine) => {
        if (!mine || !live) return;
        const { max: limit, duration: ms } = settings.current;
        setToasts((list) => [...list, { notification, remaining: ms > 0 ? ms : Infinity }].slice(-Math.max(1, limit)));
      });
    });
    return () => {
      live = false;
      off();
      release();
    };
  }, [client]);

  // Timers run only while nothing pauses them; on pause each keeps the time it had left.
  const stopped = paused || hidden;
  useEffect(() => {
    if (stopped || toasts.length === 0) return undefined;
    const started = Date.now();
    const timers = toasts
      .filter((t) => t.remaining !== Infinity)
      .map((t) => setTimeout(() => dismiss(t.notification.id), t.remaining));
    return () => {
      timers.forEach(clearTimeout);
      const elapsed = Date.now() - started;
      for (const t of toasts) t.remaining = Math.max(0, t.remaining - elapsed);
    };
  }, [stopped, toasts, dismiss]);

  return { toasts, dismiss };
}
