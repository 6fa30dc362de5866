// The toaster's stylesheet, rendered with it (also inside an element's shadow root). Zero-specificity
// selectors and the same --belfry-* tokens as styles.css, which it builds on.
export const toasterStyles = `
:where(.belfry-toasts){position:fixed;z-index:calc(var(--_b-z) + 1);inset-inline-end:var(--_b-space);bottom:var(--_b-space);width:min(var(--belfry-toast-width,360px),calc(100vw - 2 * var(--_b-space)))}
:where(.belfry-toasts[data-position^='top']){bottom:auto;top:var(--_b-space)}
:where(.belfry-toasts[data-position$='start']){inset-inline-end:auto;inset-inline-start:var(--_b-space)}
:where(.belfry-toasts[data-position$='center']){inset-inline-end:auto;left:50%;transform:translateX(-50%)}
:where(.belfry-toast-list){list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:var(--_b-space-small)}
:where(.belfry-toasts[data-position^='top'] .belfry-toast-list){flex-direction:column-reverse}
:where(.belfry-toast-card){display:flex;gap:var(--_b-space-small);align-items:flex-start;padding:var(--_b-space);background:var(--_b-bg);color:var(--_b-text);border:1px solid var(--_b-border);border-radius:var(--_b-radius);box-shadow:var(--_b-shadow);cursor:pointer;animation:belfry-toast-in var(--_b-duration) ease-out}
:where(.belfry-toast-content){flex:1;min-width:0;display:flex;flex-direction:column;gap:2px}
:where(.belfry-toast-title){all:unset;font-weight:600;overflow-wrap:anywhere;cursor:pointer;border-radius:var(--_b-radius-small)}
:where(.belfry-toast-title:focus-visible){outline:2px solid var(--_b-focus);outline-offset:2px}
:where(.belfry-toast-body){color:var(--_b-muted);overflow-wrap:anywhere}
@keyframes belfry-toast-in{from{opacity:0;transform:translateY(8px)}}
@media (prefers-reduced-motion:reduce){:where(.belfry-toast-card){animation:none}}
`;
