import { useContext } from 'react';
import type { BelfryClient } from '@belfry/core';
import { ClientContext } from './context.js';

/** The client from the nearest provider (null before it is created, and during SSR). */
export function useBelfry(): BelfryClient | null {
  return useContext(ClientContext);
}
