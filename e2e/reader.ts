// What a reader does on an article page in the end-to-end tests: select a phrase with a
// real mouse drag, and see which of their highlights Lede painted.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Selects `phrase` inside the demo article (its paragraphs, or `within`) with a real mouse drag; Lede's toolbar appears. */
export async function select(page: Page, phrase: string, within = 'article p'): Promise<void> {
  const box = await page.evaluate(([phrase, within]) => {
    for (const p of document.querySelectorAll(within)) {
      const text = p.firstChild as Text;
      const at = text.data.indexOf(phrase);
      if (at < 0) continue;
      p.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 1);
      const first = range.getBoundingClientRect();
      range.setStart(text, at + phrase.length - 1);
      range.setEnd(text, at + phrase.length);
      const last = range.getBoundingClientRect();
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    throw new Error(`phrase not found: ${phrase}`);
  }, [phrase, within] as const);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('lede-toolbar')).toBeVisible();
}

/** Texts of every range in each CSS highlight whose name starts with `prefix`, read from the page's own CSS.highlights. */
export async function highlightTexts(page: Page, prefix: string): Promise<Record<string, string[]>> {
  return page.evaluate((prefix) => {
    const out: Record<string, string[]> = {};
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith(prefix)) return;
      out[name] = [...highlight].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      });
    });
    return out;
  }, prefix);
}

/** Texts of Lede's highlights (marks, and the reader's notes as `lede-note-*`), by highlight name. */
export const markTexts = (page: Page): Promise<Record<string, string[]>> => highlightTexts(page, 'lede-');

/** Texts of the reader's highlights painted on the page (CSS highlights named lede-note-*), by colour. */
export async function noteTexts(page: Page): Promise<Record<string, string[]>> {
  const byName = await highlightTexts(page, 'lede-note-');
  return Object.fromEntries(
    Object.entries(byName)
      .filter(([, texts]) => texts.length > 0)
      .map(([name, texts]) => [name.slice('lede-note-'.length), texts]),
  );
}

/** Waits until Lede has painted the page's marks. */
export async function painted(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('lede:painted').length > 0, undefined, { timeout: 15_000 });
}
