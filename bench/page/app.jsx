// The page the browser benches drive: the React <Inbox> (the same UI the custom element renders)
// on a client the bench can reach as window.__belfry (to preload feeds and read connection state).
import { createBelfry } from '@belfry/core';
import { BelfryProvider, Inbox } from '@belfry/react';
import { createRoot } from 'react-dom/client';
import '../../packages/react/src/styles.css';

const params = new URLSearchParams(location.search);
const client = createBelfry({
  apiUrl: location.origin,
  appId: params.get('app') ?? 'demo',
  userId: params.get('user'),
  userKey: params.get('key'),
  pageSize: Number(params.get('pageSize') ?? 20),
});
window.__belfry = client;
window.__root = () => document;

createRoot(document.getElementById('root')).render(
  <BelfryProvider client={client}>
    <header style={{ display: 'flex', justifyContent: 'flex-end', padding: 16 }}>
      <Inbox />
    </header>
  </BelfryProvider>,
);
