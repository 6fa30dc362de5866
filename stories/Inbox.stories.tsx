import type { Meta, StoryObj } from '@storybook/react-vite';
import { Inbox } from '../packages/react/src/index.js';
import { Replay, brandTheme } from './Replay.js';
import { ar, de, ja } from '../packages/react/src/locales/index.js';

const categories = [
  { key: 'comments', label: 'Comments' },
  { key: 'mentions', label: 'Mentions' },
];

const meta: Meta<typeof Inbox> = {
  title: 'Components/Inbox',
  component: Inbox,
  args: { defaultOpen: true, categories, placement: 'bottom-start' },
  parameters: { layout: 'padded' },
  render: (args) => (
    <Replay>
      <Inbox {...args} />
    </Replay>
  ),
};
export default meta;
type Story = StoryObj<typeof Inbox>;

export const Open: Story = {};
export const Closed: Story = { args: { defaultOpen: false } };
export const UnseenBadge: Story = { args: { defaultOpen: false, badge: 'unseen' } };

export const Loading: Story = {
  render: (args) => (
    <Replay mode={{ list: 'loading' }}>
      <Inbox {...args} />
    </Replay>
  ),
};

export const Empty: Story = {
  render: (args) => (
    <Replay mode={{ user: 'nobody' }}>
      <Inbox {...args} />
    </Replay>
  ),
};

export const Error: Story = {
  render: (args) => (
    <Replay mode={{ list: 'error' }}>
      <Inbox {...args} />
    </Replay>
  ),
};

export const Offline: Story = {
  render: (args) => (
    <Replay offline>
      <Inbox {...args} />
    </Replay>
  ),
};

export const TenThousandItems: Story = {
  name: '10,000 items',
  render: (args) => (
    <Replay mode={{ many: 10_000 }}>
      <Inbox {...args} />
    </Replay>
  ),
};

export const Dark: Story = {
  parameters: { backgrounds: { default: 'dark' } },
  render: (args) => (
    <div style={{ background: '#0f1115', padding: 16, minHeight: 600 }}>
      <Replay colorScheme="dark">
        <Inbox {...args} />
      </Replay>
    </div>
  ),
};

export const AutoColorScheme: Story = {
  render: (args) => (
    <Replay colorScheme="auto">
      <Inbox {...args} />
    </Replay>
  ),
};

export const BrandTheme: Story = {
  render: (args) => (
    <Replay theme={brandTheme}>
      <Inbox {...args} />
    </Replay>
  ),
};

export const RightToLeft: Story = {
  name: 'RTL (Arabic)',
  args: { categories: [{ key: 'comments', label: 'التعليقات' }], placement: 'bottom-end' },
  render: (args) => (
    <div dir="rtl" style={{ display: 'flex', justifyContent: 'flex-start' }}>
      <Replay mode={{ user: 'layla' }} locale="ar" messages={ar}>
        <Inbox {...args} />
      </Replay>
    </div>
  ),
};

export const German: Story = {
  render: (args) => (
    <Replay locale="de" messages={de}>
      <Inbox {...args} />
    </Replay>
  ),
};

export const Japanese: Story = {
  render: (args) => (
    <Replay locale="ja" messages={ja}>
      <Inbox {...args} />
    </Replay>
  ),
};

export const CustomBell: Story = {
  args: {
    defaultOpen: false,
    renderBell: ({ count, toggle, buttonRef, ariaProps }) => (
      <button type="button" ref={buttonRef} onClick={toggle} {...ariaProps} aria-label={`Inbox, ${count} unread`}>
        Inbox ({count})
      </button>
    ),
  },
};
