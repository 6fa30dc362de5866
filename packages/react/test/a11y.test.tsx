// axe-core on the open inbox and the preference centre, light and dark. happy-dom has no layout, so
// axe reports colour contrast as "incomplete" here; the e2e suite runs axe again in Chromium.
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { BelfryProvider, Inbox, PreferenceCenter } from '../src/index.js';
import { belfryStyles } from '../src/stylesText.js';
import { testServer, uniqueUser } from './server.js';

const srv = testServer();
afterEach(() => cleanup());

async function violations(): Promise<axe.Result[]> {
  const result = await axe.run(document.body, { resultTypes: ['violations'] });
  // Guard against a vacuous run: plenty of rules must actually have applied.
  expect(result.passes.length).toBeGreaterThan(15);
  return result.violations;
}

function withStyles() {
  const style = document.createElement('style');
  style.textContent = belfryStyles;
  document.head.appendChild(style);
  return () => style.remove();
}

describe.each(['light', 'dark'] as const)('axe (%s)', (colorScheme) => {
  it('open inbox has no violations', async () => {
    const removeStyles = withStyles();
    const user = uniqueUser();
    await srv.trigger(user, {
      title: 'Deploy **finished**',
      body: 'See [the log](https://example.com/log).',
      actions: [{ id: 'open', label: 'Open', url: '/deploys/1', style: 'primary' }],
    });
    await srv.trigger(user, { title: 'Second notification', category: 'comments' });
    render(
      <main>
        <h1>App</h1>
        <BelfryProvider {...srv.options(user)} colorScheme={colorScheme}>
          <Inbox defaultOpen categories={[{ key: 'comments', label: 'Comments' }]} />
        </BelfryProvider>
      </main>,
    );
    await screen.findByText('Second notification');
    const found = await violations();
    expect(found.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    removeStyles();
  });

  it('preference centre has no violations', async () => {
    const removeStyles = withStyles();
    const user = uniqueUser();
    await srv.admin('PUT', '/v1/categories/a11y_locked', { label: 'Account security', locked: true });
    await srv.trigger(user, { title: 'x', category: 'a11y_news' });
    render(
      <main>
        <h1>Settings</h1>
        <BelfryProvider {...srv.options(user)} colorScheme={colorScheme}>
          <PreferenceCenter />
        </BelfryProvider>
      </main>,
    );
    await screen.findAllByRole('switch');
    const found = await violations();
    expect(found.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    removeStyles();
  });
});
