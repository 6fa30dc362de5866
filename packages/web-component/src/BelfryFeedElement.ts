// <belfry-feed>: the notification list on its own, e.g. as a full page. Filtered by attributes:
// `category="billing"`, `unread` (only unread), `archived` (the archive).
import { createElement } from 'react';
import type { FeedFilter } from '@belfry/core/api';
import { Feed } from '@belfry/react';
import { BelfryListElement } from './BelfryListElement.js';

export class BelfryFeedElement extends BelfryListElement {
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'category', 'unread', 'archived', 'label'];
  }

  /** The filter the attributes describe. */
  get filter(): FeedFilter {
    const filter: FeedFilter = {};
    const category = this.getAttribute('category');
    if (category) filter.category = category;
    if (this.hasAttribute('unread')) filter.read = false;
    if (this.hasAttribute('archived')) filter.archived = true;
    return filter;
  }

  protected renderContent(): unknown {
    const filter = this.filter;
    return createElement(Feed, {
      ...this.listProps(),
      filter,
      label: this.getAttribute('label') || undefined,
      // Keyed by filter: a different filter is a different view with its own scroll position.
      key: JSON.stringify(filter),
    });
  }
}
