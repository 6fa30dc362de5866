import type { Meta, StoryObj } from '@storybook/react-vite';
import { PreferenceCenter } from '../packages/react/src/index.js';
import { Replay, brandTheme } from './Replay.js';
import { ar } from '../packages/react/src/locales/index.js';

const meta: Meta<typeof PreferenceCenter> = {
  title: 'Components/PreferenceCenter',
  component: PreferenceCenter,
  render: (args) => (
    <div style={{ maxWidth: 640 }}>
      <Replay>
        <PreferenceCenter {...args} />
      </Replay>
    </div>
  ),
};
export default meta;
type Story = StoryObj<typeof PreferenceCenter>;

/** "Security alerts" is a locked category: shown, marked Required, switches disabled. */
export const LockedCategory: Story = {};
export const TwoChannels: Story = { args: { channels: ['in_app', 'email'] } };
export const SaveFailsAndRollsBack: Story = {
  render: (args) => (
    <Replay mode={{ preferencesFail: true }}>
      <PreferenceCenter {...args} />
    </Replay>
  ),
};
export const Loading: Story = {
  render: (args) => (
    <Replay mode={{ list: 'loading' }}>
      <PreferenceCenter {...args} />
    </Replay>
  ),
};
export const Dark: Story = {
  render: (args) => (
    <div style={{ background: '#0f1115', padding: 16 }}>
      <Replay colorScheme="dark">
        <PreferenceCenter {...args} />
      </Replay>
    </div>
  ),
};
export const BrandTheme: Story = {
  render: (args) => (
    <Replay theme={brandTheme}>
      <PreferenceCenter {...args} />
    </Replay>
  ),
};
export const RightToLeft: Story = {
  name: 'RTL (Arabic)',
  render: (args) => (
    <Replay mode={{ user: 'layla' }} locale="ar" messages={ar}>
      <PreferenceCenter {...args} />
    </Replay>
  ),
};
