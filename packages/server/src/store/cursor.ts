// Opaque keyset cursor: base64url(JSON [createdAt, id]) of the last item of a page.
import { badRequest } from '../errors.js';

export interface CursorKey {
  createdAt: string;
  id: string;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.createdAt, key.id])).toString('base64url');
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function decodeCursor(cursor: string): CursorKey {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [createdAt, id] = value as unknown[];
      if (typeof createdAt === 'string' && ISO.test(createdAt) && typeof id === 'string' && id.length <= 128) {
        return { createdAt, id };
      }
    }
  } catch {
    // fall through: every malformed cursor gets the same answer
  }
  throw badRequest('cursor', 'querystring/cursor is not a valid cursor');
}

/** Cursor over id-ordered rows (events: their ids sort by time). */
export function encodeIdCursor(id: string): string {
  return Buffer.from(JSON.stringify([id])).toString('base64url');
}

export function decodeIdCursor(cursor: string, prefix: string): string {
  try {
    if (/^[A-Za-z0-9_-]+$/.test(cursor)) {
      const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string' && value[0].startsWith(`${prefix}_`) && value[0].length <= 64) {
        return value[0];
      }
    }
  } catch {
    // fall through: every malformed cursor gets the same answer
  }
  throw badRequest('cursor', 'querystring/cursor is not a valid cursor');
}
