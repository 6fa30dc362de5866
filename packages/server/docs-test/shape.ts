// Two JSON values have the same shape when their objects have the same keys, their arrays' items the
// same shape, and their leaves the same JSON type (values may differ: ids, times). null matches any
// type: nullable fields are null in one story and set in another (the schemas check their types).
const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

export function shapeDiff(expected: unknown, actual: unknown, path = '$'): string[] {
  if (expected === null || actual === null) return [];
  if (kind(expected) !== kind(actual)) return [`${path}: expected ${kind(expected)}, got ${kind(actual)}`];
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length === 0 || actual.length === 0) return expected.length === actual.length ? [] : [`${path}: expected ${expected.length} items, got ${actual.length}`];
    return shapeDiff(expected[0], actual[0], `${path}[0]`);
  }
  if (expected && typeof expected === 'object') {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(e), ...Object.keys(a)])];
    return keys.flatMap((k) => (k in e && k in a ? shapeDiff(e[k], a[k], `${path}.${k}`) : [`${path}.${k}: ${k in e ? 'missing' : 'not documented'}`]));
  }
  return [];
}
