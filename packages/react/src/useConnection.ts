import type { ConnectionState } from '@belfry/core';
import { useBelfry } from './useBelfry.js';
import { useReadable } from './useReadable.js';

const IDLE_CONNECTION: ConnectionState = { status: 'idle', seq: 0, leader: false, error: null };

export function useConnection(): ConnectionState {
  return useReadable(useBelfry()?.connection, IDLE_CONNECTION);
}
