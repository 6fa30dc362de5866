import type { Meta, StoryObj } from '@storybook/react-vite';
import { Feed } from '../packages/react/src/index.js';
import { Replay, brandTheme } from './Replay.js';
import { ar } from '../packages/react/src/locales/index.js';

const meta: Meta<typeof Feed> = {
  title: 'Components/Feed',
  component: Feed,
  args: {},
  render: (args) => (
    <div style={{ maxWidth: 640 }}>
      <Replay>
        <Feed {...args} />
      </Replay>
    </div>
  ),
};
export default meta;
type Story = StoryObj<typeof Feed>;

export const FullPage: Story = {};
export const Unread: Story = { args: { filter: { read: false } } };
export const Archived: Story = { args: { filter: { archived: true } } };
export const Category: Story = { args: { filter: { category: 'billing' } } };

export const Loading: Story = {
  render: (args) => (
    <Replay mode={{ list: 'loading' }}>
      <Feed {...args} />
    </Replay>
  ),
};
export const Empty: Story = {
  render: (args) => (
    <Replay mode={{ user: 'nobody' }}>
      <Feed {...args} />
    </Replay>
  ),
};
export const CustomEmpty: Story = {
  args: { renderEmpty: () => <p style={{ padding: 24, textAlign: 'center' }}>Nothing here yet. Enjoy the quiet.</p> },
  render: (args) => (
    <Replay mode={{ user: 'nobody' }}>
      <Feed {...args} />
    </Replay>
  ),
};
export const Error: Story = {
  render: (args) => (
    <Replay mode={{ list: 'error' }}>
      <Feed {...args} />
    </Replay>
  ),
};
export const Offline: Story = {
  render: (args) => (
    <Replay offline>
      <Feed {...args} />
    </Replay>
  ),
};
export const TenThousandItems: Story = {
  name: '10,000 items',
  render: (args) => (
    <Replay mode={{ many: 10_000 }}>
      <Feed {...args} />
    </Replay>
  ),
};
export const Dark: Story = {
  render: (args) => (
    <div style={{ background: '#0f1115', padding: 16 }}>
      <Replay colorScheme="dark">
        <Feed {...args} />
      </Replay>
    </div>
  ),
};
export const BrandTheme: Story = {
  render: (args) => (
    <Replay theme={brandTheme}>
      <Feed {...args} />
    </Replay>
  ),
};
export const RightToLeft: Story = {
  name: 'RTL (Arabic)',
  render: (args) => (
    <Replay mode={{ user: 'layla' }} locale="ar" messages={ar}>
      <Feed {...args} />
    </Replay>
  ),
};
export const CustomItem: Story = {
  args: {
    renderItem: ({ notification }) => (
      <div style={{ padding: 12, borderBottom: '1px solid #ddd' }}>
        <strong>{notification.category}</strong> — {notification.title}
      </div>
    ),
  },
};
