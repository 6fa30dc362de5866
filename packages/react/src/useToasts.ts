// The toast queue: new notifications the visible tab claimed (./toastClaim), each dismissed after
// `duration` of unpaused time. The stack holds at most `max`; a new one pushes the oldest out.
import { useCallback, useEffect, useState } from 'react';
import type { Notification } from '@belfry/core/api';
import { useBelfry } from './useBelfry.js';
import { claimToast } from './toastClaim.js';

export interface ToastEntry {
  notification: Notification;
  /** Unpaused time left before it goes (ms). */
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

export function useToasts({ max, duration, paused }: ToastQueueOptions) {
  const client = useBelfry();
  const [toasts, setToasts] = useState<ToastEntry[]>([]);

  const dismiss = useCallback((id: string) => {
    setToasts((list) => list.filter((t) => t.notification.id !== id));
  }, []);

  useEffect(() => {
    if (!client) return undefined;
    const o = client.options;
    const scope = `${o.apiUrl}|${o.appId}|${o.userId ?? ''}`;
    // Listening keeps the client's realtime running even with no inbox on the page.
    const release = client.connection.subscribe(() => {});
    const off = client.on('notification', (notification) => {
      if (document.visibilityState !== 'visible' || inboxOpen()) return;
      void claimToast(scope, notification.id).then((mine) => {
        if (mine) setToasts((list) => [...list, { notification, remaining: duration }].slice(-Math.max(1, max)));
      });
    });
    return () => {
      off();
      release();
    };
  }, [client, max, duration]);

  // Timers run only while nothing pauses them; on pause each keeps the time it had left.
  useEffect(() => {
    if (paused || !duration) return undefined;
    const started = Date.now();
    const timers = toasts.map((t) => setTimeout(() => dismiss(t.notification.id), t.remaining));
    return () => {
      timers.forEach(clearTimeout);
      const elapsed = Date.now() - started;
      for (const t of toasts) t.remaining = Math.max(0, t.remaining - elapsed);
    };
  }, [paused, duration, toasts, dismiss]);

  return { toasts, dismiss };
}
