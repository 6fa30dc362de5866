// Keeps src/stylesText.ts (the CSS as a string, for shadow roots) in sync with src/styles.css.
// `node scripts/styles-text.mjs` writes it; `--check` fails when it is stale (run by the tests too).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const dir = resolve(import.meta.dirname, '..', 'src');
const css = readFileSync(resolve(dir, 'styles.css'), 'utf8');
const minified = css
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\s+/g, ' ')
  .replace(/\s*([{};,>])\s*/g, '$1')
  .replace(/;}/g, '}')
  .trim();
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
