import type { Meta, StoryObj } from '@storybook/react-vite';
import { Bell } from '../packages/react/src/index.js';
import { Replay } from './Replay.js';

const meta: Meta<typeof Bell> = {
  title: 'Components/Bell',
  component: Bell,
  render: (args) => (
    <Replay>
      <div className="belfry-root">
        <Bell {...args} />
      </div>
    </Replay>
  ),
};
export default meta;
type Story = StoryObj<typeof Bell>;

export const Unread: Story = {};
export const Unseen: Story = { args: { badge: 'unseen' } };
export const NoBadgeAtZero: Story = {
  render: (args) => (
    <Replay mode={{ user: 'nobody' }}>
      <div className="belfry-root">
        <Bell {...args} />
      </div>
    </Replay>
  ),
};
export const Capped: Story = { name: '99+', args: { count: 1234 } };
export const Dark: Story = {
  render: (args) => (
    <div style={{ background: '#0f1115', padding: 16 }}>
      <Replay colorScheme="dark">
        <div className="belfry-root" data-color-scheme="dark">
          <Bell {...args} />
        </div>
      </Replay>
    </div>
  ),
};
