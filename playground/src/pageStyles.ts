// The playground page's own layout (the Belfry UI styles itself). [data-theme] follows the switcher.
export const pageStyles = `
:root { color-scheme: light; --pg-bg: #f6f7f9; --pg-card: #ffffff; --pg-text: #1f2933; --pg-muted: #52606d; --pg-border: #d9dee4; --pg-accent: #1d4ed8; }
:root[data-theme="dark"] { color-scheme: dark; --pg-bg: #0f141a; --pg-card: #18202a; --pg-text: #e6ebf0; --pg-muted: #a7b3c0; --pg-border: #2f3a46; --pg-accent: #8ab4ff; }
:root[data-theme="brand"] { --pg-bg: #f5f3ff; --pg-accent: #6d28d9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; background: var(--pg-bg); color: var(--pg-text); }
.pg-header { padding: 20px 28px 8px; display: flex; flex-wrap: wrap; align-items: center; gap: 8px 24px; }
.pg-header h1 { margin: 0; font-size: 22px; }
.pg-header p { margin: 0; color: var(--pg-muted); flex: 1 1 320px; }
.pg-docs-link { font-weight: 600; }
.pg-themes { display: flex; gap: 12px; border: 1px solid var(--pg-border); border-radius: 8px; padding: 4px 12px 8px; }
.pg-themes legend { color: var(--pg-muted); font-size: 13px; padding: 0 4px; }
.pg-themes label { display: flex; gap: 4px; align-items: center; cursor: pointer; }
.pg-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 20px; padding: 16px 28px 40px; align-items: start; }
.pg-card { background: var(--pg-card); border: 1px solid var(--pg-border); border-radius: 12px; padding: 16px 20px; min-width: 0; }
.pg-card h2 { margin: 0 0 12px; font-size: 16px; }
.pg-card h3 { margin: 16px 0 6px; font-size: 13px; color: var(--pg-muted); font-weight: 600; }
.pg-wide { grid-column: 1 / -1; }
.pg-bell-row { display: flex; align-items: center; min-height: 48px; }
.pg-send { display: grid; gap: 10px; }
.pg-send label { display: grid; gap: 4px; font-size: 13px; color: var(--pg-muted); }
.pg-send input, .pg-send textarea, .pg-send select { font: inherit; color: var(--pg-text); background: var(--pg-bg); border: 1px solid var(--pg-border); border-radius: 6px; padding: 6px 8px; }
.pg-send button { font: inherit; font-weight: 600; padding: 8px 14px; border: 0; border-radius: 8px; background: var(--pg-accent); color: #fff; cursor: pointer; justify-self: start; }
:root[data-theme="dark"] .pg-send button { color: #0f141a; }
.pg-send button:disabled { opacity: 0.6; cursor: progress; }
.pg-status { margin: 0; min-height: 1.5em; font-size: 13px; color: var(--pg-muted); }
.pg-log { margin: 0; padding: 0; list-style: none; font: 12px/1.6 ui-monospace, SFMono-Regular, Menlo, monospace; color: var(--pg-muted); max-height: 150px; overflow: auto; }
.pg-loading, .pg-error { padding: 28px; }
.pg-check { display: flex !important; gap: 6px; align-items: center; }
.pg-activity { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 16px; }
.pg-activity h3 { margin-top: 0; }
.pg-muted { color: var(--pg-muted); }
.pg-error-text { color: #b91c1c; font-size: 13px; }
.pg-messages { margin: 0; padding: 0; list-style: none; display: grid; gap: 4px; }
.pg-messages button { width: 100%; display: grid; grid-template-columns: 1fr auto auto; gap: 8px; align-items: center; text-align: start; font: inherit; font-size: 13px; color: var(--pg-text); background: none; border: 1px solid var(--pg-border); border-radius: 6px; padding: 6px 8px; cursor: pointer; }
.pg-messages button[aria-pressed="true"] { border-color: var(--pg-accent); box-shadow: inset 3px 0 0 var(--pg-accent); }
.pg-messages .pg-title { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.pg-messages time, .pg-timeline time { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; color: var(--pg-muted); }
.pg-pill { font-size: 11px; border-radius: 999px; padding: 1px 8px; background: var(--pg-bg); border: 1px solid var(--pg-border); }
.pg-pill.pg-suppressed { color: #b45309; }
.pg-pill.pg-delivered { color: #15803d; }
.pg-timeline { margin: 0; padding-inline-start: 18px; font-size: 13px; display: grid; gap: 2px; max-height: 260px; overflow: auto; }
`;
