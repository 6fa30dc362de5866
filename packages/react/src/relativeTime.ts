// Relative times ("5 minutes ago") that stay current. One shared timer ticks for every mounted
// timestamp instead of one interval per row.
import { useSyncExternalStore } from 'react';

const TICK_MS = 30_000;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
let now = Date.now();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The shared clock, re-rendering subscribers every 30 seconds. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now, () => now);
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

// Intl formatters are costly to build (toLocaleString builds one per call): one per locale, kept.
const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();
const absoluteFormatters = new Map<string, Intl.DateTimeFormat>();

function cached<F>(cache: Map<string, F>, locale: string, create: () => F): F {
  let formatter = cache.get(locale);
  if (!formatter) {
    formatter = create();
    cache.set(locale, formatter);
  }
  return formatter;
}

/** The full date and time, for a tooltip next to the relative time. */
export function formatAbsolute(date: Date, locale: string): string {
  return cached(absoluteFormatters, locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(date);
}

export function formatRelative(date: string | Date, nowMs: number, locale: string): string {
  const then = typeof date === 'string' ? Date.parse(date) : date.getTime();
  const seconds = Math.round((then - nowMs) / 1000);
  const formatter = cached(relativeFormatters, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }));
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return formatter.format(Math.round(seconds / size), unit);
  }
  return formatter.format(0, 'second');
}

/**
 * Builds the formatters for `locale` when the page is idle. The first Intl.DateTimeFormat with
 * dateStyle/timeStyle loads locale data (~30 ms in Chromium); done ahead, the first popover open
 * does not pay for it. Returns a cancel function.
 */
export function prewarmFormatters(locale: string): () => void {
  const warm = () => {
    formatAbsolute(new Date(0), locale);
    formatRelative(new Date(0), 0, locale);
  };
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(warm, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(warm, 200);
  return () => clearTimeout(id);
}
