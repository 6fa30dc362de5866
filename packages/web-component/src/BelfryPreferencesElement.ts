// <belfry-preferences>: the preference centre (categories × channels). `channels="in_app,email"`
// limits the columns.
import { createElement } from 'react';
import { CHANNELS, type Channel } from '@belfry/core/api';
import { PreferenceCenter, type PreferenceCenterProps } from '@belfry/react';
import { BelfryElement, setOrRemoveAttribute } from './BelfryElement.js';

export class BelfryPreferencesElement extends BelfryElement {
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'channels', 'hide-title'];
  }

  get channels(): Channel[] {
    // Unset, or naming no known channel: all of them.
    const wanted = this.getAttribute('channels')?.split(',').map((c) => c.trim());
    const picked = CHANNELS.filter((c) => wanted?.includes(c) ?? true);
    return picked.length ? picked : [...CHANNELS];
  }
  set channels(value: readonly Channel[] | null) {
    setOrRemoveAttribute(this, 'channels', value?.length ? value.join(',') : null);
  }

  protected renderContent(): unknown {
    const props: PreferenceCenterProps = { channels: this.channels, showTitle: !this.hasAttribute('hide-title') };
    return createElement(PreferenceCenter, props);
  }
}
