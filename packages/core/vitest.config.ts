import { belfryVitest } from '../../vitest.shared';

// The realtime connection uses the platform WebSocket, as in browsers; Node 20 has it behind a flag.
const execArgv = typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'function' ? [] : ['--experimental-websocket'];

export default belfryVitest({ test: { execArgv } });
