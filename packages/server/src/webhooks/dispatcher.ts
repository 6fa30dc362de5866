// The outbox dispatcher: claims due deliveries, sends each once, records the attempt and schedules
// the next one. Several processes can run it on one PostgreSQL database:
// - a claim is one statement that selects due rows FOR UPDATE SKIP LOCKED and, in the same statement,
//   moves their next_attempt_at to the end of a lease and stamps a fresh lease token, so no other
//   process can see them as due until the lease runs out;
// - the lease is longer than the request deadline, so a held row is never sent twice at once;
// - results are written only where the lease token still matches; a process killed mid-attempt leaves
//   its rows to come due again when the lease ends (at least once, never "delivered" unless a 2xx came).
// On SQLite the claim is the same statement without the locking clause (SQLite has one writer at a time).
import type { WebhookAttemptDetail, EventType } from '@belfry/core/api';
import { sql } from 'kysely';
import type { MasterKey } from '../auth/masterKey.js';
import type { Db } from '../db/connect.js';
import type { WebhookDeliveriesTable } from '../db/schema.js';
import { newId, nowIso } from '../ids.js';
import { EventLog } from '../lifecycle/events.js';
import type { EgressGuard } from './egress.js';
import { backoffMs, isRetryable, retryAfterMs, type RetryPolicy } from './schedule.js';
import { postOnce, type AttemptResult } from './send.js';
import { signDelivery } from './signing.js';

export interface DispatcherOptions {
  retry: RetryPolicy;
  /** Deadline of one attempt (connect + response). Default 10 s. */
  timeoutMs: number;
  /** How often due deliveries are looked for (commits in this process wake it at once). Default 1 s. */
  pollIntervalMs: number;
  /** Attempts in flight at once in this process. Default 8. */
  concurrency: number;
  /** How long a claim holds a row; must exceed timeoutMs. Default timeoutMs + 20 s. */
  leaseMs: number;
}

interface Log {
  error(obj: unknown, msg: string): void;
}

export class Dispatcher {
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly masterKey: MasterKey,
    private readonly guard: EgressGuard,
    private readonly options: DispatcherOptions,
    private readonly log: Log,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Look for due deliveries now (a commit in this process queued some). */
  wake(): void {
    if (this.stopped) return;
    if (this.polling) this.again = true;
    else this.schedule(0);
  }

