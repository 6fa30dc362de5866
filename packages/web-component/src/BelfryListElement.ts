// What <belfry-inbox> and <belfry-feed> share: page-supplied item and empty-state renderers, mounted
// through DOM slots, and the item handlers that turn into DOM events.
import type { FeedFilter, Notification } from '@belfry/core/api';
import type { FeedProps } from '@belfry/react';
import { BelfryElement } from './BelfryElement.js';
import { domSlot, type DomRenderResult } from './DomSlot.js';

export interface ItemRenderContext {
  index: number;
  active: boolean;
}

type ListProps = Pick<FeedProps, 'renderItem' | 'renderEmpty' | 'onNotificationClick' | 'onAction' | 'grouped'>;

export abstract class BelfryListElement extends BelfryElement {
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'grouped'];
  }

  #renderItem: ((notification: Notification, context: ItemRenderContext) => DomRenderResult) | undefined;
  #renderEmpty: ((filter: FeedFilter) => DomRenderResult) | undefined;

  /** Replaces the default item: return a DOM node or text for one notification. */
  get renderItem() {
    return this.#renderItem;
  }
  set renderItem(value: ((notification: Notification, context: ItemRenderContext) => DomRenderResult) | undefined) {
    this.#renderItem = value ?? undefined;
    this.scheduleUpdate();
  }

  /** Replaces the empty state of a feed. */
  get renderEmpty() {
    return this.#renderEmpty;
  }
  set renderEmpty(value: ((filter: FeedFilter) => DomRenderResult) | undefined) {
    this.#renderEmpty = value ?? undefined;
    this.scheduleUpdate();
  }

  /** The renderers (when set) and handlers, as props of the Feed or Inbox component. */
  protected listProps(): ListProps {
    const renderItem = this.#renderItem;
    const renderEmpty = this.#renderEmpty;
    // `grouped`: one row per groupKey, expandable to its members.
    const props: ListProps = { onNotificationClick: this.onNotificationClick, onAction: this.onAction, grouped: this.hasAttribute('grouped') };
    if (renderItem) {
      props.renderItem = ({ notification, index, active }) =>
        domSlot(() => renderItem(notification, { index, active }), 'belfry-custom-item', notification);
    }
    if (renderEmpty) {
      props.renderEmpty = (filter) => domSlot(() => renderEmpty(filter), 'belfry-custom-empty', JSON.stringify(filter));
    }
    return props;
  }
}
