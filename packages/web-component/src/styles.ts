// Puts the UI's stylesheet inside each shadow root. Constructable stylesheets are parsed once and
// adopted by every element; browsers without them get a <style> element per root.
const sheets = new Map<string, CSSStyleSheet>();

export function adoptStyles(root: ShadowRoot, cssTexts: string[]): void {
  // Without constructable stylesheets, `new CSSStyleSheet()` or `replaceSync` throws.
  if ('adoptedStyleSheets' in root) {
    try {
      root.adoptedStyleSheets = cssTexts.map((css) => {
        let sheet = sheets.get(css);
        if (!sheet) {
          sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
          sheets.set(css, sheet);
        }
        return sheet;
      });
      return;
    } catch {
      // fall through to <style>
    }
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = cssTexts.join('\n');
  root.prepend(style);
}
