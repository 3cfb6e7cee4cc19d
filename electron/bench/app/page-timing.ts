// What the benchmark reads inside the page, installed before the app's own scripts (as text:
// electron/ is typed for Node, and this runs in the page). "Ready" is the shell's data-ready
// attribute (renderer/src/components/use-queries-settled.ts): no query fetching, two frames
// painted since. A MutationObserver notes the moment it appears, so polling adds nothing.
import type { Page } from 'playwright-core';

export const PAGE_HELPERS = `(() => {
  const bench = (window.__bench = { readyAt: 0, readyCount: 0, route: null, mark: 0, was: false });
  const check = () => {
    const shell = document.querySelector('.shell');
    const ready = shell !== null && shell.getAttribute('data-ready') === 'true';
    if (ready && !bench.was) {
      bench.readyAt = performance.now();
      bench.readyCount++;
      bench.route = shell.getAttribute('data-route');
    }
    bench.was = ready;
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready', 'data-route'],
  });
  bench.start = () => {
    bench.mark = performance.now();
    return bench.readyCount;
  };
  bench.readySince = (route, count) => bench.readyCount > count && bench.route === route;
  // Frame times while the first scrollable table scrolls by step pixels a frame (back to the top
  // at its end), as requestAnimationFrame sees them.
  bench.scroll = (frames, step) =>
    new Promise((resolve, reject) => {
      const table = document.querySelector('.table-scroll');
      if (!table) return reject(new Error('no .table-scroll on the screen'));
      const deltas = [];
      let last = -1;
      const frame = (time) => {
        if (last >= 0) deltas.push(time - last);
        last = time;
        if (table.scrollTop + table.clientHeight >= table.scrollHeight - 1) table.scrollTop = 0;
        else table.scrollTop += step;
        if (deltas.length < frames) requestAnimationFrame(frame);
        else resolve(deltas);
      };
      requestAnimationFrame(frame);
    });
})();`;

const WAIT = { timeout: 180_000 };

// A function, not text: the app's CSP forbids the page to evaluate text (playwright's
// waitForFunction would), while a function is called through the debugger protocol.
type PageGlobal = { __bench: { readySince(route: string, count: number): boolean } };
const readySince = ([route, count]: readonly [string, number]) =>
  (globalThis as unknown as PageGlobal).__bench.readySince(route, count);

/** Milliseconds from `act` to the screen `route` being ready (again). */
export async function timeToReady(page: Page, route: string, act: () => Promise<unknown>): Promise<number> {
  const count = (await page.evaluate('window.__bench.start()')) as number;
  await act();
  await page.waitForFunction(readySince, [route, count] as const, WAIT);
  return (await page.evaluate('window.__bench.readyAt - window.__bench.mark')) as number;
}

/** Milliseconds from the navigation's start (performance.now()'s origin) to the first ready screen. */
export async function timeToFirstReady(page: Page, route: string): Promise<number> {
  await page.waitForFunction(readySince, [route, 0] as const, WAIT);
  return (await page.evaluate('window.__bench.readyAt')) as number;
}

export async function navigate(page: Page, route: string): Promise<number> {
  return timeToReady(page, route, () => page.evaluate(`location.hash = ${JSON.stringify(`#/${route}`)}`));
}

export async function scrollFrameTimes(page: Page, frames: number, step: number): Promise<number[]> {
  return (await page.evaluate(`window.__bench.scroll(${frames}, ${step})`)) as number[];
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
