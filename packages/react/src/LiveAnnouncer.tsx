// A polite live region that announces notifications arriving in realtime.
import { useEffect, useState } from 'react';
import { useBelfry } from './useBelfry.js';
import { useUi } from './useUi.js';
import { format } from './messages.js';

export function LiveAnnouncer() {
  const client = useBelfry();
  const { messages } = useUi();
  const [text, setText] = useState('');
  useEffect(() => {
    if (!client) return undefined;
    return client.on('notification', (notification) => {
      setText(format(messages.announceNew, { title: notification.title }));
    });
  }, [client, messages]);
  return (
    <div className="belfry-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}
