// Webhook endpoints of an app: registration (URL checked against the egress guard), updates, secret
// rotation, the delivery log, and replays. Signing secrets are sealed with the master key at rest.
import type {
  Webhook,
  WebhookAttempt,
  WebhookCreate,
  WebhookDelivery,
  WebhookDeliveryListResponse,
  WebhookDeliveryStatus,
  WebhookSecretResponse,
  WebhookUpdate,
  EventType,
} from '@belfry/core/api';
import type { Kysely } from 'kysely';
import type { MasterKey } from '../auth/masterKey.js';
import type { Db } from '../db/connect.js';
import type { Database, WebhookDeliveriesTable, WebhooksTable } from '../db/schema.js';
import { ApiError, badRequest, notFound } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { decodeCursor, encodeCursor } from '../store/cursor.js';
import { EgressRefused, type EgressGuard } from './egress.js';
import { newSigningSecret } from './signing.js';

export const MAX_WEBHOOKS_PER_APP = 50;
const DEFAULT_GRACE_SECONDS = 86_400;

export function toWebhook(row: WebhooksTable): Webhook {
  const graceLeft = row.previous_secret_expires_at !== null && row.previous_secret_expires_at > nowIso();
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as Webhook['events'],
    description: row.description,
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    previousSecretExpiresAt: graceLeft ? row.previous_secret_expires_at : null,
  };
}

export class Webhooks {
  constructor(
    private readonly db: Db,
    private readonly masterKey: MasterKey,
    private readonly guard: EgressGuard,
    /** Told when a replay queued a delivery. */
    private readonly onQueued: () => void,
  ) {}

  private get q(): Kysely<Database> {
    return this.db.kysely;
  }

  /** http(s), absolute, no credentials, and (outside dev mode) not a private address. */
  private async checkUrl(raw: string): Promise<string> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw badRequest('url', 'body/url must be an absolute http(s) URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badRequest('url', 'body/url must use http or https');
    if (url.username || url.password) throw badRequest('url', 'body/url must not contain credentials');
    try {
      await this.guard.check(url);
    } catch (err) {
      if (err instanceof EgressRefused) throw badRequest('url', `body/url is not allowed: ${err.message}`);
      // A name that does not resolve yet is accepted; every attempt checks again at connect time.
    }
    return url.toString();
  }

  private async row(appId: string, id: string): Promise<WebhooksTable> {
    const row = await this.q.selectFrom('webhooks').selectAll().where('app_id', '=', appId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('webhook');
    return row;
  }

  async create(appId: string, input: WebhookCreate): Promise<WebhookSecretResponse> {
    const url = await this.checkUrl(input.url);
    const count = await this.q.selectFrom('webhooks').select((eb) => eb.fn.countAll().as('n')).where('app_id', '=', appId).executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_WEBHOOKS_PER_APP) throw new ApiError(409, 'conflict', `an app can have at most ${MAX_WEBHOOKS_PER_APP} webhooks`);
    const secret = newSigningSecret();
    const now = nowIso();
    const row: WebhooksTable = {
      id: newId('wh'),
      app_id: appId,
      url,
      events: JSON.stringify([...new Set(input.events)]),
      description: input.description ?? null,
      enabled: input.enabled === false ? 0 : 1,
      secret_enc: this.masterKey.encrypt(secret),
      previous_secret_enc: null,
      previous_secret_expires_at: null,
      created_at: now,
      updated_at: now,
    };
    await this.q.insertInto('webhooks').values(row).execute();
    return { webhook: toWebhook(row), secret };
  }

  async list(appId: string): Promise<Webhook[]> {
    const rows = await this.q.selectFrom('webhooks').selectAll().where('app_id', '=', appId).orderBy('created_at').orderBy('id').execute();
    return rows.map(toWebhook);
  }

  async get(appId: string, id: string): Promise<Webhook> {
    return toWebhook(await this.row(appId, id));
  }

  async update(appId: string, id: string, patch: WebhookUpdate): Promise<Webhook> {
    const row = await this.row(appId, id);
    const next: WebhooksTable = {
      ...row,
      url: patch.url === undefined ? row.url : await this.checkUrl(patch.url),
      events: patch.events === undefined ? row.events : JSON.stringify([...new Set(patch.events)]),
      description: patch.description === undefined ? row.description : patch.description,
      enabled: patch.enabled === undefined ? row.enabled : patch.enabled ? 1 : 0,
      updated_at: nowIso(),
    };
    await this.q
      .updateTable('webhooks')
      .set({ url: next.url, events: next.events, description: next.description, enabled: next.enabled, updated_at: next.updated_at })
      .where('id', '=', id)
      .execute();
    if (next.enabled === 1 && row.enabled === 0) this.onQueued();
    return toWebhook(next);
  }

