import type { Page } from '@playwright/test';

export interface LayoutFaults {
  /** The page's scroll width when it is wider than its viewport, else null. */
  pageOverflow: { scrollWidth: number; clientWidth: number } | null;
  /** Text of figures cut to an ellipsis (an element with text-overflow: ellipsis, wider inside than out). */
  ellipsisedFigures: string[];
  /** Buttons and links scrolled out of sight sideways inside a scrolling box. */
  hiddenActions: string[];
  /** Tables wider than their box (a sticky column would cover a figure; a scrollbar hides columns). */
  widerTables: string[];
}

/**
 * What a small window can break, read from the page as it is drawn. A figure is ellipsised text in a
 * numeric cell (.num) or text that is a number: names may be cut, numbers may not. An action is hidden when its box lies
 * outside the visible width of the nearest ancestor that scrolls or clips sideways.
 */
export function layoutFaults(page: Page): Promise<LayoutFaults> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const pageOverflow =
      root.scrollWidth > root.clientWidth ? { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth } : null;
    const ellipsisedFigures: string[] = [];
    // A figure: digits with signs, separators, a currency symbol or code, a percent or a compact suffix.
    const figure = /^(?:[A-Z]{3}\s?)?[+\-−]?\s?[^\sA-Za-z\d]?\s?\d[\d,.\s\u00a0\u202f]*(?:%|[KMBT])?(?:\s?[A-Z]{3})?$/;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (getComputedStyle(el).textOverflow !== 'ellipsis') continue;
      const text = el.textContent ?? '';
      if (el.scrollWidth <= el.clientWidth) continue;
      if (el.closest('.num') || figure.test(text.trim())) ellipsisedFigures.push(text.trim());
    }
    const hiddenActions: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('button, a[href], input, select'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const overflowX = getComputedStyle(up).overflowX;
        if (overflowX === 'visible') continue;
        const frame = up.getBoundingClientRect();
        if (box.left < frame.left - 1 || box.right > frame.right + 1) {
          hiddenActions.push(el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName);
        }
        break;
      }
    }
    const widerTables = Array.from(document.querySelectorAll<HTMLElement>('.table-scroll'))
      .filter((box) => box.scrollWidth > box.clientWidth + 1)
      .map((box) => `${box.getAttribute('aria-label') ?? 'a table'}: ${box.scrollWidth} in ${box.clientWidth}`);
    return { pageOverflow, ellipsisedFigures, hiddenActions, widerTables };
  });
}
