import type { Meta, StoryObj } from '@storybook/react-vite';
import { Inbox } from '../packages/react/src/index.js';
import { Replay, brandTheme, replay, replayRender } from './Replay.js';
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
  render: replayRender(Inbox),
};
export default meta;
type Story = StoryObj<typeof Inbox>;

export const Open: Story = {};
export const Closed: Story = { args: { defaultOpen: false } };
export const UnseenBadge: Story = { args: { defaultOpen: false, badge: 'unseen' } };
export const Loading: Story = { parameters: replay({ mode: { list: 'loading' } }) };
export const Empty: Story = { parameters: replay({ mode: { user: 'nobody' } }) };
export const Error: Story = { parameters: replay({ mode: { list: 'error' } }) };
export const Offline: Story = { parameters: replay({ offline: true }) };
export const TenThousandItems: Story = { name: '10,000 items', parameters: replay({ mode: { many: 10_000 } }) };
export const Dark: Story = { parameters: { backgrounds: { default: 'dark' }, ...replay({ colorScheme: 'dark' }) } };
export const AutoColorScheme: Story = { parameters: replay({ colorScheme: 'auto' }) };
export const BrandTheme: Story = { parameters: replay({ theme: brandTheme }) };

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

export const German: Story = { parameters: replay({ locale: 'de', messages: de }) };
export const Japanese: Story = { parameters: replay({ locale: 'ja', messages: ja }) };

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

/** A 375 × 667 phone: Storybook's viewport, and the inbox's own below-480 px layout. */
const phone = {
  viewport: { options: { phone: { name: 'Phone 375 × 667', styles: { width: '375px', height: '667px' }, type: 'mobile' } } },
};
const manyCategories = [
  { key: 'comments', label: 'Comments' },
  { key: 'mentions', label: 'Mentions' },
  { key: 'billing', label: 'Billing' },
  { key: 'deploys', label: 'Deploys' },
  { key: 'product', label: 'Product news' },
  { key: 'security', label: 'Security' },
];

/** Below 480 px: a full-width sheet under the bell, 44 px touch targets. */
export const Phone: Story = {
  args: { placement: 'bottom-end' },
  parameters: { ...phone, layout: 'fullscreen' },
  globals: { viewport: { value: 'phone', isRotated: false } },
  render: (args) => (
    <Replay>
      <header style={{ display: 'flex', justifyContent: 'flex-end', padding: 8 }}>
        <Inbox {...args} />
      </header>
    </Replay>
  ),
};

/** A bell in a bottom bar: the sheet opens above it, at the top of the viewport. */
export const PhoneBottomBar: Story = {
  args: { placement: 'top-end' },
  parameters: { ...phone, layout: 'fullscreen' },
  globals: { viewport: { value: 'phone', isRotated: false } },
  render: (args) => (
    <Replay>
      <nav style={{ position: 'fixed', insetInline: 0, bottom: 0, display: 'flex', justifyContent: 'center', padding: 8, borderTop: '1px solid #d0d7de' }}>
        <Inbox {...args} />
      </nav>
    </Replay>
  ),
};

/** More categories than fit: the rest are in "More" (its count is their unread); the row keeps the selected tab in view. */
export const ManyCategories: Story = { args: { categories: manyCategories } };

/** The same on a phone: the row scrolls, and its edge fades to say so. */
export const ManyCategoriesOnPhone: Story = { ...Phone, args: { ...Phone.args, categories: manyCategories } };
