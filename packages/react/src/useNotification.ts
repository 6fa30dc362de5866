import { useMemo } from 'react';
import type { Notification } from '@belfry/core/api';
import { useBelfry } from './useBelfry.js';
import { useReadable } from './useReadable.js';

export function useNotification(id: string): Notification | undefined {
  const client = useBelfry();
  const readable = useMemo(() => (client ? client.notification(id) : null), [client, id]);
  return useReadable<Notification | undefined>(readable, undefined);
}
