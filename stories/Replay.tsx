// Story helper: a BelfryProvider whose real core client replays recorded server responses.
import { useEffect, useMemo, useState, type ComponentType, type ReactNode } from 'react';
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

/** What a story puts in `parameters.replay`: the <Replay> props around its component. */
export type ReplayParameters = Omit<ReplayProps, 'children'>;

/** A story's `parameters` for replayRender. */
export const replay = (parameters: ReplayParameters) => ({ replay: parameters });

/**
 * A meta `render` for one component: <Replay {...parameters.replay}> around it (inside `frame`, when
 * given), on a dark page for dark stories. Stories then differ only in args and parameters.
 */
export function replayRender<P extends object>(
  Component: ComponentType<P>,
  frame: (node: ReactNode, replay: ReplayParameters) => ReactNode = (node) => node,
) {
  return function ReplayStory(args: P, { parameters }: { parameters: { replay?: ReplayParameters } }) {
    const replay = parameters.replay ?? {};
    const story = <Replay {...replay}>{frame(<Component {...args} />, replay)}</Replay>;
    return replay.colorScheme === 'dark' ? <div style={{ background: '#0f1115', padding: 16 }}>{story}</div> : story;
  };
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
