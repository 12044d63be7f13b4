import { check, invalid } from "../core/check.js";

/**
 * Options shared by the Smart Money Concepts overlay marks: a time window and how to place bar times.
 * The window applies to drawn times, after `timeOffset`.
 */
export interface SmcMarksOptions {
  /** Draw only what reaches this instant or later, cut at it; epoch ms UTC. Default: no bound. */
  readonly from?: number;
  /** Draw only what starts at or before this instant, cut at it; epoch ms UTC. Default: no bound. */
  readonly to?: number;
  /**
   * Milliseconds added to every bar time (`ts`, `knownAt`, `mitigatedAt`...) before drawing, e.g. minus
   * half a bar to put marks at the middle of candles drawn from open to close. Default 0 (at the bar's close).
   */
  readonly timeOffset?: number;
  /** Clip lines, boxes and points to the plot's frame, for charts with a fixed price domain (labels are not clipped). Default false. */
  readonly clip?: boolean;
}

/** {@link SmcMarksOptions} checked, with defaults filled in. */
export interface SmcWindow {
  readonly from: number;
  readonly to: number;
  readonly timeOffset: number;
  readonly clip: boolean;
  /** Returns the span [x1, x2] cut to the window, or undefined when it lies outside. */
  span(x1: number, x2: number): readonly [number, number] | undefined;
  /** Returns whether the instant lies in the window. */
  has(x: number): boolean;
}

/**
 * Returns the window of {@link SmcMarksOptions} checked (InvalidOptionError naming the bad option), with
 * helpers to cut spans to it.
 * @example smcWindow({ from: Date.UTC(2024, 2, 5) }).span(0, Date.UTC(2024, 2, 6)) // [Date.UTC(2024, 2, 5), Date.UTC(2024, 2, 6)]
 */
export function smcWindow(options: SmcMarksOptions = {}): SmcWindow {
  const from = options.from === undefined ? -Infinity : check.finite("from", options.from);
  const to = options.to === undefined ? Infinity : check.finite("to", options.to);
  if (to < from) invalid("to", to, `an instant at or after from (${from})`, "swap from and to");
  const timeOffset = check.finite("timeOffset", options.timeOffset ?? 0);
  const clip = options.clip ?? false;
  if (typeof clip !== "boolean") invalid("clip", clip, "true or false");
  return {
    from, to, timeOffset, clip,
    span: (x1, x2) => (x2 < from || x1 > to ? undefined : [Math.max(x1, from), Math.min(x2, to)]),
    has: (x) => x >= from && x <= to,
  };
}
