// The playground page: the React inbox and the custom element side by side for the demo user, the
// preference centre, a theme switcher and a form that sends a notification through the dev route.
import { createElement, StrictMode, useEffect, useRef, useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { GroupedInbox } from '@belfry/react/grouped';
import { BelfryProvider, Inbox, PreferenceCenter, Toaster, belfryStyles, useBelfry, type ColorScheme, type Theme } from '@belfry/react';
import { Activity } from './Activity.js';
import { pageStyles } from './pageStyles.js';

type ThemeChoice = 'light' | 'dark' | 'brand';

const BRAND: Theme = {
  colorAccent: '#6d28d9',
  colorAccentText: '#ffffff',
  colorUnread: '#6d28d9',
  colorBadge: '#be185d',
  colorBadgeText: '#ffffff',
  colorFocus: '#6d28d9',
  radius: '16px',
  radiusSmall: '10px',
  fontFamily: '"Trebuchet MS", "Segoe UI", system-ui, sans-serif',
};

const THEMES: Record<ThemeChoice, { scheme: ColorScheme; theme: Theme | undefined; label: string }> = {
  light: { scheme: 'light', theme: undefined, label: 'Light' },
  dark: { scheme: 'dark', theme: undefined, label: 'Dark' },
  brand: { scheme: 'light', theme: BRAND, label: 'Brand' },
};

const CATEGORIES = [
  { key: 'general', label: 'General' },
  { key: 'comments', label: 'Comments' },
  { key: 'product', label: 'Product news' },
  { key: 'security', label: 'Security' },
];

interface Session {
  appId: string;
  userId: string;
  userKey: string;
}

const apiUrl = window.location.origin;
const params = new URLSearchParams(window.location.search);
const requestedUser = params.get('user') ?? '';
/** `?grouped=1`: both inboxes show one row per groupKey. */
const grouped = params.has('grouped');
const groupedToggle = (() => {
  const next = new URLSearchParams(params);
  if (grouped) next.delete('grouped');
  else next.set('grouped', '1');
  return `?${next.toString()}`;
})();
// The custom element, as a non-React site loads it: belfry.js, or belfry-grouped.js (which adds grouped
// feeds) with ?grouped=1. Elements rendered before it runs upgrade when it defines them.
document.head.append(Object.assign(document.createElement('script'), { src: grouped ? '/belfry-grouped.js' : '/belfry.js' }));
/** `?toastDuration=ms` (the e2e suite shortens it). */
const toastDuration = Number(params.get('toastDuration')) || undefined;

function useSession(): Session | { error: string } | null {
  const [session, setSession] = useState<Session | { error: string } | null>(null);
  useEffect(() => {
    fetch(`/playground/session?userId=${encodeURIComponent(requestedUser)}`)
      .then(async (res) => (res.ok ? setSession((await res.json()) as Session) : setSession({ error: `session: HTTP ${res.status}` })))
      .catch((error: unknown) => setSession({ error: String(error) }));
  }, []);
  return session;
}

function ThemeSwitcher({ value, onChange }: { value: ThemeChoice; onChange: (value: ThemeChoice) => void }) {
  return (
    <fieldset className="pg-themes">
      <legend>Theme</legend>
      {(Object.keys(THEMES) as ThemeChoice[]).map((key) => (
        <label key={key}>
          <input type="radio" name="theme" value={key} checked={value === key} onChange={() => onChange(key)} />
          {THEMES[key].label}
        </label>
      ))}
    </fieldset>
  );
}

function SendForm({ userId }: { userId: string }) {
  const [status, setStatus] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    setStatus('Sending…');
    try {
      const res = await fetch('/playground/send', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          userId,
          title: data.get('title'),
          body: data.get('body'),
          category: data.get('category'),
          actionUrl: data.get('actionUrl') || undefined,
          withActions: data.get('withActions') === 'on',
        }),
      });
      const body = (await res.json()) as { notifications?: unknown[]; suppressed?: unknown[]; error?: { message: string } };
      if (!res.ok) setStatus(`Error ${res.status}: ${body.error?.message ?? 'failed'}`);
      else if (body.suppressed?.length) setStatus('Suppressed: the user opted out of this category.');
      else setStatus('Sent — watch the bells.');
    } catch (error) {
      setStatus(`Error: ${String(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="pg-send" onSubmit={onSubmit}>
      <label>
        Title
        <input name="title" required maxLength={200} defaultValue="Ada commented on your pull request" />
      </label>
      <label>
        Body
        <textarea name="body" rows={2} maxLength={5000} defaultValue="**Looks great!** Just one *tiny* nit on line 42." />
      </label>
      <label>
        Category
        <select name="category" defaultValue="comments">
          {CATEGORIES.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Link (optional)
        <input name="actionUrl" type="url" placeholder="https://example.com/pull/42" />
      </label>
      <label className="pg-check">
        <input name="withActions" type="checkbox" defaultChecked /> With “Approve” and “Later” actions
      </label>
      <button type="submit" disabled={busy}>
        Send notification
      </button>
      <p className="pg-status" role="status">
        {status}
      </p>
    </form>
  );
}

/** The custom element, configured like any non-React page would: attributes plus a `theme` property. */
function CustomElementInbox({ session, choice, onEvent }: { session: Session; choice: ThemeChoice; onEvent: (line: string) => void }) {
  const ref = useRef<HTMLElement & { theme?: Theme | undefined }>(null);
  const { scheme, theme } = THEMES[choice];
  useEffect(() => {
    if (ref.current) ref.current.theme = theme;
  }, [theme]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const names = ['belfry:notification', 'belfry:notification-click', 'belfry:action', 'belfry:open-change'];
    const listener = (event: Event) => {
      const detail = (event as CustomEvent<{ notification?: { title: string }; open?: boolean }>).detail;
      onEvent(`${event.type} ${detail.notification ? `“${detail.notification.title}”` : `open=${String(detail.open)}`}`);
    };
    for (const name of names) el.addEventListener(name, listener);
    return () => {
      for (const name of names) el.removeEventListener(name, listener);
    };
  }, [onEvent]);
  return createElement('belfry-inbox', {
    ref,
    'api-url': apiUrl,
    'app-id': session.appId,
    'user-id': session.userId,
    'user-key': session.userKey,
    'color-scheme': scheme,
    placement: 'bottom-start',
    categories: 'comments:Comments,security:Security',
    grouped: grouped ? '' : undefined,
  });
}

/** The React client's `notification` event, logged beside the element's DOM events. */
function ReactNotificationLog({ onEvent }: { onEvent: (line: string) => void }) {
  const client = useBelfry();
  useEffect(() => client?.on('notification', (n) => onEvent(`React notification “${n.title}”`)), [client, onEvent]);
  return null;
}

function App() {
  const session = useSession();
  const [choice, setChoice] = useState<ThemeChoice>('light');
  const [log, setLog] = useState<string[]>([]);
  const onEvent = useRef((line: string) => setLog((lines) => [`${new Date().toLocaleTimeString()}  ${line}`, ...lines].slice(0, 8))).current;

  useEffect(() => {
    document.documentElement.dataset.theme = choice;
  }, [choice]);

  if (!session) return <p className="pg-loading">Loading…</p>;
  if ('error' in session) return <p className="pg-error">Could not start the playground ({session.error}). Is the server running?</p>;
  const { scheme, theme } = THEMES[choice];

  return (
    <BelfryProvider apiUrl={apiUrl} appId={session.appId} userId={session.userId} userKey={session.userKey} colorScheme={scheme} theme={theme}>
      <ReactNotificationLog onEvent={onEvent} />
      <header className="pg-header">
        <h1>Belfry playground</h1>
        <p>
          Signed in as <code>{session.userId}</code> of app <code>{session.appId}</code>. The secret stays on the server.
        </p>
        <a className="pg-docs-link" href="/docs/">
          API reference
        </a>
        <ThemeSwitcher value={choice} onChange={setChoice} />
        <p>
          <a href={groupedToggle}>{grouped ? 'Show every notification' : 'Group notifications (by groupKey)'}</a>
        </p>
      </header>
      <main className="pg-grid">
        <section className="pg-card" aria-labelledby="pg-react">
          <h2 id="pg-react">React &lt;Inbox&gt;</h2>
          <div className="pg-bell-row" data-testid="react-inbox">
            {createElement(grouped ? GroupedInbox : Inbox, { categories: CATEGORIES.filter((c) => c.key === 'comments' || c.key === 'security') })}
          </div>
        </section>
        <section className="pg-card" aria-labelledby="pg-element">
          <h2 id="pg-element">Custom element &lt;belfry-inbox&gt;</h2>
          <div className="pg-bell-row">
            <CustomElementInbox session={session} choice={choice} onEvent={onEvent} />
          </div>
          <h3>Events</h3>
          <ul className="pg-log" aria-live="off">
            {log.length ? log.map((line, i) => <li key={`${i}-${line}`}>{line}</li>) : <li>None yet — send a notification.</li>}
          </ul>
        </section>
        <section className="pg-card" aria-labelledby="pg-send">
          <h2 id="pg-send">Send a notification</h2>
          <SendForm userId={session.userId} />
        </section>
        <section className="pg-card pg-wide" aria-labelledby="pg-activity">
          <h2 id="pg-activity">Activity</h2>
          <Activity userId={session.userId} />
        </section>
        <section className="pg-card pg-wide" aria-labelledby="pg-prefs">
          <h2 id="pg-prefs">Preference centre</h2>
          <PreferenceCenter showTitle={false} />
        </section>
      </main>
      <Toaster duration={toastDuration} />
    </BelfryProvider>
  );
}

const style = document.createElement('style');
style.textContent = `${belfryStyles}\n${pageStyles}`;
document.head.append(style);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
