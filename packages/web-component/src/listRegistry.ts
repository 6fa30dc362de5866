// The grouped list, when the page has it: `import '@belfry/web-component/grouped'` (or the
// dist/belfry-grouped.js script) registers it, so sites that never group don't ship its code.
import type { FeedProps } from '@belfry/react';
import { notifyRegistered } from './registrations.js';

type List = NonNullable<FeedProps['list']>;

let groupedList: List | undefined;
let warned = false;

/** Makes `grouped` elements show one row per groupKey (those already on the page re-render). */
export function registerGroupedList(list: List): void {
  groupedList = list;
  notifyRegistered();
}

/** The grouped list; without one registered, says once how to get it (the feed stays ungrouped). */
export function groupedListOrWarn(): List | undefined {
  if (!groupedList && !warned) {
    warned = true;
    console.error("belfry: the grouped attribute needs the grouped build: import '@belfry/web-component/grouped', or load belfry-grouped.js instead of belfry.js");
  }
  return groupedList;
}
