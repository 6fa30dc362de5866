import { useEffect, useState } from 'react';
import { BelfryProvider, Inbox, type Theme } from '@belfry/react';
import { apiUrl, fetchSession, type Session } from './session';

/** A warm brand theme: every token is a --belfry-* custom property. */
const theme: Theme = {
  colorAccent: '#9a3412',
  colorAccentText: '#ffffff',
  colorUnread: '#c2410c',
  colorBadge: '#fde047',
  colorBadgeText: '#422006',
  colorFocus: '#9a3412',
  radius: '14px',
  fontFamily: 'Georgia, "Times New Roman", serif',
};

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetchSession().then(setSession, (e: unknown) => setError(String(e)));
  }, []);

  return (
    <>
      <header className="app-bar">
        <h1>Acme Kitchen</h1>
        {session ? (
          <BelfryProvider apiUrl={apiUrl} appId={session.appId} userId={session.userId} userKey={session.userKey} theme={theme}>
            {/* The bar is dark: the bell inherits the light text colour through currentColor. */}
            <Inbox placement="bottom-end" categories={[{ key: 'comments', label: 'Comments' }]} />
          </BelfryProvider>
        ) : null}
      </header>
      <main className="app-main">
        <p>A small React app using <code>@belfry/react</code> with a custom theme.</p>
        {error ? <p role="alert">Could not reach the Belfry server at {apiUrl}: {error}</p> : null}
      </main>
    </>
  );
}
