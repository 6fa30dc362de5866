import type { Meta, StoryObj } from '@storybook/react-vite';
import { GroupedFeed as Feed, GroupedInbox as Inbox } from '../packages/react/src/grouped.js';
import { de } from '../packages/react/src/locales/index.js';
import { replay, replayRender } from './Replay.js';

// Grouped notifications, replayed from recordings of a real server (stories/fixtures/recordedGroups.json):
// five comments on one post, two mentions in one channel, one ungrouped invoice.
const meta: Meta<typeof Feed> = {
  title: 'Components/Groups',
  component: Feed,
  parameters: replay({ mode: { groups: true } }),
  render: replayRender(Feed, (feed) => <div style={{ maxWidth: 640 }}>{feed}</div>),
};
export default meta;
type Story = StoryObj<typeof Feed>;

/** One row per group: "Ada, Grace and 3 others commented on Launch plan", its unread count, expand, mark read, archive. */
export const GroupedFeed: Story = {};
export const Dark: Story = { parameters: replay({ mode: { groups: true }, colorScheme: 'dark' }) };
export const German: Story = { parameters: replay({ mode: { groups: true }, locale: 'de', messages: de }) };
export const GroupedInbox: Story = {
  render: replayRender(Inbox, (inbox) => <div style={{ display: 'flex', justifyContent: 'flex-end', padding: 16, minHeight: 560 }}>{inbox}</div>) as never,
  args: { defaultOpen: true } as never,
};
