import type { ResolvedEnvironment } from './environment.js';
import type { LocalMessage } from './mutations.js';
import type { SeqEvent } from './sync.js';
import type { BroadcastChannelLike, ConnectionStatus } from './types.js';

/** What tabs of one user say to each other. */
export type TabMessage =
  | LocalMessage
  | { type: 'change'; event: SeqEvent }
  | { type: 'connection'; status: ConnectionStatus }
  | { type: 'hello' };

type Envelope = TabMessage & { from: string };

export interface CrossTabDeps {
  env: ResolvedEnvironment;
  /** Identifies the user's inbox: tabs of other users or servers never mix. */
  name: string;
  tabId: string;
  onMessage(message: TabMessage): void;
  /** This tab now holds the socket. */
  onLeader(): void;
  /** This tab gave up the socket (idle or destroyed). */
  onFollower(): void;
}

/**
 * Tabs of one user share one socket: the tab holding the Web Lock is the leader and forwards every
 * change it applies over the BroadcastChannel; every tab posts its optimistic changes, so the others
 * show them with no network round trip. When the leader goes, the lock passes to a waiting tab.
 * Without Web Locks every tab leads (each has its own socket); without BroadcastChannel tabs are alone.
 */
export function createCrossTab(deps: CrossTabDeps) {
  const { env, name, tabId } = deps;
  let channel: BroadcastChannelLike | null = null;
  let lockAbort: AbortController | null = null;
  let releaseLock: (() => void) | null = null;
  let leader = false;
  let running = false;

  const listener = (event: { data: unknown }) => {
    const msg = event.data as Envelope | null;
    if (!running || !msg || typeof msg !== 'object' || msg.from === tabId) return;
    deps.onMessage(msg);
  };

  function becomeLeader() {
    leader = true;
    deps.onLeader();
  }

  function start() {
    if (running) return;
    running = true;
    channel = env.broadcastChannel?.(`belfry:${name}`) ?? null;
    channel?.addEventListener('message', listener);
    // Without a channel a follower would hear nothing: lead alone.
    if (!env.locks || !channel) {
      becomeLeader();
      return;
    }
    const abort = (lockAbort = new AbortController());
    env.locks
      .request(`belfry-leader:${name}`, { signal: abort.signal }, async () => {
        if (abort.signal.aborted || !running) return;
        becomeLeader();
        // Held until stop(): resolving this promise releases the lock to the next tab.
        await new Promise<void>((resolve) => {
          releaseLock = resolve;
        });
      })
      .catch(() => {
        // Aborted while waiting: this tab stopped before it ever led.
      });
    post({ type: 'hello' });
  }

  function post(message: TabMessage) {
    if (!channel) return;
    try {
      channel.postMessage({ ...message, from: tabId });
    } catch {
      // A closed channel (tab closing): nothing to tell.
    }
  }

  function stop() {
    if (!running) return;
    running = false;
    lockAbort?.abort();
    lockAbort = null;
    if (leader) {
      leader = false;
      deps.onFollower();
    }
    releaseLock?.();
    releaseLock = null;
    channel?.removeEventListener('message', listener);
    channel?.close();
    channel = null;
  }

  return {
    start,
    stop,
    post,
    get leader() {
      return leader;
    },
  };
}
