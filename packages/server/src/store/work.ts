// A unit of work on users' inboxes: one transaction in which every change takes the user's next seq
// and writes its `changes` row; after commit the change events go out (in seq order) with fresh counts.
import type { Change, Counts, GroupState } from '@belfry/core/api';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import { nowIso } from '../ids.js';
import { EventLog } from '../lifecycle/events.js';
import { roomOf, type OrderedEmitter, type Ticket } from '../realtime/orderedEmitter.js';
import { countsFor, IN_LIST_MAX } from './feed.js';
import { groupStates } from './groups.js';

type DistributiveOmit<T, K extends keyof any> = T extends unknown ? Omit<T, K> : never;
export type ChangeBody = DistributiveOmit<Change, 'seq'>;

interface Recorded {
  appId: string;
  userId: string;
  change: Change;
  ticket: Ticket;
  /** Group keys the change touched: it carries their state after this unit of work. */
  groupKeys: string[];
}

export class Work {
  private readonly tickets = new Map<string, Ticket>();
  private readonly recorded: Recorded[] = [];
  private readonly countCache = new Map<string, Counts>();
  private readonly groupCache = new Map<string, GroupState>();
  /** Lifecycle events of this unit of work, written with it (and their webhook deliveries). */
  readonly events: EventLog;
  /** `delivered` events whose live push should be measured after commit: event id → user id. */
  readonly pushed = new Map<string, string>();

  constructor(
    readonly trx: Transaction<Database>,
    private readonly db: Db,
    private readonly emitter: OrderedEmitter,
    readonly appId: string,
  ) {
    this.events = new EventLog(appId);
  }

  lock(userIds: string[]): Promise<void> {
    return this.db.lockUsers(this.trx, this.appId, userIds);
  }

  /** Takes the next `n` seqs of one user (returns them ascending). The user row must exist. */
  async allocSeqs(userId: string, n: number): Promise<number[]> {
    const row = await this.trx
      .updateTable('users')
      .set((eb) => ({ seq: eb('seq', '+', n) }))
      .where('app_id', '=', this.appId)
      .where('id', '=', userId)
      .returning('seq')
      .executeTakeFirstOrThrow();
    const last = Number(row.seq);
    const seqs = Array.from({ length: n }, (_, i) => last - n + 1 + i);
    for (const seq of seqs) this.reserve(userId, seq);
    return seqs;
  }

