export * from './types.js';
export * from './lifecycle.js';
export * from './webhooks.js';
export * from './urlPolicy.js';
export * from './richText.js';
