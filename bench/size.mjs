// Bundle sizes (the same measurement as `npm run size`): gzip all-in and before the realtime chunk,
// against the CI ceilings and the goals (scripts/size.mjs).
import { formatSizeMarkdown, formatSizeTable, kb, measureSizes } from '../scripts/size.mjs';

export async function benchSize(log) {
  const results = await measureSizes({ log });
  log(formatSizeTable(results).replace(/^/gm, '  '));
  const broken = results.filter((r) => r.error);
  return {
    name: 'bundle-size',
    budget: 'gzip all-in / before realtime: core ≤ 31 / 19 KB, react Inbox ≤ 53 / 40 KB, standalone ≤ 60 KB (goals 29 / 18, 50 / 37, 56)',
    // Within every CI ceiling is not enough here: the bench judges the product's budgets.
    ok: results.every((r) => r.ok && (!r.budget || (r.all <= r.budget.all && (r.budget.before === undefined || r.before <= r.budget.before)))),
    notRun: broken.length ? broken.map((r) => `${r.name}: ${r.error.split('\n')[0]}`).join('; ') : undefined,
    figures: results,
    summary:
      results
        .filter((r) => !r.error)
        .map((r) => `${r.name} ${kb(r.all)}${r.before == null ? '' : ` / ${kb(r.before)}`} KB gzip`)
        .join('; ') || undefined,
    details: formatSizeMarkdown(results),
  };
}
