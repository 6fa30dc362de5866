// Bidi isolation in Chromium, in the React inbox and the custom element (preact, shadow root): every
// text node of a notification sits in an element whose computed unicode-bidi is `isolate`, so a
// U+202E in one title can't reorder its neighbours; the text itself is shown as written.
import { describe, expect, it } from 'vitest';
import { uniqueUser, useStack } from './harness.js';
import { PAGES, bell, items } from './pages.js';

const stack = useStack();
const SPOOF = 'Invoice \u202Egnp.exe';

describe.each([
  ['React example', PAGES.react],
  ['custom element', PAGES.fixture],
])('bidi isolation (%s)', (_name, path) => {
  it('title, body and action labels are isolated and unchanged', async () => {
    const user = uniqueUser('bidi');
    await stack.trigger(user, { title: 'Plain neighbour', body: 'nothing to see' });
    await stack.trigger(user, { title: SPOOF, body: 'body \u202Etxt.', actions: [{ id: 'a', label: 'Open \u202Eelif' }] });
    const page = await stack.open(path, user);
    await bell(page).click();
    await items(page).filter({ hasText: 'gnp.exe' }).first().waitFor({ state: 'visible' });

    const report = await items(page).evaluateAll((rows) =>
      rows.map((row) => {
        const texts: Array<{ text: string; isolated: boolean }> = [];
        const walker = row.ownerDocument.createTreeWalker(row, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          if (!text.trim()) continue;
          // Isolated when an ancestor inside the row is a bidi isolate (as computed, not as tagged).
          let isolated = false;
          for (let el = node.parentElement; el && el !== row; el = el.parentElement) {
            if (getComputedStyle(el).unicodeBidi === 'isolate') isolated = true;
          }
          texts.push({ text, isolated });
        }
        const title = row.querySelector('.belfry-item-title bdi');
        return { texts, title: title?.textContent ?? null };
      }),
    );
    expect(report.map((r) => r.title).sort()).toEqual([SPOOF, 'Plain neighbour'].sort());
    const spoofRow = report.find((r) => r.title === SPOOF)!;
    const notificationText = [SPOOF, 'body \u202Etxt.', 'Open \u202Eelif', 'Plain neighbour', 'nothing to see'];
    for (const row of report) {
      for (const t of row.texts) {
        if (notificationText.some((s) => s.includes(t.text) || t.text.includes(s))) expect(t, JSON.stringify(t)).toMatchObject({ isolated: true });
      }
    }
    for (const s of [SPOOF, 'body \u202Etxt.', 'Open \u202Eelif']) expect(spoofRow.texts.map((t) => t.text)).toContain(s);

    // The spoofed row's title stays inside its own box, left of nothing it could pull in: the next
    // row's title is laid out exactly as in a row without the override.
    const boxes = await items(page).evaluateAll((rows) =>
      rows.map((row) => {
        const title = row.querySelector('.belfry-item-title')!.getBoundingClientRect();
        const time = row.querySelector('.belfry-item-time')!.getBoundingClientRect();
        return { titleLeft: Math.round(title.left), timeLeft: Math.round(time.left) };
      }),
    );
    expect(new Set(boxes.map((b) => b.titleLeft)).size).toBe(1);
    expect(new Set(boxes.map((b) => b.timeLeft)).size).toBe(1);
    await page.close();
  });
});
