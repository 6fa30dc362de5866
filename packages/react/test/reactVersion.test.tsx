// The suite runs once per supported React major (vitest.config.ts: 19, vitest.react18.config.ts: 18).
// This proves the run really uses that major in the DOM environment, with one React instance shared by
// the components and @testing-library/react.
import { cleanup, render, screen } from '@testing-library/react';
import { useState, version } from 'react';
import { version as domVersion } from 'react-dom';
import { afterEach, describe, expect, it } from 'vitest';

const major = process.env.BELFRY_REACT_MAJOR ?? '19';
afterEach(() => cleanup());

function Counter() {
  const [count] = useState(7);
  return <output>{count}</output>;
}

describe(`React ${major}`, () => {
  it('is the React and react-dom the components render with', () => {
    expect(version.split('.')[0]).toBe(major);
    expect(domVersion.split('.')[0]).toBe(major);
    render(<Counter />);
    expect(screen.getByRole('status').textContent).toBe('7');
  });
});
