// Sortable random ids: a millisecond timestamp prefix (base36, fixed width) then 80 random bits.
import { randomBytes } from 'node:crypto';

export function newId(prefix: string): string {
  const time = Date.now().toString(36).padStart(9, '0');
  return `${prefix}_${time}${randomBytes(10).toString('hex')}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
