// <belfry-toaster>: new notifications as toasts (@belfry/react's Toaster), configured by the
// `position`, `max` and `duration` attributes. A toast click is `belfry:notification-click`
// (cancelable, as in the inbox), an action `belfry:action`.
import { createElement } from 'react';
import { Toaster, type ToasterProps, type ToastPosition } from '@belfry/react';
import { BelfryElement, reflectAttributes } from './BelfryElement.js';

export type { ToastPosition };

const ATTRIBUTES = ['position', 'max', 'duration'] as const;

export class BelfryToasterElement extends BelfryElement {
  /** Mirrors the attribute: `top-start` … `bottom-end` (default bottom-end). */
  declare position: string | null;
  /** Mirrors the attribute: most toasts at once (default 3). */
  declare max: string | null;
  /** Mirrors the attribute: milliseconds a toast stays, paused on hover and focus; 0 keeps it (default 6000). */
  declare duration: string | null;

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, ...ATTRIBUTES];
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

// Each attribute is also a property (`el.duration = 4000`), like the other elements' attributes.
reflectAttributes(BelfryToasterElement, ATTRIBUTES);
