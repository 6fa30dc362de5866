// The toaster's stylesheet, rendered with it (also inside an element's shadow root), so apps without
// toasts don't ship it in styles.css. Zero-specificity selectors on the same --belfry-* tokens; a
// toast is the inbox's own row in a card. styles.css's prefers-reduced-motion rule stops the animation.
export const toasterStyles =
  ':where(.belfry-toasts){position:fixed;z-index:var(--_b-z);bottom:var(--_b-space);inset-inline-end:var(--_b-space);width:min(var(--belfry-toast-width,380px),100vw - 2*var(--_b-space));display:flex;flex-direction:column;gap:var(--_b-space-small)}' +
  ':where(.belfry-toasts[data-position^=top]){bottom:auto;top:var(--_b-space);flex-direction:column-reverse}' +
  ':where(.belfry-toasts[data-position$=start]){inset-inline:var(--_b-space) auto}' +
  ':where(.belfry-toasts[data-position$=center]){inset-inline:0;margin-inline:auto}' +
  ':where(.belfry-toast){display:flex;align-items:flex-start;background:var(--_b-bg);border:1px solid var(--_b-border);border-radius:var(--_b-radius);box-shadow:var(--_b-shadow);animation:belfry-toast-in var(--_b-duration) ease-out}' +
  ':where(.belfry-toast>[role=list]){flex:1;min-width:0}' +
  ':where(.belfry-toast .belfry-item){border:0;background:none}' +
  ':where(.belfry-toast-close){margin:var(--_b-space-small);font-size:20px;line-height:1}' +
  '@keyframes belfry-toast-in{from{opacity:0;transform:translateY(8px)}}';