  /** Deletes the endpoint with its delivery log (pending deliveries are dropped). */
  async remove(appId: string, id: string): Promise<void> {
    await this.row(appId, id);
    await this.q.transaction().execute(async (trx) => {
      await trx.deleteFrom('webhook_attempts').where('webhook_id', '=', id).execute();
      await trx.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).execute();
      await trx.deleteFrom('webhooks').where('id', '=', id).execute();
    });
  }

  /** A new secret; the old one keeps signing (alongside) for `graceSeconds`, so receivers can switch without a gap. */
  async rotate(appId: string, id: string, graceSeconds = DEFAULT_GRACE_SECONDS): Promise<WebhookSecretResponse> {
    const row = await this.row(appId, id);
    const secret = newSigningSecret();
    const now = Date.now();
    const next: WebhooksTable = {
      ...row,
      secret_enc: this.masterKey.encrypt(secret),
      previous_secret_enc: graceSeconds > 0 ? row.secret_enc : null,
      previous_secret_expires_at: graceSeconds > 0 ? new Date(now + graceSeconds * 1000).toISOString() : null,
      updated_at: new Date(now).toISOString(),
    };
    await this.q
      .updateTable('webhooks')
      .set({
        secret_enc: next.secret_enc,
        previous_secret_enc: next.previous_secret_enc,
        previous_secret_expires_at: next.previous_secret_expires_at,
        updated_at: next.updated_at,
      })
      .where('id', '=', id)
      .execute();
    return { webhook: toWebhook(next), secret };
  }

  async deliveries(
    appId: string,
    id: string,
    query: { status?: WebhookDeliveryStatus | undefined; limit: number; cursor?: string | undefined },
  ): Promise<WebhookDeliveryListResponse> {
    await this.row(appId, id);
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    let q = this.q.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', id);
    if (query.status !== undefined) q = q.where('status', '=', query.status);
    if (after) {
      q = q.where((eb) => eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]));
    }
    const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute();
    const page = rows.slice(0, query.limit);
    const attempts = await this.attemptsOf(page.map((r) => r.id));
    const last = page[page.length - 1];
    return {
      deliveries: page.map((r) => toDelivery(r, attempts.get(r.id) ?? [])),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
    };
  }

  /** Queues the same event (same body, same webhook-id) to the endpoint again, as a new delivery. */
  async replay(appId: string, id: string, deliveryId: string): Promise<WebhookDelivery> {
    const webhook = await this.row(appId, id);
    const original = await this.q.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', id).where('id', '=', deliveryId).executeTakeFirst();
    if (!original) throw notFound('delivery');
    if (webhook.enabled !== 1) throw new ApiError(409, 'conflict', 'the webhook is disabled: enable it before replaying');
    const now = nowIso();
    const row: WebhookDeliveriesTable = {
      ...original,
      id: newId('whd'),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      lease_token: null,
      replay_of: original.id,
      created_at: now,
      finished_at: null,
    };
    await this.q.insertInto('webhook_deliveries').values(row).execute();
    this.onQueued();
    return toDelivery(row, []);
  }

  private async attemptsOf(deliveryIds: string[]): Promise<Map<string, WebhookAttempt[]>> {
    const out = new Map<string, WebhookAttempt[]>();
    if (deliveryIds.length === 0) return out;
    const rows = await this.q.selectFrom('webhook_attempts').selectAll().where('delivery_id', 'in', deliveryIds).orderBy('attempt').orderBy('at').execute();
    for (const r of rows) {
      let list = out.get(r.delivery_id);
      if (!list) out.set(r.delivery_id, (list = []));
      list.push({
        attempt: Number(r.attempt),
        at: r.at,
        statusCode: r.status_code === null ? null : Number(r.status_code),
        durationMs: Number(r.duration_ms),
        error: r.error,
        outcome: r.outcome as WebhookAttempt['outcome'],
      });
    }
    return out;
  }
}

function toDelivery(row: WebhookDeliveriesTable, attemptLog: WebhookAttempt[]): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    eventId: row.event_id,
    eventType: row.event_type as EventType,
    status: row.status as WebhookDeliveryStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    replayOf: row.replay_of,
    attemptLog,
  };
}
