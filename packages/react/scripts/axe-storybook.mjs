// Runs axe-core in Chromium (colour contrast included, which happy-dom cannot check) on the built
// Storybook's key stories. Run `npm run build-storybook -w @belfry/react` first, then:
//   node packages/react/scripts/axe-storybook.mjs [story-id …]
// Exits non-zero on any violation. Chromium: BELFRY_CHROMIUM or /usr/bin/chromium.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const root = resolve(import.meta.dirname, '../storybook-static');
if (!existsSync(join(root, 'iframe.html'))) {
  console.error('storybook-static is missing: run npm run build-storybook -w @belfry/react first');
  process.exit(1);
}

const DEFAULT_STORIES = [
  'components-inbox--open',
  'components-inbox--dark',
  'components-inbox--brand-theme',
  'components-inbox--right-to-left',
  'components-inbox--ten-thousand-items',
  'components-feed--full-page',
  'components-feed--error',
  'components-feed--offline',
  'components-preferencecenter--locked-category',
  'components-preferencecenter--dark',
  'components-toaster--with-actions',
  'components-toaster--dark',
];
const stories = process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_STORIES;

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
const server = createServer((req, res) => {
  let path = join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  if (!path.startsWith(root)) path = root;
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
  if (!existsSync(path)) {
    res.statusCode = 404;
    res.end();
    return;
  }
  res.setHeader('content-type', types[extname(path)] ?? 'application/octet-stream');
  res.end(readFileSync(path));
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.BELFRY_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failures = 0;
let failedStories = 0;
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 720 } });
  for (const id of stories) {
    await page.goto(`${base}/iframe.html?id=${id}&viewMode=story`);
    await page.waitForSelector('#storybook-root .belfry-root', { timeout: 15_000 });
    await page.waitForTimeout(1000);
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document.querySelector('#storybook-root'), { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    failures += violations.length;
    if (violations.length) failedStories++;
    console.log(`${violations.length === 0 ? 'ok  ' : 'FAIL'} ${id}${violations.length ? `\n  ${violations.join('\n  ')}` : ''}`);
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`${stories.length - failedStories} passed, ${failedStories} failed`);
process.exit(failures ? 1 : 0);
