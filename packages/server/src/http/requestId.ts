// Request ids: a caller's own X-Request-Id when it is a sane token (so its logs and ours correlate),
// else a fresh sortable id. Every response echoes it, and a message records its trigger's.
import type { IncomingMessage } from 'node:http';
import { newId } from '../ids.js';

const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SANE.test(given) ? given : newId('req');
}
