// The normalised store on its own: seq guards against stale data, deferred bulk patches, exact
// overlay rollback, sorted placement of live items and the paging edge.
import { describe, expect, it } from 'vitest';
import type { Notification } from '../src/api/types.js';
import { overlayFrom } from '../src/overlays.js';
import { createInbox } from '../src/store.js';

let t = 0;
const n = (id: string, over: Partial<Notification> = {}): Notification => ({
  id, userId: 'u', category: 'general', title: id, body: null, actionUrl: null, actions: [], avatarUrl: null, data: null,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, ++t)).toISOString(), readAt: null, seenAt: null, archivedAt: null, clickedAt: null,
  snoozedUntil: null, expiresAt: null, ...over,
});
const READ = '2026-02-01T00:00:00.000Z';

function setup() {
  const inbox = createInbox();
  inbox.ensureView('all', { archived: false });
  inbox.ensureView('unread', { archived: false, read: false });
  const ids = (key: string) => inbox.store.getState().views[key]!.ids;
  return { inbox, ids };
}

describe('store', () => {
  it('a page read before a change never overwrites it; a deferred bulk patch survives a stale page', () => {
    const { inbox, ids } = setup();
    const a = n('a');
    const b = n('b');
    inbox.mergePages('all', [{ items: [a], seq: 1 }], { reset: true, hasMore: false });
    inbox.writeItems([{ ...a, readAt: READ }], 5);
    inbox.mergePages('unread', [{ items: [a], seq: 3 }], { reset: true, hasMore: false });
    expect(inbox.store.getState().notifications.a!.readAt).toBe(READ);
    expect(ids('unread')).toEqual([]);
    // b is archived at seq 6 before any page had it; a page read at seq 4 arrives afterwards.
    inbox.patchItems(['b'], { archivedAt: READ }, 6);
    inbox.mergePages('all', [{ items: [b, a], seq: 4 }], { reset: true, hasMore: false });
    expect(inbox.store.getState().notifications.b!.archivedAt).toBe(READ);
    expect(ids('all')).toEqual(['a']);
  });

  it('deleted items stay deleted when a stale page brings them back', () => {
    const { inbox, ids } = setup();
    const a = n('a');
    inbox.writeItems([a], 2);
    inbox.removeItem('a', 3);
    inbox.mergePages('all', [{ items: [a], seq: 2 }], { reset: true, hasMore: false });
    expect(ids('all')).toEqual([]);
  });

  it('live items go to their sorted place, but not past the last loaded page', () => {
    const { inbox, ids } = setup();
    const [old, mid, young] = [n('old'), n('mid'), n('young')];
    const older = n('older', { createdAt: '2025-01-01T00:00:00.000Z' });
    inbox.mergePages('all', [{ items: [young, old], seq: 1 }], { reset: true, hasMore: true });
    inbox.writeItems([mid], 2, new Set(['mid']));
    inbox.writeItems([older], 3);
    expect(ids('all')).toEqual(['young', 'mid', 'old']);
    expect(inbox.store.getState().views.all!.newCount).toBe(1);
    // The next page brings `older` (and `mid` again): merged by id, no duplicate.
    inbox.mergePages('all', [{ items: [mid, older], seq: 4 }], { reset: false, hasMore: false });
    expect(ids('all')).toEqual(['young', 'mid', 'old', 'older']);
  });

  it('removing one overlay restores exactly its items; other overlays stay', () => {
    const { inbox, ids } = setup();
    const [a, b] = [n('a'), n('b')];
    inbox.mergePages('all', [{ items: [b, a], seq: 1 }], { reset: true, hasMore: false });
    inbox.mergePages('unread', [{ items: [b, a], seq: 1 }], { reset: true, hasMore: false });
    const before = inbox.store.getState().notifications.a;
    inbox.addOverlay(overlayFrom('k1', { kind: 'ids', ids: ['a'], patch: { readAt: READ } }), ['a']);
    inbox.addOverlay(overlayFrom('k2', { kind: 'ids', ids: ['b'], patch: { archivedAt: READ } }), ['b']);
    expect(ids('unread')).toEqual([]);
    expect(ids('all')).toEqual(['a']);
    inbox.removeOverlay('k1', ['a']);
    expect(ids('unread')).toEqual(['a']);
    expect(ids('all')).toEqual(['a']);
    expect(inbox.store.getState().notifications.a).toBe(before);
    // A server update to b while its overlay is pending keeps the optimistic archive on top.
    inbox.writeItems([{ ...b, title: 'renamed' }], 2);
    expect(ids('all')).toEqual(['a']);
    expect(inbox.store.getState().notifications.b!.title).toBe('renamed');
  });
});
