// Checks of a trigger body beyond its schema, shared by the trigger and its dry run so both refuse
// exactly the same bodies.
import { checkUrl, richTextLinks, URL_RULE, type TriggerRequest, type UrlPolicyOptions } from '@belfry/core/api';
import type { FastifyRequest } from 'fastify';
import { badRequest } from '../errors.js';
import type { RequestMeta } from '../lifecycle/messages.js';
import { assertValidDate } from './dates.js';

const DATA_LIMIT = 16 * 1024;

/** Bytes of the JSON text; absurdly deep nesting that can't be serialized counts as too large. */
function serializedSize(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value));
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** Every URL of the body against the one URL policy: a 400 naming the field and what is wrong. */
function checkUrls(body: TriggerRequest, policy: UrlPolicyOptions): void {
  const urls: Array<[string, string | undefined]> = [
    ['actionUrl', body.actionUrl],
    ['avatarUrl', body.avatarUrl],
    ...(body.actions ?? []).map((a, i): [string, string | undefined] => [`actions.${i}.url`, a.url]),
  ];
  for (const [field, url] of urls) {
    if (url === undefined) continue;
    const verdict = checkUrl(url, policy);
    if (!verdict.ok) throw badRequest(field, `body/${field.replaceAll('.', '/')} ${URL_RULE}: it ${verdict.reason}`);
  }
  // Links in the text ("[label](url)") are URLs too.
  for (const field of ['title', 'body'] as const) {
    for (const url of richTextLinks(body[field] ?? '')) {
      const verdict = checkUrl(url, policy);
      if (!verdict.ok) throw badRequest(field, `body/${field} has a link whose URL ${URL_RULE}: ${JSON.stringify(url)} ${verdict.reason}`);
    }
  }
}

export function checkTriggerBody(body: TriggerRequest, policy: UrlPolicyOptions): void {
  checkUrls(body, policy);
  if (body.data !== undefined && serializedSize(body.data) > DATA_LIMIT) {
    throw badRequest('data', 'body/data must be at most 16 KB when serialized');
  }
  // A past expiresAt is not an error: every recipient is suppressed as `expired` (a late retry of a stale notification).
  if (body.expiresAt !== undefined) assertValidDate(body.expiresAt, 'expiresAt');
  if (body.dedupeWindowSeconds !== undefined && body.dedupeKey === undefined) {
    throw badRequest('dedupeWindowSeconds', 'body/dedupeWindowSeconds needs a dedupeKey');
  }
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  const agent = request.headers['user-agent'];
  return { requestId: request.id, ip: request.ip ?? null, userAgent: typeof agent === 'string' ? agent.slice(0, 512) : null };
}
