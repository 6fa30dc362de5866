import { describe, expect, it } from 'vitest';
import { parseCategories } from '../src/BelfryInboxElement.js';

describe('categories attribute', () => {
  it('reads "key:Label" lists and JSON', () => {
    expect(parseCategories('billing:Billing, comments')).toEqual([
      { key: 'billing', label: 'Billing' },
      { key: 'comments', label: 'comments' },
    ]);
    expect(parseCategories('[{"key":"a","label":"A"},{"nope":1}]')).toEqual([{ key: 'a', label: 'A' }]);
    expect(parseCategories('[broken')).toEqual([]);
    expect(parseCategories(null)).toEqual([]);
  });
});
