// Dates from request bodies: the schema checks the RFC 3339 shape, this checks the instant exists
// (a leap second like 23:59:60 passes the format but is no JS Date) and lies in the future.
import { badRequest } from '../errors.js';

export function assertFutureDate(value: string, field: string): void {
  const time = Date.parse(value);
  if (!Number.isFinite(time)) throw badRequest(field, `body/${field} is not a valid date-time`);
  if (time <= Date.now()) throw badRequest(field, `body/${field} must be in the future`);
}

/** A date-time the schema accepted that must also be a real instant (past or future). */
export function assertValidDate(value: string, field: string): void {
  if (!Number.isFinite(Date.parse(value))) throw badRequest(field, `body/${field} is not a valid date-time`);
}
