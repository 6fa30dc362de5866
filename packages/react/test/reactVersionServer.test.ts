// @vitest-environment node
// The server-rendering half of reactVersion.test.tsx: renderToString comes from the same React major.
import { version } from 'react';
import { version as serverVersion } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

const major = process.env.BELFRY_REACT_MAJOR ?? '19';

describe(`React ${major} on the server`, () => {
  it('is the React and react-dom/server that SSR renders with', () => {
    expect(version.split('.')[0]).toBe(major);
    expect(serverVersion.split('.')[0]).toBe(major);
  });
});
