import { belfryStyles } from '@belfry/react';

const appStyles = `
body { margin: 0; font: 15px/1.5 system-ui, sans-serif; background: #fffbf5; color: #2d1e12; }
.app-bar { display: flex; align-items: center; justify-content: space-between; padding: 12px 24px; background: #7c2d12; color: #fff7ed; }
.app-bar h1 { margin: 0; font-size: 18px; }
.app-main { padding: 24px; max-width: 720px; }
`;

/** The UI's stylesheet (low-specificity, themeable through --belfry-* tokens) plus this app's own. */
export function injectStyles() {
  const style = document.createElement('style');
  style.textContent = `${belfryStyles}\n${appStyles}`;
  document.head.append(style);
}
