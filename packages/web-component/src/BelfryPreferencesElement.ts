// <belfry-preferences>: the preference centre (categories × channels). `channels="in_app,email"`
// limits the columns.
import { createElement } from 'react';
import { CHANNELS, type Channel } from '@belfry/core/api';
import { PreferenceCenter, type PreferenceCenterProps } from '@belfry/react';
import { BelfryElement } from './BelfryElement.js';

export class BelfryPreferencesElement extends BelfryElement {
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'channels', 'hide-title'];
  }

  get channels(): Channel[] {
    const value = this.getAttribute('channels');
    if (!value) return [...CHANNELS];
    const wanted = value.split(',').map((c) => c.trim());
    const picked = CHANNELS.filter((c) => wanted.includes(c));
    return picked.length ? picked : [...CHANNELS];
  }
  set channels(value: readonly Channel[] | null) {
    if (value && value.length) this.setAttribute('channels', value.join(','));
    else this.removeAttribute('channels');
  }

  protected renderContent(): unknown {
    const props: PreferenceCenterProps = { channels: this.channels, showTitle: !this.hasAttribute('hide-title') };
    return createElement(PreferenceCenter, props);
  }
}
