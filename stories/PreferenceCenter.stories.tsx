import type { Meta, StoryObj } from '@storybook/react-vite';
import { PreferenceCenter } from '../packages/react/src/index.js';
import { brandTheme, replay, replayRender } from './Replay.js';
import { ar } from '../packages/react/src/locales/index.js';

const meta: Meta<typeof PreferenceCenter> = {
  title: 'Components/PreferenceCenter',
  component: PreferenceCenter,
  render: replayRender(PreferenceCenter, (center) => <div style={{ maxWidth: 640 }}>{center}</div>),
};
export default meta;
type Story = StoryObj<typeof PreferenceCenter>;

/** "Security alerts" is a locked category: shown, marked Required, switches disabled. */
export const LockedCategory: Story = {};
export const TwoChannels: Story = { args: { channels: ['in_app', 'email'] } };
export const SaveFailsAndRollsBack: Story = { parameters: replay({ mode: { preferencesFail: true } }) };
export const Loading: Story = { parameters: replay({ mode: { list: 'loading' } }) };
export const Dark: Story = { parameters: replay({ colorScheme: 'dark' }) };
export const BrandTheme: Story = { parameters: replay({ theme: brandTheme }) };
export const RightToLeft: Story = { name: 'RTL (Arabic)', parameters: replay({ mode: { user: 'layla' }, locale: 'ar', messages: ar }) };

/** 375 px wide (a phone, or the inbox's popover): one block per category, every switch labelled by its channel. */
export const Narrow: Story = {
  name: 'Narrow (375 px)',
  render: replayRender(PreferenceCenter, (center) => <div style={{ width: 375 }}>{center}</div>),
};
