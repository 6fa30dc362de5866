import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { BelfryProvider } from '../src/index.js';
import { GroupedFeed, GroupedInbox } from '../src/grouped.js';
import { de } from '../src/locales/index.js';
import { testServer, uniqueUser } from './server.js';

const srv = testServer();
afterEach(() => cleanup());

async function comments(user: string, key: string, names: string[], data: Record<string, unknown> = { groupTitle: 'commented on Launch plan' }) {
  for (const name of names) await srv.trigger(user, { title: `${name} commented`, groupKey: key, actor: { id: name.toLowerCase(), name }, data });
}

const groupRow = (key: string) => document.querySelector<HTMLElement>(`[data-group="${key}"]`)!;

describe('grouped Feed', () => {
  it('shows five members as one row: actors and count from the messages table, unread count, newest time', async () => {
    const user = uniqueUser();
    await comments(user, 'post:1', ['Ken', 'Barbara', 'Linus', 'Grace', 'Ada']);
    await srv.trigger(user, { title: 'Solo' });
    render(
      <BelfryProvider {...srv.options(user)}>
        <GroupedFeed />
      </BelfryProvider>,
    );
    await screen.findByText('Ada, Grace and 3 others commented on Launch plan');
    const rows = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Solo');
    const row = groupRow('post:1');
    expect(row.getAttribute('data-unread')).toBe('true');
    expect(within(row).getByText('5 unread')).toBeTruthy();
    expect(row.querySelector('time')!.getAttribute('dateTime')).toEqual(expect.any(String));
    expect(within(row).getByRole('button', { name: 'Show all 5' }).getAttribute('aria-expanded')).toBe('false');
  });

  it('expands with the keyboard to the members, collapses, and marks the group read', async () => {
    const user = uniqueUser();
    await comments(user, 'k', ['A', 'B', 'C', 'D', 'E']);
    render(
      <BelfryProvider {...srv.options(user)}>
        <GroupedFeed />
      </BelfryProvider>,
    );
    await waitFor(() => expect(groupRow('k')).toBeTruthy());
    const row = groupRow('k');
    row.focus();
    fireEvent.keyDown(row, { key: 'Enter' });
    const toggle = within(row).getByRole('button', { name: 'Show less' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const members = await within(row).findByRole('list', { name: '5 grouped notifications' });
    expect(toggle.getAttribute('aria-controls')).toBe(members.parentElement!.id);
    await waitFor(() => expect(within(members).getAllByRole('listitem')).toHaveLength(5));
    expect(within(members).getAllByRole('listitem')[0]!.textContent).toContain('E commented');
    fireEvent.click(within(row).getByRole('button', { name: 'Mark group read' }));
    // optimistic: the row and every member read at once
    expect(row.getAttribute('data-unread')).toBe('false');
    expect(within(row).queryByText('5 unread')).toBeNull();
    await waitFor(() => expect(members.querySelectorAll('[data-unread="true"]')).toHaveLength(0));
    await waitFor(async () => {
      const res = await srv.admin('GET', `/v1/users/${user}/notifications?read=false`);
      expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(0);
    });
    fireEvent.click(toggle);
    expect(within(row).queryByRole('list')).toBeNull();
    expect(within(row).getByRole('button', { name: 'Show all 5' }).getAttribute('aria-expanded')).toBe('false');
  });

  it('archive-group removes the row; GroupedInbox groups; text is text, in the chosen language', async () => {
    const user = uniqueUser();
    await comments(user, 'x', ['<img src=x onerror=alert(1)>', 'Grace'], { groupTitle: '<b>replied</b>' });
    await srv.trigger(user, { title: 'Other' });
    render(
      <BelfryProvider {...srv.options(user)} locale="de" messages={de}>
        <GroupedInbox defaultOpen />
      </BelfryProvider>,
    );
    const title = await screen.findByText('Grace und <img src=x onerror=alert(1)> <b>replied</b>');
    expect(title.querySelector('img, b')).toBeNull();
    const row = groupRow('x');
    expect(within(row).getByText('2 ungelesen')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Gruppe archivieren' }));
    await waitFor(() => expect(document.querySelector('[data-group="x"]')).toBeNull());
    expect(screen.getByText('Other')).toBeTruthy();
    await waitFor(async () => {
      const res = await srv.admin('GET', `/v1/users/${user}/notifications?archived=true`);
      expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(2);
    });
  });
});
