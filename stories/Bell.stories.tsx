import type { Meta, StoryObj } from '@storybook/react-vite';
import { Bell } from '../packages/react/src/index.js';
import { replay, replayRender } from './Replay.js';

const meta: Meta<typeof Bell> = {
  title: 'Components/Bell',
  component: Bell,
  // The bell alone has no themed root of its own.
  render: replayRender(Bell, (bell, { colorScheme }) => (
    <div className="belfry-root" data-color-scheme={colorScheme}>
      {bell}
    </div>
  )),
};
export default meta;
type Story = StoryObj<typeof Bell>;

export const Unread: Story = {};
export const Unseen: Story = { args: { badge: 'unseen' } };
export const NoBadgeAtZero: Story = { parameters: replay({ mode: { user: 'nobody' } }) };
export const Capped: Story = { name: '99+', args: { count: 1234 } };
export const Dark: Story = { parameters: replay({ colorScheme: 'dark' }) };
