// <belfry-feed>: the notification list on its own, e.g. as a full page. Filtered by attributes:
// `category="billing"`, `unread` (only unread), `archived` (the archive).
import { createElement } from 'react';
import type { FeedFilter, Notification } from '@belfry/core/api';
import { Feed, type FeedProps } from '@belfry/react';
import { BelfryElement } from './BelfryElement.js';
import { domSlot, type DomRenderResult } from './DomSlot.js';
import type { ItemRenderContext } from './BelfryInboxElement.js';

export class BelfryFeedElement extends BelfryElement {
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'category', 'unread', 'archived', 'label'];
  }

  #renderItem: ((notification: Notification, context: ItemRenderContext) => DomRenderResult) | undefined;
  #renderEmpty: ((filter: FeedFilter) => DomRenderResult) | undefined;

  /** The filter the attributes describe. */
  get filter(): FeedFilter {
    const filter: FeedFilter = {};
    const category = this.getAttribute('category');
    if (category) filter.category = category;
    if (this.hasAttribute('unread')) filter.read = false;
    if (this.hasAttribute('archived')) filter.archived = true;
    return filter;
  }

  get renderItem() {
    return this.#renderItem;
  }
  set renderItem(value: ((notification: Notification, context: ItemRenderContext) => DomRenderResult) | undefined) {
    this.#renderItem = value ?? undefined;
    this.scheduleUpdate();
  }

  get renderEmpty() {
    return this.#renderEmpty;
  }
  set renderEmpty(value: ((filter: FeedFilter) => DomRenderResult) | undefined) {
    this.#renderEmpty = value ?? undefined;
    this.scheduleUpdate();
  }

  protected renderContent(): unknown {
    const filter = this.filter;
    const renderItem = this.#renderItem;
    const renderEmpty = this.#renderEmpty;
    const props: FeedProps = {
      filter,
      onNotificationClick: this.onNotificationClick,
      onAction: this.onAction,
    };
    const label = this.getAttribute('label');
    if (label) props.label = label;
    if (renderItem) {
      props.renderItem = ({ notification, index, active }) =>
        domSlot(() => renderItem(notification, { index, active }), 'belfry-custom-item', notification);
    }
    if (renderEmpty) {
      props.renderEmpty = (f) => domSlot(() => renderEmpty(f), 'belfry-custom-empty', JSON.stringify(f));
    }
    // Keyed by filter: a different filter is a different view with its own scroll position.
    return createElement(Feed, { ...props, key: JSON.stringify(filter) });
  }
}
