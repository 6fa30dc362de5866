// Anchors: the published React inboxes and standalone embeds of Novu, Knock, MagicBell, Courier and
// SuprSend, installed at bench time into a scratch folder (never project dependencies) and bundled
// by the same function as `npm run size` (esbuild as an app bundles the entry, splitting, minify,
// gzip -9 per file), printed beside Belfry's own figures from the same run.
// BENCH_ANCHORS_DIR keeps the scratch folder between runs (default: the OS temp dir).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleLikeAnApp, kb, measureSizes } from '../scripts/size.mjs';

/** Pinned, so a run measures what the table says; bump them deliberately. */
const PACKAGES = {
  '@novu/react': '3.19.2',
  '@novu/js': '3.19.2',
  '@knocklabs/react': '0.12.1',
  '@magicbell/react': '1.6.0',
  '@magicbell/embeddable': '3.2.12',
  '@trycourier/courier-react': '9.2.2',
  '@trycourier/courier-ui-inbox': '2.4.7',
  '@suprsend/react-inbox': '3.9.0',
  '@suprsend/web-inbox': '0.3.0',
  react: '19.2.0',
  'react-dom': '19.2.0',
};

/** What an app imports for a bell + inbox popover (React), and for a script-tag style embed. */
const ANCHORS = [
  { name: 'Novu', react: `export { Inbox } from '@novu/react';`, standalone: `export { NovuUI } from '@novu/js/ui';` },
  {
    name: 'Knock',
    react: `import '@knocklabs/react/dist/index.css';\nexport { KnockProvider, KnockFeedProvider, NotificationIconButton, NotificationFeedPopover } from '@knocklabs/react';`,
    standalone: null,
  },
  { name: 'MagicBell', react: `export { MagicBellProvider, FloatingInbox } from '@magicbell/react';`, standalone: `export * from '@magicbell/embeddable';` },
  { name: 'Courier', react: `export { CourierInbox, CourierInboxPopupMenu } from '@trycourier/courier-react';`, standalone: `export * from '@trycourier/courier-ui-inbox';` },
  { name: 'SuprSend', react: `export { default as SuprsendInbox } from '@suprsend/react-inbox';`, standalone: `export * from '@suprsend/web-inbox';` },
];

const REACT_EXTERNAL = ['react', 'react-dom', 'react/*', 'react-dom/*'];

function install(dir, log) {
  const want = JSON.stringify(PACKAGES);
  const stamp = join(dir, 'installed.json');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'belfry-anchors', private: true }));
  log(`  anchors: installing ${Object.keys(PACKAGES).length} packages into ${dir} …`);
  const specs = Object.entries(PACKAGES).map(([n, v]) => `${n}@${v}`);
  const run = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--legacy-peer-deps', '--no-package-lock', ...specs], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 600_000,
  });
  if (run.status !== 0) throw new Error(`npm install of the anchors failed: ${(run.stderr || run.stdout).slice(-800)}`);
  writeFileSync(stamp, want);
}

async function measure(dir, entryCode, external) {
  try {
    const r = await bundleLikeAnApp({ entryCode, resolveDir: dir, external, conditions: [] });
    return { all: r.all, before: r.before };
  } catch (error) {
    return { error: String(error?.message ?? error).split('\n').slice(0, 3).join(' ') };
  }
}

export async function benchAnchors(log) {
  const dir = process.env.BENCH_ANCHORS_DIR ?? join(tmpdir(), 'belfry-anchors');
  install(dir, log);
  const ours = await measureSizes({ log });
  const byName = Object.fromEntries(ours.map((r) => [r.name, r]));
  const rows = [
    {
      name: 'Belfry',
      react: { all: byName['react-inbox']?.all, before: byName['react-inbox']?.before },
      standalone: { all: byName['web-component']?.all, before: byName['web-component']?.all },
      core: { all: byName.core?.all, before: byName.core?.before },
    },
    {
      // Grouping is opt-in (its own entries); none of the anchors' inboxes groups.
      name: 'Belfry with grouped feeds',
      react: { all: byName['react-grouped']?.all, before: byName['react-grouped']?.before },
      standalone: { all: byName['web-component-grouped']?.all, before: byName['web-component-grouped']?.all },
    },
  ];
  for (const a of ANCHORS) {
    const react = await measure(dir, a.react, REACT_EXTERNAL);
    // A standalone embed carries everything, React included where it uses it.
    const standalone = a.standalone ? await measure(dir, a.standalone, []) : null;
    rows.push({ name: a.name, react, standalone });
    log(`  ${a.name}: React inbox ${react.error ?? `${kb(react.all)} / ${kb(react.before)} KB`}; standalone ${standalone ? (standalone.error ?? `${kb(standalone.all)} KB`) : 'none published'}`);
  }
  const cell = (m) => (!m ? 'none' : m.error ? `not measured (${m.error.slice(0, 80)})` : `${kb(m.all)} / ${kb(m.before)}`);
  const table = [
    '| inbox | React inbox: all-in / before realtime (gzip KB) | standalone embed: all-in / first file (gzip KB) |',
    '| --- | --- | --- |',
    ...rows.map((r) => `| ${r.name} | ${cell(r.react)} | ${cell(r.standalone)} |`),
  ];
  const failed = rows.flatMap((r) => [r.react, r.standalone]).filter((m) => m?.error);
  return {
    name: 'anchors',
    budget: 'report only: the published inboxes bundled by the same script',
    ok: failed.length === 0,
    notRun: failed.length ? `${failed.length} bundle(s) could not be measured` : undefined,
    figures: rows,
    summary: rows.map((r) => `${r.name} ${r.react?.error ? 'n/a' : kb(r.react?.all)} (standalone ${r.standalone ? (r.standalone.error ? 'n/a' : kb(r.standalone.all)) : 'none'})`).join('; '),
    details: [
      ...table,
      '',
      `React inboxes with react/react-dom external (the app has them); "before realtime" is the entry and its static imports. Versions: ${Object.entries(PACKAGES)
        .filter(([n]) => !n.startsWith('react'))
        .map(([n, v]) => `${n} ${v}`)
        .join(', ')}.`,
    ].join('\n'),
  };
}
