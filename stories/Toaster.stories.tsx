import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { createBelfry, type BelfryClient, type BelfryEvents } from '@belfry/core';
import type { Notification } from '@belfry/core/api';
import { BelfryProvider, Toaster, type ToasterProps, type UiOptions } from '../packages/react/src/index.js';
import recorded from './fixtures/recorded.json';
import { replayOptions } from './fixtures/replay.js';
import { brandTheme } from './Replay.js';

const items = recorded.users.ada.lists[''].items as Notification[];

/**
 * A replaying client whose `notification` event the story fires itself: the recordings have no
 * realtime, so "Send" replays a recorded notification as a live arrival (under a fresh id, since a
 * notification is toasted once per browser).
 */
function LiveReplay({ children, arrivals, ...ui }: UiOptions & { children: ReactNode; arrivals: number }) {
  const listeners = useRef(new Set<(n: Notification) => void>());
  const client = useMemo<BelfryClient>(() => {
    const real = createBelfry(replayOptions({}));
    return {
      ...real,
      on: ((type: keyof BelfryEvents, fn: (payload: never) => void) => {
        if (type !== 'notification') return real.on(type as 'error', fn as (payload: BelfryEvents['error']) => void);
        const listener = fn as (n: Notification) => void;
        listeners.current.add(listener);
        return () => void listeners.current.delete(listener);
      }) as BelfryClient['on'],
    };
  }, []);
  useEffect(() => () => client.destroy(), [client]);
  const sent = useRef(0);
  const send = () => {
    const n = items[sent.current % items.length]!;
    const live = { ...n, id: `${n.id}-story-${Date.now()}-${sent.current++}`, readAt: null, createdAt: new Date().toISOString() };
    for (const fn of listeners.current) fn(live);
  };
  useEffect(() => {
    // The first arrivals, once the toaster listens.
    const timer = setTimeout(() => Array.from({ length: arrivals }, send), 50);
    return () => clearTimeout(timer);
  }, []);
  return (
    <BelfryProvider client={client} {...ui}>
      {/* The page behind the toasts. */}
      <main className="belfry-root" data-color-scheme={ui.colorScheme ?? 'light'} style={{ minHeight: '100vh', padding: 16, background: 'var(--_b-bg)' }}>
        <button type="button" onClick={send} style={{ color: 'inherit', background: 'none', border: '1px solid', borderRadius: 6, padding: '6px 10px' }}>
          Send a notification
        </button>
      </main>
      {children}
    </BelfryProvider>
  );
}

type Args = ToasterProps & { arrivals: number; ui?: UiOptions };

const meta: Meta<Args> = {
  title: 'Components/Toaster',
  component: Toaster,
  args: { arrivals: 1, duration: 0 },
  render: ({ arrivals, ui, ...props }) => (
    <LiveReplay arrivals={arrivals} {...ui}>
      <Toaster {...props} />
    </LiveReplay>
  ),
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};
export const WithActions: Story = { args: { arrivals: 3, max: 1 } };
export const Stacked: Story = { name: 'Stacked (max 3 of 5)', args: { arrivals: 5, max: 3 } };
export const TopCenter: Story = { args: { position: 'top-center', arrivals: 2 } };
export const TopStart: Story = { args: { position: 'top-start', arrivals: 2 } };
export const AutoDismiss: Story = { name: 'Auto-dismiss after 4 s (paused on hover)', args: { duration: 4000 } };
export const Dark: Story = { args: { ui: { colorScheme: 'dark' } }, parameters: { backgrounds: { default: 'dark' } } };
export const BrandTheme: Story = { args: { theme: brandTheme, arrivals: 2 } };
export const RightToLeft: Story = { args: { ui: { locale: 'ar' }, arrivals: 2 } };
export const CustomRender: Story = {
  args: {
    arrivals: 2,
    renderToast: ({ notification, activate, dismiss }) => (
      <div className="belfry-toast-custom" style={{ display: 'flex', gap: 8, padding: 12, alignItems: 'center', width: '100%' }}>
        <span aria-hidden="true">🔔</span>
        <button type="button" onClick={activate} style={{ flex: 1, textAlign: 'start' }}>
          {notification.title}
        </button>
        <button type="button" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    ),
  },
};