  /** Takes one seq for each of many users in one statement (fan-out); returns userId → seq. */
  async allocOneEach(userIds: string[]): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    for (let i = 0; i < userIds.length; i += IN_LIST_MAX) {
      const ids = userIds.slice(i, i + IN_LIST_MAX);
      const rows = await this.trx
        .updateTable('users')
        .set((eb) => ({ seq: eb('seq', '+', 1) }))
        .where('app_id', '=', this.appId)
        // PostgreSQL plans `= any(array)` (one parameter) faster than an IN list of a thousand.
        .where((eb) => (this.db.dialect === 'postgres' ? eb('id', '=', sql<string>`any(${ids}::text[])`) : eb('id', 'in', ids)))
        .returning(['id', 'seq'])
        .execute();
      for (const row of rows) {
        result.set(row.id, Number(row.seq));
        this.reserve(row.id, Number(row.seq));
      }
    }
    return result;
  }

  private reserve(userId: string, seq: number): void {
    this.tickets.set(`${userId}\u0000${seq}`, this.emitter.reserve(roomOf(this.appId, userId), seq));
  }

  /** Records a change under a seq taken from allocSeqs/allocOneEach; `groups`: the group keys it touched. */
  record(userId: string, seq: number, body: ChangeBody, groups: string | null | Array<string | null> = []): Change {
    const ticket = this.tickets.get(`${userId}\u0000${seq}`);
    if (!ticket) throw new Error(`seq ${seq} was not allocated for this user`);
    const change = { ...body, seq } as Change;
    const groupKeys = [...new Set((Array.isArray(groups) ? groups : [groups]).filter((k): k is string => k !== null))];
    this.recorded.push({ appId: this.appId, userId, change, ticket, groupKeys });
    return change;
  }

  /** States of a user's groups as of this transaction (cached: call it after the last write). */
  async groupsOf(userId: string, keys: Array<string | null>): Promise<GroupState[] | undefined> {
    const wanted = [...new Set(keys.filter((k): k is string => k !== null))];
    const missing = wanted.filter((k) => !this.groupCache.has(`${userId}\u0000${k}`));
    if (missing.length > 0) {
      for (const [k, state] of await groupStates(this.trx, this.appId, missing.map((groupKey) => ({ userId, groupKey })))) this.groupCache.set(k, state);
    }
    return wanted.length === 0 ? undefined : wanted.map((k) => this.groupCache.get(`${userId}\u0000${k}`)!);
  }

  /** Every change that touched a group carries the group's state as of commit. */
  private async attachGroups(): Promise<void> {
    const touched = this.recorded.flatMap((r) => r.groupKeys.map((groupKey) => ({ userId: r.userId, groupKey })));
    const missing = touched.filter((t) => !this.groupCache.has(`${t.userId}\u0000${t.groupKey}`));
    if (missing.length > 0) for (const [k, state] of await groupStates(this.trx, this.appId, missing)) this.groupCache.set(k, state);
    for (const r of this.recorded) {
      if (r.groupKeys.length > 0) r.change.groups = r.groupKeys.map((k) => this.groupCache.get(`${r.userId}\u0000${k}`)!);
    }
  }

  /** Counts of a user as of this transaction (cached: call it after the last change). */
  async counts(userId: string): Promise<Counts> {
    const cached = this.countCache.get(userId);
    if (cached) return cached;
    const counts = (await countsFor(this.trx, this.appId, [userId])).get(userId)!;
    this.countCache.set(userId, counts);
    return counts;
  }

  /** Inside the transaction, last: writes the change rows and the counts every event will carry. */
  async finish(): Promise<void> {
    await this.attachGroups();
    const created_at = nowIso();
    const rows = this.recorded.map(({ userId, change }) => {
      const { seq, type, ...payload } = change;
      return { app_id: this.appId, user_id: userId, seq, type, payload: JSON.stringify(payload), created_at };
    });
    await this.db.bulkInsert(this.trx, 'changes', rows);
    await this.events.flush(this.db, this.trx);
    const missing = [...new Set(this.recorded.map((r) => r.userId))].filter((id) => !this.countCache.has(id));
    if (missing.length > 0) {
      for (const [id, counts] of await countsFor(this.trx, this.appId, missing)) this.countCache.set(id, counts);
    }
  }

  /** After commit. */
  publish(): void {
    const used = new Set<Ticket>();
    for (const r of this.recorded) {
      used.add(r.ticket);
      r.ticket.ready({ change: r.change, counts: this.countCache.get(r.userId)! });
    }
    for (const ticket of this.tickets.values()) if (!used.has(ticket)) ticket.cancel();
  }

  /** After rollback. */
  abandon(): void {
    for (const ticket of this.tickets.values()) ticket.cancel();
  }
}

/** Told after a unit of work commits: webhook deliveries to send, live pushes to measure. */
export interface WorkHooks {
  committed(work: Work): void;
}

export interface WorkDeps {
  db: Db;
  emitter: OrderedEmitter;
  hooks?: WorkHooks | undefined;
}

/** Runs `fn` in a transaction as a Work, retrying transient conflicts (deadlock, busy). */
export async function runWork<R>(deps: WorkDeps, appId: string, fn: (work: Work) => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    let work: Work | undefined;
    try {
      const result = await deps.db.kysely.transaction().execute(async (trx) => {
        work = new Work(trx, deps.db, deps.emitter, appId);
        const value = await fn(work);
        await work.finish();
        return value;
      });
      work?.publish();
      if (work) deps.hooks?.committed(work);
      return result;
    } catch (err) {
      work?.abandon();
      if (attempt < 5 && deps.db.isRetryable(err)) {
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
        continue;
      }
      throw err;
    }
  }
}
