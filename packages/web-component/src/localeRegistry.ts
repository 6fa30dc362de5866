// Translations the elements can use. The npm build knows every table @belfry/react ships; the
// one-script build (dist/belfry.js) carries English only, and each other locale is a small script of
// its own (dist/locales/<code>.js) that registers itself, before or after belfry.js has loaded.
import { MESSAGES } from '@belfry/react/locales';

type Table = Record<string, string>;

/** Where a locale script leaves its table when it runs before belfry.js. */
interface LocaleGlobal {
  BelfryLocales?: Record<string, Table>;
}

const registered = new Map<string, Table>();
const listeners = new Set<() => void>();

/** Makes `locale="<code>"` use this table (elements already on the page re-render). */
export function registerLocale(code: string, messages: Table): void {
  registered.set(code.toLowerCase(), messages);
  for (const l of listeners) l();
}

/** The table for a language code (`de`, `pt-br` …), or undefined for English / unknown codes. */
export function localeTable(code: string): Table | undefined {
  const c = code.toLowerCase();
  const base = c.split('-')[0]!;
  const early = (globalThis as LocaleGlobal).BelfryLocales;
  const shipped = MESSAGES as unknown as Record<string, Table | undefined>;
  return registered.get(c) ?? registered.get(base) ?? early?.[c] ?? early?.[base] ?? shipped[base];
}

/** Calls back whenever a locale is registered; returns an unsubscribe. */
export function onLocaleRegistered(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
