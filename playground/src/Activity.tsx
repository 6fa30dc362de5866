// The Activity panel: the user's latest messages (one per trigger call), the timeline of the chosen
// notification — refreshed whenever the inbox next to it changes, so reads and clicks appear as they
// happen — and the signed deliveries the dev server's own webhook receiver got.
import { useEffect, useReducer, useState } from 'react';
import { useBelfry } from '@belfry/react';
import type { LifecycleEvent, Message, MessageDetail } from '@belfry/core/api';

interface Received {
  type: string;
  eventId: string;
  notificationId: string | null;
  verified: boolean;
  at: string;
}

const time = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour12: false }) + `.${iso.slice(20, 23)}`;

const getJson = async <T,>(url: string): Promise<T | null> => {
  const res = await fetch(url, { cache: 'no-store' });
  return res.ok ? ((await res.json()) as T) : null;
};

/** What an event says beyond its type. */
function describe(e: LifecycleEvent): string {
  const d = (e.detail ?? {}) as Record<string, unknown>;
  if (e.type.startsWith('webhook.')) return `attempt ${String(d.attempt)} → ${d.statusCode === null ? String(d.error) : `HTTP ${String(d.statusCode)}`} (${String(d.eventType)})`;
  const parts = [e.channel, e.reason, d.action && `action ${String(d.action)}`, d.sockets !== undefined && `${String(d.sockets)} socket(s) reached`, d.by && `by ${String(d.by)}`];
  return parts.filter(Boolean).join(' · ');
}

export function Activity({ userId }: { userId: string }) {
  const client = useBelfry();
  const [tick, bump] = useReducer((n: number) => n + 1, 0);
  const [messages, setMessages] = useState<Message[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [notificationId, setNotificationId] = useState<string | null>(null);
  const [events, setEvents] = useState<LifecycleEvent[]>([]);
  const [received, setReceived] = useState<Received[]>([]);
  const [receiverError, setReceiverError] = useState('');

  // Anything that changes the inbox (new notification, a read, a click…) refreshes the panel; a slow
  // timer picks up webhook attempts, which happen on the server's own schedule.
  useEffect(() => {
    if (!client) return undefined;
    const offs = [client.on('notification', bump), client.counts.subscribe(bump)];
    const timer = setInterval(bump, 1500);
    return () => {
      offs.forEach((off) => off());
      clearInterval(timer);
    };
  }, [client]);

  useEffect(() => {
    let live = true;
    void (async () => {
      const list = await getJson<{ messages: Message[] }>(`/playground/activity/messages?userId=${encodeURIComponent(userId)}`);
      if (!live || !list) return;
      setMessages(list.messages);
      const id = chosen ?? list.messages[0]?.id ?? null;
      if (id && id !== chosen) setChosen(id);
      if (id) {
        const detail = await getJson<MessageDetail>(`/playground/activity/messages/${id}`);
        const nid = detail?.recipients.find((r) => r.userId === userId)?.notificationId ?? null;
        if (!live) return;
        setNotificationId(nid);
        const timeline = nid ? await getJson<{ events: LifecycleEvent[] }>(`/playground/activity/notifications/${nid}/events`) : null;
        if (live) setEvents(timeline?.events ?? []);
      }
      const hooks = await fetch('/playground/webhooks', { cache: 'no-store' });
      const body = (await hooks.json()) as { received?: Received[]; error?: { message: string } };
      if (!live) return;
      setReceived(body.received ?? []);
      setReceiverError(body.error?.message ?? '');
    })().catch(() => {});
    return () => {
      live = false;
    };
  }, [tick, chosen, userId]);

  return (
    <div className="pg-activity">
      <div>
        <h3 id="pg-messages">Latest messages</h3>
        <ul className="pg-messages" aria-labelledby="pg-messages">
          {messages.length === 0 ? <li className="pg-muted">None yet — send a notification.</li> : null}
          {messages.map((m) => (
            <li key={m.id}>
              <button type="button" aria-pressed={m.id === chosen} onClick={() => setChosen(m.id)}>
                <span className="pg-title">{m.title}</span>
                <span className={`pg-pill pg-${m.outcome}`}>{m.outcome}</span>
                <time dateTime={m.createdAt}>{time(m.createdAt)}</time>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 id="pg-timeline">Timeline {notificationId ? <code>{notificationId}</code> : null}</h3>
        <ol className="pg-timeline" aria-labelledby="pg-timeline" aria-live="polite" data-testid="activity-timeline">
          {events.map((e) => (
            <li key={e.id} data-type={e.type}>
              <time dateTime={e.at}>{time(e.at)}</time> <strong>{e.type}</strong> <span className="pg-muted">{describe(e)}</span>
            </li>
          ))}
          {chosen && !notificationId ? <li className="pg-muted">Suppressed for this user: nothing was delivered.</li> : null}
        </ol>
      </div>
      <div>
        <h3 id="pg-receiver">Webhook receiver (on this dev server)</h3>
        {receiverError ? <p className="pg-error-text">{receiverError}</p> : null}
        <ul className="pg-log" aria-labelledby="pg-receiver" data-testid="activity-webhooks">
          {received.length === 0 ? <li>No deliveries yet.</li> : null}
          {received.slice(0, 12).map((r) => (
            <li key={`${r.eventId}-${r.at}`} data-verified={r.verified}>
              {time(r.at)} {r.type} {r.verified ? '✓ signature verified' : '✗ bad signature'}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
