import type { Page } from "playwright-core";
import type { Redraw } from "../../reactive/redraw-timer.js";

/**
 * Waits until the page's redraw timer (window.redrawTimer) has timed `count` redraws, and returns them
 * with a one-line summary of their times: to DOM and to the next frame, median and max, in ms.
 * @example const { redraws, timing } = await readRedraws(page); console.log(`redraw: ${timing}`);
 */
export async function readRedraws(page: Page, count = 5): Promise<{ redraws: Redraw[]; timing: string }> {
  await page.waitForFunction((n) => (window as unknown as { redrawTimer: { redraws: Redraw[] } }).redrawTimer.redraws.length >= n, count);
  const redraws = await page.evaluate(() => (window as unknown as { redrawTimer: { redraws: Redraw[] } }).redrawTimer.redraws);
  const ms = (pick: (r: Redraw) => number) => redraws.map(pick).sort((a, b) => a - b);
  const toDom = ms((r) => r.toDomMs), toFrame = ms((r) => r.toFrameMs);
  const timing = `to DOM median ${toDom[toDom.length >> 1]!.toFixed(1)} ms (max ${toDom.at(-1)!.toFixed(1)}), ` +
    `to next frame median ${toFrame[toFrame.length >> 1]!.toFixed(1)} ms (max ${toFrame.at(-1)!.toFixed(1)})`;
  return { redraws, timing };
}
