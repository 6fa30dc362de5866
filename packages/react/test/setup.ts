// happy-dom has no layout engine: every element measures 0×0. Give the feed's scroll container and
// rows plausible sizes so the virtualizer has a viewport (only DOM measurement is stubbed).
const VIEWPORT = { width: 380, height: 480 };
export const ROW_HEIGHT = 84;

function stub(prop: 'clientWidth' | 'clientHeight' | 'offsetWidth' | 'offsetHeight', size: (el: HTMLElement) => number | null) {
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
stub('clientWidth', (el) => (isScroll(el) ? VIEWPORT.width : null));
stub('clientHeight', (el) => (isScroll(el) ? VIEWPORT.height : null));
stub('offsetWidth', (el) => (isScroll(el) || isRow(el) ? VIEWPORT.width : null));
stub('offsetHeight', (el) => (isScroll(el) ? VIEWPORT.height : isRow(el) ? ROW_HEIGHT : null));

// scrollHeight follows the virtual list's total size, so scrollTop can move as in a browser.
const scrollHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight');
Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
  configurable: true,
  get(this: HTMLElement) {
    if (isScroll(this)) {
      const list = this.querySelector<HTMLElement>('.belfry-list');
      return Math.max(VIEWPORT.height, parseFloat(list?.style.height ?? '0') || 0);
    }
    return (scrollHeight?.get?.call(this) as number | undefined) ?? 0;
  },
});
