// Bundle sizes (the same measurement as `npm run size`): minified and gzip, budgets 27 / 35 / 40 KB.
import { formatSizeTable, measureSizes } from '../scripts/size.mjs';

export async function benchSize(log) {
  const results = await measureSizes({ log });
  log(formatSizeTable(results).replace(/^/gm, '  '));
  const kb = (b) => (b == null ? '—' : `${(b / 1024).toFixed(1)} KB`);
  const broken = results.filter((r) => r.error);
  return {
    name: 'bundle-size',
    budget: 'gzip: core ≤ 27 KB, react Inbox ≤ 35 KB, web-component ≤ 40 KB',
    ok: results.every((r) => r.ok),
    notRun: broken.length ? broken.map((r) => `${r.name}: ${r.error.split('\n')[0]}`).join('; ') : undefined,
    figures: results,
    summary: results
      .filter((r) => !r.error)
      .map((r) => `${r.name} ${kb(r.minified)} min / ${kb(r.gzip)} gzip`)
      .join('; ') || undefined,
    details: ['```', formatSizeTable(results), '```'].join('\n'),
  };
}
