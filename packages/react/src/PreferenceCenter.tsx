// Categories × channels switches. Changes are optimistic in core; a failure rolls back there and a
// message here says so.
import { useId } from 'react';
import { CHANNELS, type Channel } from '@belfry/core/api';
import { Root } from './Root.js';
import { usePreferences } from './usePreferences.js';
import { useUi } from './useUi.js';
import { useTransientFlag } from './useTransientFlag.js';
import type { ColorScheme } from './context.js';
import type { Theme } from './theme.js';

export interface PreferenceCenterProps {
  /** Channels shown as columns (default: all four). */
  channels?: readonly Channel[];
  /** Wrap in a themed root (set false when nested in another Belfry component). */
  standalone?: boolean;
  /** Show the heading (the Inbox shows its own). */
  showTitle?: boolean;
  locale?: string;
  colorScheme?: ColorScheme;
  theme?: Theme;
  className?: string;
}

const FAILURE_VISIBLE_MS = 8000;

export function PreferenceCenter(props: PreferenceCenterProps) {
  const { standalone = true } = props;
  const ui = useUi({ locale: props.locale, colorScheme: props.colorScheme });
  const content = <PreferenceTable {...props} />;
  return standalone ? (
    <Root ui={ui} theme={props.theme} className={props.className ? `belfry-page ${props.className}` : 'belfry-page'}>
      {content}
    </Root>
  ) : (
    content
  );
}

function PreferenceTable({ channels = CHANNELS, showTitle = true }: PreferenceCenterProps) {
  const { messages } = useUi();
  const prefs = usePreferences();
  const [failed, setFailed] = useTransientFlag(FAILURE_VISIBLE_MS);
  const headingId = useId();

  const toggle = (category: string, channel: Channel, value: boolean) => {
    setFailed(false);
    prefs.update({ categories: { [category]: { channels: { [channel]: value } } } }).catch(() => setFailed(true));
  };

  const categories = Object.entries(prefs.preferences?.categories ?? {});

  return (
    <section className="belfry-preferences" aria-labelledby={headingId}>
      <h2 id={headingId} className={showTitle ? 'belfry-heading' : 'belfry-visually-hidden'}>
        {messages.preferencesTitle}
      </h2>
      <div className="belfry-pref-alert" role="alert">
        {failed ? <p className="belfry-item-error">{messages.preferencesSaveFailed}</p> : null}
      </div>
      {prefs.status === 'error' && !prefs.preferences ? (
        <div className="belfry-state belfry-error">
          <p>{messages.error}</p>
          <button type="button" className="belfry-button" onClick={() => void prefs.refresh().catch(() => undefined)}>
            {messages.retry}
          </button>
        </div>
      ) : !prefs.preferences ? (
        <div className="belfry-skeleton-list" role="status" aria-busy="true">
          <span className="belfry-visually-hidden">{messages.loading}</span>
          <div className="belfry-skeleton" aria-hidden="true">
            <div className="belfry-skeleton-lines">
              <div className="belfry-skeleton-line" />
            </div>
          </div>
        </div>
      ) : (
        <table className="belfry-pref-table">
          <thead>
            <tr>
              <th scope="col">{messages.category}</th>
              {channels.map((channel) => (
                <th scope="col" key={channel}>
                  {messages[`channel_${channel}`]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map(([key, category]) => {
              const label = category.label ?? key;
              return (
                <tr key={key} data-category={key} data-locked={category.locked ? 'true' : 'false'}>
                  <th scope="row">
                    <span className="belfry-pref-label">{label}</span>
                    {category.locked ? <span className="belfry-pref-locked">{messages.preferencesLocked}</span> : null}
                  </th>
                  {channels.map((channel) => {
                    const checked = category.channels[channel] ?? false;
                    return (
                      <td key={channel} data-channel={messages[`channel_${channel}`]}>
                        <label className="belfry-switch">
                          <input
                            type="checkbox"
                            role="switch"
                            className="belfry-switch-input"
                            checked={checked}
                            disabled={category.locked}
                            aria-checked={checked}
                            onChange={(event) => toggle(key, channel, event.currentTarget.checked)}
                          />
                          <span className="belfry-switch-track" aria-hidden="true" />
                          <span className="belfry-visually-hidden">
                            {label}: {messages[`channel_${channel}`]}
                          </span>
                        </label>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
