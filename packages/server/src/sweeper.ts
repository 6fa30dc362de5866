// Periodic work: wake snoozed notifications ('updated'), remove expired ones ('deleted'), prune change
// history older than 30 days, idempotency keys older than 48 h, and the lifecycle record (messages,
// events, webhook logs) past its retention period. Safe to run in several processes:
// each row is claimed by a conditional UPDATE/DELETE, so only one process records its change.
import type { Context } from './context.js';
import type { NotificationsTable } from './db/schema.js';
import { nowIso } from './ids.js';
import { pruneLifecycle } from './lifecycle/retention.js';
import { toNotification } from './store/rows.js';
import { runWork, type Work } from './store/work.js';

const DAY = 24 * 60 * 60 * 1000;
export const CHANGE_RETENTION_MS = 30 * DAY;
const IDEMPOTENCY_RETENTION_MS = 2 * DAY;
const PRUNE_EVERY_MS = 60_000;

type DueColumn = 'snoozed_until' | 'expires_at';

export class Sweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private lastPrune = 0;

  constructor(
    private readonly ctx: Context,
    private readonly intervalMs: number,
    private readonly onError: (err: unknown) => void,
    /** How long messages, events and webhook logs are kept. */
    private readonly lifecycleRetentionMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.sweep().catch(this.onError).finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; history pruning runs at most once a minute unless `pruneNow`. */
  async sweep(pruneNow = false): Promise<void> {
    await this.wakeSnoozed();
    await this.removeExpired();
    if (pruneNow || Date.now() - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = Date.now();
      await this.prune();
    }
  }

  private async due(column: DueColumn) {
    return this.ctx.db.kysely
      .selectFrom('notifications')
      .select(['app_id', 'user_id'])
      .distinct()
      .where(column, 'is not', null)
      .where(column, '<=', nowIso())
      .limit(200)
      .execute();
  }

  /** For each user with rows due on `column`: that user's due rows, oldest first, under the user's lock. */
  private async eachDue(column: DueColumn, handle: (work: Work, userId: string, rows: NotificationsTable[]) => Promise<void>) {
    for (const { app_id, user_id } of await this.due(column)) {
      await runWork(this.ctx, app_id, async (work) => {
        await work.lock([user_id]);
        const rows = await work.trx
          .selectFrom('notifications')
          .selectAll()
          .where('app_id', '=', app_id)
          .where('user_id', '=', user_id)
          .where(column, 'is not', null)
          .where(column, '<=', nowIso())
          .orderBy('created_at')
          .execute();
        if (rows.length > 0) await handle(work, user_id, rows);
      });
    }
  }

  private wakeSnoozed(): Promise<void> {
    return this.eachDue('snoozed_until', async (work, userId, rows) => {
      await work.trx.updateTable('notifications').set({ snoozed_until: null }).where('id', 'in', rows.map((r) => r.id)).execute();
      for (const row of rows) {
        work.events.add({ type: 'unsnoozed', messageId: row.message_id, notificationId: row.id, userId, channel: 'in_app', detail: { by: 'schedule' } });
      }
      const seqs = await work.allocSeqs(userId, rows.length);
      rows.forEach((row, i) => work.record(userId, seqs[i]!, { type: 'updated', notification: toNotification({ ...row, snoozed_until: null }) }, row.group_key));
    });
  }

  private removeExpired(): Promise<void> {
    return this.eachDue('expires_at', async (work, userId, rows) => {
      await work.trx.deleteFrom('notifications').where('id', 'in', rows.map((r) => r.id)).execute();
      for (const row of rows) work.events.add({ type: 'expired', messageId: row.message_id, notificationId: row.id, userId, channel: 'in_app' });
      const seqs = await work.allocSeqs(userId, rows.length);
      rows.forEach((row, i) => work.record(userId, seqs[i]!, { type: 'deleted', id: row.id }, row.group_key));
    });
  }

  /** Drops old history; users.pruned_seq remembers how far, so `/changes?since=` older than that is 410. */
  async prune(now = Date.now()): Promise<void> {
    const cutoff = new Date(now - CHANGE_RETENTION_MS).toISOString();
    const db = this.ctx.db.kysely;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set((eb) => ({
          pruned_seq: eb
            .selectFrom('changes')
            .select((e) => e.fn.max('changes.seq').as('m'))
            .whereRef('changes.app_id', '=', 'users.app_id')
            .whereRef('changes.user_id', '=', 'users.id')
            .where('changes.created_at', '<', cutoff),
        }))
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('changes')
              .select('changes.seq')
              .whereRef('changes.app_id', '=', 'users.app_id')
              .whereRef('changes.user_id', '=', 'users.id')
              .where('changes.created_at', '<', cutoff),
          ),
        )
        .execute();
      await trx.deleteFrom('changes').where('created_at', '<', cutoff).execute();
    });
    await db.deleteFrom('idempotency').where('created_at', '<', new Date(now - IDEMPOTENCY_RETENTION_MS).toISOString()).execute();
    await pruneLifecycle(db, this.lifecycleRetentionMs, now);
  }
}
