// markClicked: read + clicked at once, optimistic, with the action recorded on the server's timeline.
import { describe, expect, it } from 'vitest';
import type { EventListResponse } from '../src/api/index.js';
import { makeClient, newUser, secretCall, serverItems, trigger, useServer, waitFor } from './harness.js';

const env = useServer();

describe('markClicked', () => {
  it('marks read and clicked optimistically and records a clicked event with the action', async () => {
    const user = newUser();
    const res = await trigger(env.server.url, user, { title: 'Deploy finished', actions: [{ id: 'view', label: 'View logs' }] });
    const id = res.notifications[0]!.id;
    const client = makeClient(env.server.url, user, { realtime: false });
    const feed = client.feed();
    const off = feed.subscribe(() => {});
    await waitFor(() => feed.getState().items.length === 1, { message: 'first page' });

    const done = client.markClicked(id, 'view');
    const now = client.notification(id).getState();
    expect(now?.readAt).not.toBeNull();
    expect(now?.clickedAt).not.toBeNull();
    await done;
    const [item] = await serverItems(env.server.url, user);
    expect(item).toMatchObject({ id, readAt: expect.any(String), clickedAt: expect.any(String) });
    const events = await secretCall<EventListResponse>(env.server.url, 'GET', `/v1/notifications/${id}/events`);
    expect(events.events.map((e) => e.type)).toEqual(['triggered', 'delivered', 'read', 'clicked']);
    expect(events.events[3]!.detail).toEqual({ action: 'view' });

    // An action the notification does not have is refused, and the optimistic change rolls back.
    const other = (await trigger(env.server.url, user, { title: 'plain' })).notifications[0]!.id;
    await expect(client.markClicked(other, 'nope')).rejects.toMatchObject({ code: 'bad_request' });
    off();
    client.destroy();
  });
});
