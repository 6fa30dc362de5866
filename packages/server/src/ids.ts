// Sortable random ids: a millisecond timestamp prefix (base36, fixed width) then 80 random bits.
import { randomFillSync } from 'node:crypto';

// One crypto call per 409 ids instead of one per id (a fan-out mints a thousand at once); every
// byte is still used once only.
const ID_BYTES = 10;
const pool = Buffer.alloc(ID_BYTES * 409);
let offset = pool.length;

export function newId(prefix: string): string {
  if (offset + ID_BYTES > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const random = pool.toString('hex', offset, offset + ID_BYTES);
  offset += ID_BYTES;
  const time = Date.now().toString(36).padStart(9, '0');
  return `${prefix}_${time}${random}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}

let lastTime = 0;
let counter = 0;

/**
 * Like newId, but ids minted by this process only grow, even within one millisecond or when the clock
 * steps back: events sort by id, so one notification's steps keep their order.
 */
export function orderedId(prefix: string): { id: string; at: string } {
  const now = Math.max(Date.now(), lastTime);
  counter = now === lastTime ? counter + 1 : 0;
  lastTime = now;
  const random = newId('x').slice(-12);
  return { id: `${prefix}_${now.toString(36).padStart(9, '0')}${counter.toString(36).padStart(4, '0')}${random}`, at: new Date(now).toISOString() };
}
