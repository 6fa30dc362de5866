// What route handlers, the socket layer and the sweeper share within one server instance.
import type { UrlPolicyOptions } from '@belfry/core/api';
import type { Db } from './db/connect.js';
import type { SessionTokens } from './auth/sessionTokens.js';
import type { Metrics } from './metrics.js';
import type { OrderedEmitter } from './realtime/orderedEmitter.js';
import type { Apps } from './store/apps.js';
import type { WorkHooks } from './store/work.js';
import type { Webhooks } from './webhooks/endpoints.js';

export interface Context {
  db: Db;
  apps: Apps;
  sessions: SessionTokens;
  emitter: OrderedEmitter;
  metrics: Metrics;
  webhooks: Webhooks;
  /** After-commit work of every unit of work (webhook dispatch, live-push reach). */
  hooks: WorkHooks;
  /** The URL policy's options (the allowed link hosts) for notification URLs. */
  linkPolicy: UrlPolicyOptions;
  /** Longest exp - iat of a user JWT, in seconds. */
  userTokenMaxLifetimeSeconds: number;
}
