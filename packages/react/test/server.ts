// Access to the real @belfry/server started by globalSetup.ts: client options, triggers and admin calls
// over its HTTP API.
import { createHmac } from 'node:crypto';
import { inject } from 'vitest';
import type { BelfryOptions } from '@belfry/core';
import type { TriggerRequest } from '@belfry/core/api';
import { APP, SECRET } from './constants.js';

export interface TestServer {
  url: string;
  /** Client options for a user (realtime off unless asked). */
  options(userId: string, extra?: Partial<BelfryOptions>): BelfryOptions;
  trigger(userId: string, body: Partial<TriggerRequest> & { title: string }): Promise<string>;
  admin(method: string, path: string, body?: unknown): Promise<Response>;
}

let counter = 0;
export const uniqueUser = (name = 'user') => `${name}-${Date.now().toString(36)}-${++counter}`;

// Same HMAC the server's userKeyFor computes (a backend would do this).
const userKey = (userId: string) => createHmac('sha256', SECRET).update(userId).digest('hex');

export function testServer(): TestServer {
  const url = inject('belfryUrl');
  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${SECRET}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    url,
    admin,
    options: (userId, extra) => ({
      apiUrl: url,
      appId: APP,
      userId,
      userKey: userKey(userId),
      realtime: false,
      environment: { broadcastChannel: null, locks: null, onOnlineChange: null, onFocus: null },
      ...extra,
    }),
    async trigger(userId, body) {
      const res = await admin('POST', '/v1/notifications', { recipients: [userId], category: 'general', ...body });
      if (res.status !== 201) throw new Error(`trigger failed: ${res.status} ${await res.text()}`);
      const json = (await res.json()) as { notifications: Array<{ id: string }> };
      return json.notifications[0]!.id;
    },
  };
}
