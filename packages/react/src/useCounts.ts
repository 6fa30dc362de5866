import type { CountsState } from '@belfry/core';
import { useBelfry } from './useBelfry.js';
import { useReadable } from './useReadable.js';

const IDLE_COUNTS: CountsState = { total: 0, unread: 0, unseen: 0, status: 'idle' };

export function useCounts(): CountsState {
  return useReadable(useBelfry()?.counts, IDLE_COUNTS);
}
