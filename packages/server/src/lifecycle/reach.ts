// After a delivery commits and its live push goes out, the `delivered` event records how many sockets
// the push reached ({ sockets: n } in its detail). Best effort, off the request path: a process that
// dies first leaves the count unrecorded, never wrong.
import type { Db } from '../db/connect.js';
import { roomOf } from '../realtime/orderedEmitter.js';

export type Reach = (rooms: string[]) => Promise<Map<string, number>>;

export async function recordReach(db: Db, reach: Reach, appId: string, pushed: ReadonlyMap<string, string>): Promise<void> {
  const rooms = [...new Set(pushed.values())].map((userId) => roomOf(appId, userId));
  const counts = await reach(rooms);
  const byCount = new Map<number, string[]>();
  for (const [eventId, userId] of pushed) {
    const n = counts.get(roomOf(appId, userId)) ?? 0;
    let ids = byCount.get(n);
    if (!ids) byCount.set(n, (ids = []));
    ids.push(eventId);
  }
  for (const [n, ids] of byCount) {
    for (let i = 0; i < ids.length; i += 1000) {
      await db.kysely
        .updateTable('events')
        .set({ detail: JSON.stringify({ sockets: n }) })
        .where('id', 'in', ids.slice(i, i + 1000))
        .execute();
    }
  }
}
