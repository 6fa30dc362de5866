// Translations the elements can use. The npm build knows every table @belfry/react ships; the
// one-script build (dist/belfry.js) carries English only, and each other locale is a small script of
// its own (dist/locales/<code>.js) that registers itself, before or after belfry.js has loaded.
import { MESSAGES } from '@belfry/react/locales';
import { notifyRegistered } from './registrations.js';

type Table = Record<string, string>;

/** Where a locale script leaves its table when it runs before belfry.js. */
interface LocaleGlobal {
  BelfryLocales?: Record<string, Table>;
}

const registered = new Map<string, Table>();

/** Makes `locale="<code>"` use this table (elements already on the page re-render). */
export function registerLocale(code: string, messages: Table): void {
  registered.set(code.toLowerCase(), messages);
  notifyRegistered();
}

/** The table for a lower-case language code (`de`, `pt-br` …), or undefined for English / unknown codes. */
export function localeTable(code: string): Table | undefined {
  const base = code.split('-')[0]!;
  const early = (globalThis as LocaleGlobal).BelfryLocales;
  const shipped = MESSAGES as unknown as Record<string, Table | undefined>;
  return registered.get(code) ?? registered.get(base) ?? early?.[code] ?? early?.[base] ?? shipped[base];
}
