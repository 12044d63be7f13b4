/** One measured redraw: from the last control input to the chart in the page, in ms. */
export interface Redraw {
  /** What the chart now shows, e.g. "threshold 30, realized". */
  readonly label: string;
  /** From the "input" event to the new chart in the document. */
  readonly toDomMs: number;
  /** From the "input" event to the next animation frame after that (layout and paint included). */
  readonly toFrameMs: number;
}

/** Records the redraws of a page, read by the browser test and the benchmarks. */
export interface RedrawTimer {
  /** Every redraw after a control input, oldest first. */
  readonly redraws: Redraw[];
  /** Marks that a chart has just been put in the document. */
  drawn(label: string): void;
}

/**
 * Returns a timer of the time from the last "input" event anywhere in the document to a chart redraw,
 * and exposes it as `window.redrawTimer` for tests. The first draw (no input yet) is not recorded.
 * @example const timer = redrawTimer(); ...; timer.drawn(`threshold ${threshold}`);
 */
export function redrawTimer(): RedrawTimer {
  let inputAt: number | undefined;
  document.addEventListener("input", () => (inputAt = performance.now()), { capture: true });
  const timer: RedrawTimer = {
    redraws: [],
    drawn(label) {
      if (inputAt === undefined) return;
      const start = inputAt;
      inputAt = undefined;
      const toDomMs = performance.now() - start;
      requestAnimationFrame(() => timer.redraws.push({ label, toDomMs, toFrameMs: performance.now() - start }));
    },
  };
  (window as unknown as { redrawTimer: RedrawTimer }).redrawTimer = timer;
  return timer;
}
