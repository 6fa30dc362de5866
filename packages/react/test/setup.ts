// happy-dom has no layout engine: every element measures 0×0. Give the feed's scroll container and
// rows plausible sizes so the virtualizer has a viewport (only DOM measurement is stubbed).
const VIEWPORT = { width: 380, height: 480 };
export const ROW_HEIGHT = 84;

type Size = 'clientWidth' | 'clientHeight' | 'offsetWidth' | 'offsetHeight' | 'scrollHeight';

function stub(prop: Size, size: (el: HTMLElement) => number | null) {
  const descriptor = Object.getOwnPropertyDescriptor(HTMLElement.prototype, prop) ?? Object.getOwnPropertyDescriptor(Element.prototype, prop);
  Object.defineProperty(HTMLElement.prototype, prop, {
    configurable: true,
    get(this: HTMLElement) {
      return size(this) ?? (descriptor?.get?.call(this) as number | undefined) ?? 0;
    },
  });
}

const isScroll = (el: HTMLElement) => el.classList.contains('belfry-scroll');
const isRow = (el: HTMLElement) => el.hasAttribute('data-index');

// Files that opt into the node environment (SSR) have no DOM to stub.
if (typeof HTMLElement !== 'undefined') {
  stub('clientWidth', (el) => (isScroll(el) ? VIEWPORT.width : null));
  stub('clientHeight', (el) => (isScroll(el) ? VIEWPORT.height : null));
  stub('offsetWidth', (el) => (isScroll(el) || isRow(el) ? VIEWPORT.width : null));
  stub('offsetHeight', (el) => (isScroll(el) ? VIEWPORT.height : isRow(el) ? ROW_HEIGHT : null));
  // scrollHeight follows the virtual list's total size, so scrollTop can move as in a browser.
  stub('scrollHeight', (el) => {
    if (!isScroll(el)) return null;
    const list = el.querySelector<HTMLElement>('.belfry-list');
    return Math.max(VIEWPORT.height, parseFloat(list?.style.height ?? '0') || 0);
  });
}
