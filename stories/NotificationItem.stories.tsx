import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Notification } from '@belfry/core/api';
import { NotificationItem } from '../packages/react/src/index.js';
import recorded from './fixtures/recorded.json';
import { Replay } from './Replay.js';

const items = recorded.users.ada.lists[''].items as Notification[];
const find = (text: string) => items.find((n) => n.title.includes(text)) ?? items[0]!;

const meta: Meta<typeof NotificationItem> = {
  title: 'Components/NotificationItem',
  component: NotificationItem,
  render: (args) => (
    <Replay>
      <div className="belfry-root" style={{ maxWidth: 420 }}>
        <div role="list" aria-label="Example">
          <NotificationItem {...args} />
        </div>
      </div>
    </Replay>
  ),
};
export default meta;
type Story = StoryObj<typeof NotificationItem>;

export const UnreadWithActions: Story = { args: { notification: find('sign-in') } };
export const Read: Story = { args: { notification: items.find((n) => n.readAt) ?? items[0]! } };
export const Formatting: Story = { args: { notification: find('invoice') } };
export const LongText: Story = { args: { notification: find('very long') } };
export const UnsafeLinkShownAsText: Story = { args: { notification: find('Unsafe') } };
