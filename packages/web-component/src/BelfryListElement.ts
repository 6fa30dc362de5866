// What <belfry-inbox> and <belfry-feed> share: page-supplied item and empty-state renderers, mounted
// through DOM slots, and the item handlers that turn into DOM events.
import type { FeedFilter, Notification } from '@belfry/core/api';
import type { FeedProps } from '@belfry/react';
import { BelfryElement, setOrRemoveAttribute } from './BelfryElement.js';
import { domSlot, type DomRenderResult } from './DomSlot.js';
import { groupedListOrWarn } from './listRegistry.js';

export interface ItemRenderContext {
  index: number;
  active: boolean;
}

type ListProps = Pick<FeedProps, 'renderItem' | 'renderEmpty' | 'onNotificationClick' | 'onAction' | 'markSeenOn' | 'list'>;
type MarkSeenOn = NonNullable<FeedProps['markSeenOn']>;

export abstract class BelfryListElement extends BelfryElement {
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'mark-seen-on', 'grouped'];
  }

  /** When notifications become seen: 'view' (default) as rows are shown, 'open' (the inbox) or 'never'. */
  get markSeenOn(): MarkSeenOn {
    const value = this.getAttribute('mark-seen-on');
    return value === 'open' || value === 'never' ? value : 'view';
  }
  set markSeenOn(value: MarkSeenOn | null) {
    setOrRemoveAttribute(this, 'mark-seen-on', value || null);
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
    const props: ListProps = {
      onNotificationClick: this.onNotificationClick,
      onAction: this.onAction,
      markSeenOn: this.markSeenOn,
      // `grouped`: one row per groupKey, expandable to its members, once the grouped list is registered
      // (registering it re-renders the element).
      list: this.hasAttribute('grouped') ? groupedListOrWarn() : undefined,
    };
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
