// A server component. <BelfryProvider> and <Inbox> come from @belfry/react, whose entry is marked
// "use client": they form the client boundary, so the page passes them only serialisable props — the
// userKey is computed here, on the server (lib/belfry.ts), and the secret stays on the server.
import { BelfryProvider, Inbox } from '@belfry/react';
import { belfryConfig, currentUser, userKeyFor } from '@/lib/belfry';

export default async function Page() {
  const user = await currentUser();
  return (
    <>
      <header className="app-bar">
        <h1>Acme on Next.js</h1>
        <BelfryProvider apiUrl={belfryConfig.apiUrl} appId={belfryConfig.appId} userId={user.id} userKey={userKeyFor(user.id)}>
          <Inbox categories={[{ key: 'comments', label: 'Comments' }]} />
        </BelfryProvider>
      </header>
      <main>
        <p>
          Signed in as <strong data-testid="user">{user.id}</strong>. This page is a server component; the
          bell and its inbox hydrate in the browser and go live over the Belfry API at{' '}
          <code>{belfryConfig.apiUrl}</code>.
        </p>
      </main>
    </>
  );
}
