import type * as arrow from "apache-arrow";
import { check, invalid } from "../core/check.js";
import { checkTimeZone } from "../core/time.js";
import { allocateBarColumns, makeBarTable } from "../data/bar-table.js";
import { choleskyOfCorrelation } from "./cholesky.js";
import { parseLocalDay, parseLocalDays } from "./local-days.js";
import { createRng } from "./random.js";
import { writeSyntheticBar } from "./synthetic-bar.js";
import { weekdaySessions } from "./weekday-sessions.js";

/** Options of {@link correlatedBars}. A per-symbol option takes one number for all symbols or one per symbol. */
export interface CorrelatedBarsOptions {
  /** Names of the symbols, distinct. Default ["AAA", "BBB", "CCC"]. */
  readonly symbols?: readonly string[];
  /** Target correlation of the daily log returns, k x k in `symbols` order. Default 0.5 between every pair. */
  readonly correlation?: readonly (readonly number[])[];
  /** Expected daily log return. Default 0.0003. */
  readonly drift?: number | readonly number[];
  /** Standard deviation of the daily log return. Default 0.01. */
  readonly volatility?: number | readonly number[];
  /** Close before the first bar. Default 100. */
  readonly startPrice?: number | readonly number[];
  /** Number of daily bars per symbol. Default 1000. */
  readonly n?: number;
  /** First trading day, local "YYYY-MM-DD"; a weekend or holiday rolls forward. Default "2020-01-02". */
  readonly start?: string;
  /** Seed of the random numbers (any safe integer). Default 1. */
  readonly seed?: number;
  /** IANA zone of the shared exchange session. Default "America/New_York". */
  readonly timeZone?: string;
  /** Session open, local "HH:MM" (each bar's tsOpen). Default "09:30". */
  readonly sessionOpen?: string;
  /** Session close, local "HH:MM" (each bar's tsClose). Default "16:00". */
  readonly sessionClose?: string;
  /** Local dates "YYYY-MM-DD" without a session. Default []. */
  readonly holidays?: readonly string[];
  /** Open gap and high/low wick volatility, as fractions of the symbol's volatility. Default 0.25 and 0.5. */
  readonly gapFraction?: number;
  readonly wickFraction?: number;
  /** Mean volume per bar. Default 1,000,000. */
  readonly volume?: number;
}

/** What {@link correlatedBars} returns. */
export interface CorrelatedBarsResult {
  /** One bar table per symbol, in `symbols` order, all on the same sessions. */
  readonly tables: arrow.Table[];
  readonly symbols: string[];
  /** The target correlation used. */
  readonly correlation: number[][];
}

function perSymbol(name: string, value: number | readonly number[], k: number, each: (name: string, v: unknown) => number): number[] {
  if (typeof value === "number") return new Array<number>(k).fill(each(name, value));
  if (!Array.isArray(value) || value.length !== k) invalid(name, value, `a number or an array of ${k} numbers, one per symbol`);
  return value.map((v, i) => each(`${name}[${i}]`, v));
}

/**
 * Returns daily bars of several symbols whose close-to-close log returns are jointly normal with the given
 * correlation: each day draws k independent normals z and uses L z, where L is the Cholesky factor of
 * the correlation matrix, so symbol i's return is drift_i + volatility_i x (L z)_i. All symbols share one
 * Monday-Friday calendar in `timeZone`. The same options give the same bars on a given JavaScript engine.
 * @example
 * const { tables } = correlatedBars({ symbols: ["SPY", "TLT"], correlation: [[1, -0.3], [-0.3, 1]], seed: 5 });
 */
export function correlatedBars(options: CorrelatedBarsOptions = {}): CorrelatedBarsResult {
  const symbols = options.symbols ?? ["AAA", "BBB", "CCC"];
  if (!Array.isArray(symbols) || symbols.length === 0) invalid("symbols", symbols, "a non-empty array of symbol names");
  symbols.forEach((s, i) => check.nonEmptyString(`symbols[${i}]`, s));
  if (new Set(symbols).size !== symbols.length) invalid("symbols", symbols, "distinct names");
  const k = symbols.length;
  const correlation = (options.correlation ?? symbols.map((_, i) => symbols.map((__, j) => (i === j ? 1 : 0.5)))).map((r) => (Array.isArray(r) ? [...r] : r));
  const chol = choleskyOfCorrelation("correlation", correlation, k);
  const drift = perSymbol("drift", options.drift ?? 0.0003, k, check.finite);
  const vol = perSymbol("volatility", options.volatility ?? 0.01, k, check.nonNegative);
  const startPrice = perSymbol("startPrice", options.startPrice ?? 100, k, check.positive);
  const n = check.positiveInteger("n", options.n ?? 1000);
  const rng = createRng(options.seed ?? 1);
  const timeZone = checkTimeZone("timeZone", options.timeZone ?? "America/New_York");
  const gapFraction = check.nonNegative("gapFraction", options.gapFraction ?? 0.25);
  const wickFraction = check.nonNegative("wickFraction", options.wickFraction ?? 0.5);
  const volume = check.nonNegative("volume", options.volume ?? 1_000_000);
  const times = weekdaySessions({
    start: parseLocalDay("start", options.start ?? "2020-01-02"), count: n, timeZone,
    open: options.sessionOpen ?? "09:30", close: options.sessionClose ?? "16:00", holidays: parseLocalDays("holidays", options.holidays),
  });

  const columns = symbols.map(() => {
    const c = allocateBarColumns(n);
    c.tsOpen.set(times.tsOpen);
    c.tsClose.set(times.tsClose);
    return c;
  });
  const close = [...startPrice];
  const z = new Float64Array(k);
  for (let t = 0; t < n; t++) {
    for (let i = 0; i < k; i++) z[i] = rng.normal();
    for (let i = 0; i < k; i++) {
      let e = 0;
      for (let j = 0; j <= i; j++) e += chol[i]![j]! * z[j]!;
      const shape = { gapVolatility: gapFraction * vol[i]!, wickVolatility: wickFraction * vol[i]!, volume };
      close[i] = writeSyntheticBar(columns[i]!, t, close[i]!, drift[i]! + vol[i]! * e, shape, rng);
    }
  }
  const tables = symbols.map((symbol, i) =>
    makeBarTable(columns[i]!, { symbol, timeZone, interval: "1d" }, { source: `correlatedBars(${symbol})` }),
  );
  return { tables, symbols: [...symbols], correlation: correlation as number[][] };
}
