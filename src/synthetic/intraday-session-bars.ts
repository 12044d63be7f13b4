import type * as arrow from "apache-arrow";
import { check, invalid } from "../core/check.js";
import { DAY, intervalMs } from "../core/time.js";
import { allocateBarColumns, makeBarTable } from "../data/bar-table.js";
import { localDayAt, parseLocalDay, parseLocalDays } from "./local-days.js";
import { createRng } from "./random.js";
import { resolveSession, type SessionPreset, type SessionSpec } from "./session-spec.js";
import { writeSyntheticBar } from "./synthetic-bar.js";
import { windowsBetween } from "./session-windows.js";

/** One symbol of {@link intradaySessionBars}: its name, its session and how its price moves. */
export interface IntradaySymbolSpec {
  /** Symbol name, stored in its table's metadata. Required. */
  readonly symbol: string;
  /** Its exchange session: a preset name ("us-index", "london-index", "fx") or a spec. Required. */
  readonly session: SessionSpec | SessionPreset;
  /** Close before the first bar. Default 100. */
  readonly startPrice?: number;
  /** Expected log return per bar. Default 0. */
  readonly drift?: number;
  /** Standard deviation of the log return per bar. Default 0.001 (0.1 % per bar). */
  readonly volatility?: number;
  /** Standard deviation of the log gap at each session's first bar (overnight or weekend news). Default 0.003. */
  readonly gapVolatility?: number;
  /** Mean volume per bar. Default 10,000. */
  readonly volume?: number;
  /** Local dates "YYYY-MM-DD", in the session's zone, on which no bar opens. Default []. */
  readonly holidays?: readonly string[];
}

/** Options of {@link intradaySessionBars}. */
export interface IntradaySessionBarsOptions {
  /** The symbols. Default: "SPX" on "us-index", "EURUSD" on "fx" and "UKX" on "london-index". */
  readonly symbols?: readonly IntradaySymbolSpec[];
  /** First local date "YYYY-MM-DD" (inclusive), read in each session's zone. Default "2024-03-04". */
  readonly start?: string;
  /** Last local date "YYYY-MM-DD" (inclusive). Default "2024-04-05" (covers the US and UK spring changes). */
  readonly end?: string;
  /** Bar length, under a day, e.g. "1m", "5m", "1h". Default "5m". */
  readonly interval?: string;
  /** Seed of the random numbers (any safe integer); symbol i draws from stream i. Default 1. */
  readonly seed?: number;
}

/** What {@link intradaySessionBars} returns. */
export interface IntradaySessionBarsResult {
  /** One bar table per symbol, in `symbols` order; empty when no session opens in the range. */
  readonly tables: arrow.Table[];
  readonly symbols: string[];
}

const DEFAULT_SYMBOLS: readonly IntradaySymbolSpec[] = [
  { symbol: "SPX", session: "us-index", startPrice: 5000 },
  { symbol: "EURUSD", session: "fx", startPrice: 1.08, volatility: 0.0003, gapVolatility: 0.001 },
  { symbol: "UKX", session: "london-index", startPrice: 7600 },
];

/**
 * Returns intraday bars of several symbols, each only inside its own exchange sessions (no bars between
 * sessions, no gap filling). Session boundaries are resolved in each session's IANA zone on each date, so
 * the UTC times move with that zone's daylight-saving changes; bars step from the session open by the
 * interval in UTC: tsClose = tsOpen + interval, cut at the session close when the session length is not a
 * multiple of the interval. A bar belongs to the range and to a holiday by the local date of its open.
 * Prices are a random walk with a gap at each session's first bar; each symbol draws from its own random
 * stream, so the same options give the same bars, and a symbol's bars do not depend on the others.
 * @example
 * const { tables } = intradaySessionBars({ start: "2024-03-08", end: "2024-03-11", seed: 3 });
 */
export function intradaySessionBars(options: IntradaySessionBarsOptions = {}): IntradaySessionBarsResult {
  const symbols = options.symbols ?? DEFAULT_SYMBOLS;
  if (!Array.isArray(symbols) || symbols.length === 0) invalid("symbols", symbols, "a non-empty array of { symbol, session, ... }");
  const start = parseLocalDay("start", options.start ?? "2024-03-04");
  const end = parseLocalDay("end", options.end ?? "2024-04-05");
  if (end < start) invalid("end", options.end, `a date on or after start "${options.start ?? "2024-03-04"}"`);
  const interval = options.interval ?? "5m";
  const step = intervalMs(interval);
  if (step >= DAY) invalid("interval", interval, "an intraday interval such as \"1m\", \"5m\" or \"1h\"", "use regimeSwitchingBars or correlatedBars for daily bars");
  const seed = options.seed ?? 1;
  createRng(seed); // checks the seed once, up front

  const tables = symbols.map((spec, k) => {
    const name = `symbols[${k}]`;
    const symbol = check.nonEmptyString(`${name}.symbol`, spec?.symbol);
    const session = resolveSession(`${name}.session`, spec.session);
    const startPrice = check.positive(`${name}.startPrice`, spec.startPrice ?? 100);
    const drift = check.finite(`${name}.drift`, spec.drift ?? 0);
    const volatility = check.nonNegative(`${name}.volatility`, spec.volatility ?? 0.001);
    const gapVolatility = check.nonNegative(`${name}.gapVolatility`, spec.gapVolatility ?? 0.003);
    const volume = check.nonNegative(`${name}.volume`, spec.volume ?? 10_000);
    const zone = session.timeZone;
    const holidays = [...parseLocalDays(`${name}.holidays`, spec.holidays)].map((d) => [localDayAt(d, 0, zone), localDayAt(d + 1, 0, zone)] as const);
    const from = localDayAt(start, 0, zone);
    const until = localDayAt(end + 1, 0, zone);

    const opens: number[] = [];
    const closes: number[] = [];
    const firstOfSession: boolean[] = [];
    for (const w of windowsBetween(session, start - 7, end)) {
      let first = true;
      for (let t = w.tsOpen; t < w.tsClose; t += step) {
        if (t < from || t >= until || holidays.some(([a, b]) => t >= a && t < b)) continue;
        opens.push(t);
        closes.push(Math.min(t + step, w.tsClose));
        firstOfSession.push(first);
        first = false;
      }
    }

    const rng = createRng(seed, k);
    const columns = allocateBarColumns(opens.length);
    columns.tsOpen.set(opens);
    columns.tsClose.set(closes);
    let close = startPrice;
    for (let i = 0; i < opens.length; i++) {
      const shape = { gapVolatility: firstOfSession[i] ? gapVolatility : 0, wickVolatility: 0.5 * volatility, volume };
      close = writeSyntheticBar(columns, i, close, drift + volatility * rng.normal(), shape, rng);
    }
    return makeBarTable(columns, { symbol, timeZone: zone, interval }, { source: `intradaySessionBars(${symbol})`, validate: opens.length > 0 });
  });
  return { tables, symbols: symbols.map((s) => s.symbol) };
}
