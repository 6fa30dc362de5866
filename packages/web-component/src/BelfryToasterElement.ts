// <belfry-toaster>: new notifications as toasts (@belfry/react's Toaster), configured by the
// `position`, `max` and `duration` attributes. A toast click is `belfry:notification-click`
// (cancelable, as in the inbox), an action `belfry:action`.
import { createElement } from 'react';
import { Toaster, type ToasterProps, type ToastPosition } from '@belfry/react';
import { BelfryElement } from './BelfryElement.js';

export type { ToastPosition };

export class BelfryToasterElement extends BelfryElement {
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'position', 'max', 'duration'];
  }

  /** A number attribute, or undefined (the Toaster's default) when unset or not a number ≥ 0. */
  #number(name: string): number | undefined {
    const value = parseFloat(this.getAttribute(name) ?? '');
    return value >= 0 ? value : undefined;
  }

  protected renderContent(): unknown {
    const props: ToasterProps = {
      // An unknown position falls back to the Toaster's default through its CSS (bottom-end).
      position: (this.getAttribute('position') as ToastPosition | null) ?? undefined,
      max: this.#number('max'),
      duration: this.#number('duration'),
      onNotificationClick: this.onNotificationClick,
      onAction: this.onAction,
    };
    return createElement(Toaster, props);
  }
}
