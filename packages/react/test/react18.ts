// Setup file of vitest.react18.config.ts. Vite's aliases reach only the modules Vite transforms; the
// packages Node loads itself (react-dom18, @testing-library/react's CommonJS build) would find React 19
// at the root through require('react'). Send those requires to the 18 copies too, so there is one React.
import Module from 'node:module';

type Resolve = (request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve & { react18?: true } };

if (!loader._resolveFilename.react18) {
  const resolve = loader._resolveFilename;
  const to18: Resolve = function (this: unknown, request, ...rest) {
    return resolve.call(this, request.replace(/^(react|react-dom)(?=$|\/)/, (name) => `${name}18`), ...rest);
  };
  loader._resolveFilename = Object.assign(to18, { react18: true as const });
}
