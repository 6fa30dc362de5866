// Verifying a delivery on the receiving side: Standard Webhooks signatures (webhook-id,
// webhook-timestamp, webhook-signature), checked with the standardwebhooks library.
import type { WebhookPayload } from '@belfry/core/api';
import { Webhook } from 'standardwebhooks';

export type WebhookHeaders = Record<string, string | string[] | undefined> | Headers;

function plainHeaders(headers: WebhookHeaders): Record<string, string> {
  if (typeof (headers as Headers).get === 'function') return Object.fromEntries((headers as Headers).entries());
  return Object.fromEntries(
    Object.entries(headers as Record<string, string | string[] | undefined>).flatMap(([k, v]) =>
      v === undefined ? [] : [[k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v]],
    ),
  );
}

/**
 * Checks a delivery's signature and age (5 minutes of tolerance) and returns the parsed payload; throws
 * on a forged, altered or replayed-late delivery. `payload` is the raw body exactly as received.
 */
export function verifyWebhook(payload: string | Buffer, headers: WebhookHeaders, secret: string): WebhookPayload {
  const body = typeof payload === 'string' ? payload : payload.toString('utf8');
  return new Webhook(secret).verify(body, plainHeaders(headers)) as WebhookPayload;
}
