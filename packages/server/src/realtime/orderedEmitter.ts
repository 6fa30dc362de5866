// Emits each user's change events strictly in seq order. A transaction reserves its seqs while it holds
// the user's row lock, so reservations for one user arrive here in seq order; an event is released only
// when every earlier reservation for that user has been sent (or its transaction rolled back).
import type { ChangeEvent } from '@belfry/core/api';

export type Send = (room: string, event: ChangeEvent) => void;

export interface Ticket {
  ready(event: ChangeEvent): void;
  cancel(): void;
}

interface Entry {
  seq: number;
  state: 'pending' | 'ready' | 'cancelled';
  event?: ChangeEvent;
}

export class OrderedEmitter {
  private readonly queues = new Map<string, Entry[]>();

  constructor(private readonly send: Send) {}

  reserve(room: string, seq: number): Ticket {
    let queue = this.queues.get(room);
    if (!queue) this.queues.set(room, (queue = []));
    const entry: Entry = { seq, state: 'pending' };
    let i = queue.length;
    while (i > 0 && queue[i - 1]!.seq > seq) i--;
    queue.splice(i, 0, entry);
    return {
      ready: (event) => {
        if (entry.state !== 'pending') return;
        entry.state = 'ready';
        entry.event = event;
        this.flush(room);
      },
      cancel: () => {
        if (entry.state !== 'pending') return;
        entry.state = 'cancelled';
        this.flush(room);
      },
    };
  }

  private flush(room: string): void {
    const queue = this.queues.get(room);
    if (!queue) return;
    while (queue.length > 0 && queue[0]!.state !== 'pending') {
      const entry = queue.shift()!;
      if (entry.state !== 'ready') continue;
      try {
        this.send(room, entry.event!);
      } catch {
        // A failed send must not stall the queue; the client catches up through /changes.
      }
    }
    if (queue.length === 0) this.queues.delete(room);
  }
}

export const roomOf = (appId: string, userId: string) => `${appId}:${userId}`;
