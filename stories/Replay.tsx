// Story helper: a BelfryProvider whose real core client replays recorded server responses.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { createBelfry, type BelfryClient, type ConnectionState, type Readable } from '@belfry/core';
import { BelfryProvider, type UiOptions } from '../packages/react/src/index.js';
import { replayOptions, type ReplayMode } from './fixtures/replay.js';

export interface ReplayProps extends UiOptions {
  mode?: ReplayMode;
  /** Show the client as offline (the connection state only; data still comes from the recordings). */
  offline?: boolean;
  children: ReactNode;
}

const OFFLINE: ConnectionState = { status: 'offline', seq: 0, leader: true, error: null };
const offlineReadable: Readable<ConnectionState> = { subscribe: () => () => undefined, getState: () => OFFLINE };

export function Replay({ mode = {}, offline = false, children, ...ui }: ReplayProps) {
  const options = useMemo(() => replayOptions(mode), [JSON.stringify(mode)]);
  const [client, setClient] = useState<BelfryClient | null>(null);
  useEffect(() => {
    const created = createBelfry(options);
    setClient(offline ? { ...created, connection: offlineReadable } : created);
    return () => created.destroy();
  }, [options, offline]);
  if (!client) return null;
  return (
    <BelfryProvider client={client} {...ui}>
      {children}
    </BelfryProvider>
  );
}

export const brandTheme = {
  fontFamily: "'Trebuchet MS', 'Segoe UI', sans-serif",
  colorAccent: '#7a2e8e',
  colorUnread: '#7a2e8e',
  colorUnreadBg: '#f7effa',
  colorBadge: '#d9480f',
  colorBadgeText: '#ffffff',
  colorFocus: '#7a2e8e',
  radius: '4px',
  radiusSmall: '2px',
  popoverWidth: '420px',
};
