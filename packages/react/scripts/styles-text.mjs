// Keeps src/stylesText.ts (the CSS as a string, for shadow roots) in sync with src/styles.css.
// `node scripts/styles-text.mjs` writes it; `--check` fails when it is stale (run by the tests too).
// Minified by esbuild, as dist/styles.css is in the build, so both ship the same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { transformSync } from 'esbuild';

const dir = resolve(import.meta.dirname, '..', 'src');
const css = readFileSync(resolve(dir, 'styles.css'), 'utf8');
const minified = transformSync(css, { loader: 'css', minify: true }).code.trim();
const source = `// Generated from styles.css by scripts/styles-text.mjs — do not edit by hand.\n/** The Belfry stylesheet as text, for adopting into a shadow root. */\nexport const belfryStyles: string = ${JSON.stringify(minified)};\n`;
const target = resolve(dir, 'stylesText.ts');
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== source) {
    console.error('src/stylesText.ts is stale: run node scripts/styles-text.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(target, source);
}
