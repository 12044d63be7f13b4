import { check, invalid } from "../core/check.js";
import { SELECTION_METRICS, type SelectionMetric } from "./sweep-columns.js";

/**
 * How a walk-forward splits each symbol's bars: train windows of `train` bars, each followed by a test
 * window of `test` bars; the next pair starts `test` bars later.
 * @example { train: 1000, test: 250, mode: "rolling", metric: "sharpe" }
 */
export interface WalkForwardSpec {
  /** Bars in each train window (in "anchored" mode, in the first one). Required. */
  readonly train: number;
  /** Bars in each test window; the last one may be shorter, down to 20 bars. Required. */
  readonly test: number;
  /** "rolling": train windows keep their length; "anchored": they all start at the first bar. Default "rolling". */
  readonly mode?: "rolling" | "anchored";
  /** The metric that picks each train window's parameters (the highest wins). Default "sharpe". */
  readonly metric?: SelectionMetric;
  /** Runs with fewer trades in the train window cannot be picked. Default 1. */
  readonly minTrades?: number;
}

/** The walk-forward settings, checked, with their defaults. */
export interface ResolvedWalkForward {
  readonly train: number;
  readonly test: number;
  readonly mode: "rolling" | "anchored";
  readonly metric: SelectionMetric;
  readonly minTrades: number;
}

/** One train/test pair of bar indexes: train [trainStart, trainEnd), test [trainEnd, testEnd). */
export interface WalkForwardWindow {
  readonly window: number;
  readonly trainStart: number;
  readonly trainEnd: number;
  readonly testEnd: number;
}

/** The keys of a WalkForwardSpec. */
export const WALK_FORWARD_KEYS = ["train", "test", "mode", "metric", "minTrades"] as const;

/** The shortest last test window kept, in bars. */
export const MIN_TEST_BARS = 20;

/** Returns the walk-forward spec checked; throws InvalidOptionError naming walkForward.<key>. */
export function resolveWalkForward(spec: WalkForwardSpec): ResolvedWalkForward {
  if (spec === null || typeof spec !== "object") invalid("walkForward", spec, "{ train, test, mode?, metric?, minTrades? }");
  for (const key of Object.keys(spec)) {
    if (!(WALK_FORWARD_KEYS as readonly string[]).includes(key)) invalid("walkForward", key, `one of the keys ${WALK_FORWARD_KEYS.join(", ")}`);
  }
  const train = check.positiveInteger("walkForward.train", spec.train);
  const test = check.positiveInteger("walkForward.test", spec.test);
  if (test < MIN_TEST_BARS) invalid("walkForward.test", test, `at least ${MIN_TEST_BARS} bars`, "shorter test windows give no meaningful metrics");
  return {
    train, test,
    mode: check.keyword("walkForward.mode", spec.mode ?? "rolling", ["rolling", "anchored"] as const),
    metric: check.keyword("walkForward.metric", spec.metric ?? "sharpe", SELECTION_METRICS),
    minTrades: check.nonNegativeInteger("walkForward.minTrades", spec.minTrades ?? 1),
  };
}

/**
 * Returns the train/test windows over `bars` bars: the first test window starts at bar `train`, each
 * next one `test` bars later, until the data ends (a last test window shorter than `test` is kept when
 * it has at least MIN_TEST_BARS bars). Throws when the data cannot hold one train and one test window.
 * @example walkForwardWindows(5105, resolveWalkForward({ train: 1000, test: 250 })).length; // 17
 */
export function walkForwardWindows(bars: number, wf: ResolvedWalkForward, symbol = "data"): WalkForwardWindow[] {
  const windows: WalkForwardWindow[] = [];
  for (let trainEnd = wf.train; trainEnd + MIN_TEST_BARS <= bars; trainEnd += wf.test) {
    const testEnd = Math.min(trainEnd + wf.test, bars);
    windows.push({ window: windows.length, trainStart: wf.mode === "anchored" ? 0 : trainEnd - wf.train, trainEnd, testEnd });
  }
  if (windows.length === 0) {
    invalid("walkForward.train", wf.train, `train + ${MIN_TEST_BARS} bars at most ${bars} (the bars of ${symbol})`, "shorten the train window or add data");
  }
  return windows;
}
