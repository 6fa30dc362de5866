import type { Meta, StoryObj } from '@storybook/react-vite';
import { Feed } from '../packages/react/src/index.js';
import { brandTheme, replay, replayRender } from './Replay.js';
import { ar } from '../packages/react/src/locales/index.js';

const meta: Meta<typeof Feed> = {
  title: 'Components/Feed',
  component: Feed,
  args: {},
  render: replayRender(Feed, (feed) => <div style={{ maxWidth: 640 }}>{feed}</div>),
};
export default meta;
type Story = StoryObj<typeof Feed>;

export const FullPage: Story = {};
export const Unread: Story = { args: { filter: { read: false } } };
export const Archived: Story = { args: { filter: { archived: true } } };
export const Category: Story = { args: { filter: { category: 'billing' } } };

export const Loading: Story = { parameters: replay({ mode: { list: 'loading' } }) };
export const Empty: Story = { parameters: replay({ mode: { user: 'nobody' } }) };
export const CustomEmpty: Story = {
  args: { renderEmpty: () => <p style={{ padding: 24, textAlign: 'center' }}>Nothing here yet. Enjoy the quiet.</p> },
  parameters: replay({ mode: { user: 'nobody' } }),
};
export const Error: Story = { parameters: replay({ mode: { list: 'error' } }) };
export const Offline: Story = { parameters: replay({ offline: true }) };
export const TenThousandItems: Story = { name: '10,000 items', parameters: replay({ mode: { many: 10_000 } }) };
export const Dark: Story = { parameters: replay({ colorScheme: 'dark' }) };
export const BrandTheme: Story = { parameters: replay({ theme: brandTheme }) };
export const RightToLeft: Story = { name: 'RTL (Arabic)', parameters: replay({ mode: { user: 'layla' }, locale: 'ar', messages: ar }) };
export const CustomItem: Story = {
  args: {
    renderItem: ({ notification }) => (
      <div style={{ padding: 12, borderBottom: '1px solid #ddd' }}>
        <strong>{notification.category}</strong> — {notification.title}
      </div>
    ),
  },
};