  /** Stops claiming; waits for the attempts in flight (each ends within timeoutMs). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.polling;
    await Promise.all(this.inFlight);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.poll(), delayMs);
    this.timer.unref();
  }

  private poll(): void {
    if (this.stopped || this.polling) return;
    // `.finally` runs after the assignment even when the loop ends without awaiting (no free slot),
    // so `polling` can never be left set to a loop that has already finished.
    this.polling = this.pollLoop().finally(() => {
      this.polling = undefined;
      if (!this.stopped) this.schedule(this.options.pollIntervalMs);
    });
  }

  private async pollLoop(): Promise<void> {
    try {
      do {
        this.again = false;
        const free = this.options.concurrency - this.inFlight.size;
        if (free <= 0) break;
        const rows = await this.claim(free);
        for (const row of rows) this.track(this.attempt(row));
        if (rows.length === free) this.again = true;
      } while (this.again && !this.stopped);
    } catch (err) {
      this.log.error({ err }, 'webhook dispatcher: claim failed');
    }
  }

  private track(work: Promise<void>): void {
    const p = work
      .catch((err: unknown) => this.log.error({ err }, 'webhook dispatcher: attempt failed'))
      .finally(() => {
        this.inFlight.delete(p);
        this.wake();
      });
    this.inFlight.add(p);
  }

  /** Takes up to `n` due deliveries of enabled endpoints; each comes back with its new lease token. */
  private async claim(n: number): Promise<WebhookDeliveriesTable[]> {
    const now = nowIso();
    const leaseEnd = new Date(Date.now() + this.options.leaseMs).toISOString();
    const token = newId('lease');
    if (this.db.dialect === 'postgres') {
      const { rows } = await sql<WebhookDeliveriesTable>`
        with due as (
          select d.id from webhook_deliveries d
          where d.status = 'pending' and d.next_attempt_at <= ${now}
            and exists (select 1 from webhooks w where w.id = d.webhook_id and w.enabled = 1)
          order by d.next_attempt_at
          limit ${n}
          for update of d skip locked
        )
        update webhook_deliveries set next_attempt_at = ${leaseEnd}, lease_token = ${token}, attempts = attempts + 1
        from due where webhook_deliveries.id = due.id
        returning webhook_deliveries.*`.execute(this.db.kysely);
      return rows;
    }
    return this.db.kysely
      .updateTable('webhook_deliveries')
      .set((eb) => ({ next_attempt_at: leaseEnd, lease_token: token, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('webhook_deliveries as d')
          .select('d.id')
          .where('d.status', '=', 'pending')
          .where('d.next_attempt_at', '<=', now)
          .where((e) => e.exists(e.selectFrom('webhooks as w').select('w.id').whereRef('w.id', '=', 'd.webhook_id').where('w.enabled', '=', 1)))
          .orderBy('d.next_attempt_at')
          .limit(n),
      )
      .returningAll()
      .execute();
  }

  private async attempt(row: WebhookDeliveriesTable): Promise<void> {
    const webhook = await this.db.kysely.selectFrom('webhooks').selectAll().where('id', '=', row.webhook_id).executeTakeFirst();
    if (!webhook) return; // deleted meanwhile: its deliveries went with it
    const secrets = [this.masterKey.decrypt(webhook.secret_enc)];
    if (webhook.previous_secret_enc && webhook.previous_secret_expires_at && webhook.previous_secret_expires_at > nowIso()) {
      secrets.push(this.masterKey.decrypt(webhook.previous_secret_enc));
    }
    const headers = signDelivery(secrets, row.event_id, new Date(), row.payload);
    const result = await postOnce(webhook.url, row.payload, { ...headers }, this.options.timeoutMs, this.guard);
    await this.record(row, result);
  }

  /** The attempt, the delivery's next state (only while our lease holds) and its lifecycle event, in one transaction. */
  private async record(row: WebhookDeliveriesTable, result: AttemptResult): Promise<void> {
    const attempt = Number(row.attempts);
    const { retry } = this.options;
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const retryable = !ok && !result.permanent && isRetryable(result.statusCode) && attempt < retry.maxAttempts;
    let nextAttemptAt: string | null = null;
    if (retryable) {
      const asked = result.statusCode === 429 || result.statusCode === 503 ? retryAfterMs(result.retryAfter) : undefined;
      const delay = asked === undefined ? backoffMs(retry, attempt) : Math.min(asked, retry.maxRetryAfterMs);
      nextAttemptAt = new Date(Date.now() + delay).toISOString();
    }
    const outcome = ok ? 'delivered' : retryable ? 'retry' : 'failed';
    const at = nowIso();
    const detail: WebhookAttemptDetail = {
      webhookId: row.webhook_id,
      deliveryId: row.id,
      eventId: row.event_id,
      eventType: row.event_type as EventType,
      attempt,
      maxAttempts: retry.maxAttempts,
      statusCode: result.statusCode,
      durationMs: result.durationMs,
      error: result.error,
      nextAttemptAt,
    };
    await this.db.kysely.transaction().execute(async (trx) => {
      await trx
        .insertInto('webhook_attempts')
        .values({
          id: newId('wha'),
          delivery_id: row.id,
          webhook_id: row.webhook_id,
          attempt,
          at,
          status_code: result.statusCode,
          duration_ms: result.durationMs,
          error: result.error,
          outcome,
        })
        .execute();
      await trx
        .updateTable('webhook_deliveries')
        .set(
          outcome === 'retry'
            ? { next_attempt_at: nextAttemptAt, lease_token: null }
            : { status: outcome, next_attempt_at: null, lease_token: null, finished_at: at },
        )
        .where('id', '=', row.id)
        .where('lease_token', '=', row.lease_token)
        .execute();
      const log = new EventLog(row.app_id);
      const type = outcome === 'delivered' ? 'webhook.delivered' : outcome === 'retry' ? 'webhook.attempted' : 'webhook.failed';
      log.add({ type, messageId: row.message_id, notificationId: row.notification_id, userId: row.user_id, detail: { ...detail } });
      await log.flush(this.db, trx);
    });
    if (nextAttemptAt) this.wakeAt(Date.parse(nextAttemptAt));
  }

  /** A retry due sooner than the next poll gets its own timer. */
  private wakeAt(time: number): void {
    const delay = time - Date.now();
    if (delay >= this.options.pollIntervalMs) return;
    const t = setTimeout(() => this.wake(), Math.max(0, delay));
    t.unref();
  }
}
