// Runtime constants of the wire contract. @belfry/core owns the contract but the server imports it
// types-only (nothing of core at runtime), so the values are repeated here and pinned to core's types:
// if core's change, this file stops compiling.
import type { Channel, SOCKET_EVENT as CoreSocketEvent } from '@belfry/core/api';

export const CHANNELS = ['in_app', 'email', 'push', 'sms'] as const satisfies readonly Channel[];
// Every Channel must be listed (the reverse direction of the check above).
const _allChannels: Channel extends (typeof CHANNELS)[number] ? true : never = true;
void _allChannels;

export const SOCKET_EVENT: typeof CoreSocketEvent = 'belfry:change';
