export { createBelfryServer, type BelfryServer } from './server.js';
export type { BelfryServerOptions, RateLimitOptions, SeedApp } from './options.js';
export { userKeyFor, signUserToken, type SignUserTokenOptions } from './auth/crypto.js';
export type { CreateAppInput } from './store/apps.js';
