import type * as arrow from "apache-arrow";
import { check, invalid } from "../core/check.js";
import type { RoundTrip } from "../core/types.js";
import { timelineColumns, type RegimeTimeline } from "../regime/regime-runs.js";
import { REGIMES, type Regime } from "../regime/regimes.js";
import { annualizedReturn } from "./annualized-return.js";
import { annualizedVolatility } from "./annualized-volatility.js";
import type { EquityCurve } from "./compute-metrics.js";
import { inferPeriodsPerYear } from "./infer-periods-per-year.js";
import { jsonSafe } from "./json-safe.js";
import { periodReturns } from "./period-returns.js";
import { allFinite } from "./sample-moments.js";
import { sharpeRatio } from "./sharpe-ratio.js";

/** A row key of the per-regime report: a regime, or "warm-up" for periods and trades with no regime known yet. */
export type RegimeKey = Regime | "warm-up";

/** Options of {@link regimeMetrics}. */
export interface RegimeMetricsOptions {
  /** Periods per year for annualizing volatility and Sharpe. Default: inferred from the whole curve's timestamps (inferPeriodsPerYear; 252 when it cannot). */
  readonly periodsPerYear?: number;
  /** Annual risk-free rate for the Sharpe ratio, a fraction. Default 0. */
  readonly riskFreeRate?: number;
  /** Fewest periods in a regime for its annualized return, volatility and Sharpe to be reported rather than null with a note. Default 20 (two to four weeks of daily bars). */
  readonly minPeriods?: number;
}

/** The trades entered in a regime (closed round trips, by the regime in force at their entry). */
export interface RegimeTradeStats {
  readonly count: number;
  readonly wins: number;
  readonly losses: number;
  /** wins / count; null without trades. */
  readonly winRate: number | null;
  /** Sum of pnl, net of commissions (account currency). */
  readonly pnl: number;
  /** Mean returnFraction; null without trades. */
  readonly averageReturnFraction: number | null;
}

/** The performance of a backtest while one regime was in force. Fractions, not percents. */
export interface RegimeMetricsRow {
  readonly regime: RegimeKey;
  /** Period returns attributed to the regime, and their share of all periods and of the calendar time. */
  readonly periods: number;
  readonly periodShare: number | null;
  readonly timeShare: number | null;
  readonly elapsedDays: number;
  /** The regime's period returns compounded: Π(1 + r) - 1; null without periods or with an undefined return. */
  readonly totalReturn: number | null;
  /** totalReturn annualized over the regime's calendar time; null below minPeriods. */
  readonly annualizedReturn: number | null;
  readonly annualizedVolatility: number | null;
  readonly sharpe: number | null;
  /** Deepest fall of the regime's returns compounded back to back, <= 0. */
  readonly maxDrawdown: number | null;
  readonly trades: RegimeTradeStats;
  readonly notes: string[];
}

/** The per-regime report: one row per regime in REGIMES order, then "warm-up"; plain JSON-safe data. */
export interface RegimeMetricsReport {
  readonly rows: RegimeMetricsRow[];
  readonly periods: number;
  readonly periodsPerYear: number;
  readonly riskFreeRate: number;
  readonly minPeriods: number;
  readonly notes: string[];
}

/** The parts of a backtest result the report reads (a BacktestResult has them). */
export interface RegimeMetricsInput {
  /** The equity curve: an Arrow table with ts and equity columns (result.equity), or plain arrays. */
  readonly equity: arrow.Table | EquityCurve;
  /** Closed round trips. Default none. */
  readonly tradeList?: readonly RoundTrip[];
}

const ATTRIBUTION = "each period return (step i-1 to i) counts for the regime known at step i-1 (the last timeline row at or before it), the regime in force while the position was held; a trade counts for the regime known at its entry fill";

/** Returns the regime known at each time of an increasing `times`: the last timeline row at or before it (null before the first). */
function regimesAsOf(tl: { ts: Float64Array; regimes: (Regime | null)[] }, times: ArrayLike<number>): (Regime | null)[] {
  const out: (Regime | null)[] = new Array(times.length);
  let j = -1;
  for (let i = 0; i < times.length; i++) {
    while (j + 1 < tl.ts.length && tl.ts[j + 1]! <= times[i]!) j++;
    out[i] = j < 0 ? null : tl.regimes[j]!;
  }
  return out;
}

/** Returns the regime known at one time (binary search). */
function regimeAt(tl: { ts: Float64Array; regimes: (Regime | null)[] }, t: number): Regime | null {
  let lo = 0, hi = tl.ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tl.ts[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : tl.regimes[lo - 1]!;
}

function tripStats(trips: readonly RoundTrip[]): RegimeTradeStats {
  const n = trips.length;
  const wins = trips.filter((t) => t.pnl > 0).length, losses = trips.filter((t) => t.pnl < 0).length;
  const pnl = trips.reduce((s, t) => s + t.pnl, 0);
  return { count: n, wins, losses, winRate: n === 0 ? null : wins / n, pnl, averageReturnFraction: n === 0 ? null : trips.reduce((s, t) => s + t.returnFraction, 0) / n };
}

/** Returns the deepest fall of returns compounded back to back (<= 0). */
function compoundedDrawdown(returns: readonly number[]): number {
  let value = 1, peak = 1, worst = 0;
  for (const r of returns) {
    value *= 1 + r;
    if (value > peak) peak = value;
    else worst = Math.min(worst, value / peak - 1);
  }
  return worst;
}

function equityArrays(equity: arrow.Table | EquityCurve): { ts: ArrayLike<number>; equity: ArrayLike<number> } {
  if (equity !== null && typeof (equity as arrow.Table).getChild === "function") {
    const t = (equity as arrow.Table).getChild("ts"), e = (equity as arrow.Table).getChild("equity");
    if (t === null || e === null) invalid("result.equity", "a table without ts and equity columns", "an equity table with ts and equity (result.equity)");
    return { ts: t.toArray() as ArrayLike<number>, equity: e.toArray() as ArrayLike<number> };
  }
  const curve = equity as EquityCurve;
  if (curve === null || typeof curve !== "object" || curve.ts === undefined || curve.equity === undefined) invalid("result.equity", equity, "an Arrow equity table or { ts, equity }");
  return curve;
}

/**
 * Returns a backtest's performance by market regime, as plain JSON-safe data: for each regime (and
 * "warm-up") the periods and their share, the compounded return, annualized return, volatility and
 * Sharpe (null below `minPeriods`, with a note), the maximum drawdown of the regime's returns
 * compounded back to back, and the round trips entered in it (count, win rate, P&L). Attribution: the
 * return from step i-1 to step i counts for the regime known at step i-1, the one in force while the
 * position was held (so a regime never claims the move that revealed it); a trade counts for the
 * regime known at its entry fill. "Known at t" is the last timeline row at or before t (as-of). The
 * caller passes one timeline: in a multi-symbol run, the whole portfolio's returns are attributed to
 * that one symbol's regimes (e.g. the index's). Regime returns multiply to the whole curve's return.
 * @example
 * const report = regimeMetrics(result, gate.regimeHistory("SPX"));
 * report.rows.find((r) => r.regime === "high-volatility")?.sharpe;
 */
export function regimeMetrics(result: RegimeMetricsInput, timeline: RegimeTimeline, options: RegimeMetricsOptions = {}): RegimeMetricsReport {
  if (result === null || typeof result !== "object") invalid("result", result, "a BacktestResult or { equity, tradeList }");
  const curve = equityArrays(result.equity);
  const { ts, returns } = periodReturns(curve.ts, curve.equity);
  const tl = timelineColumns(timeline);
  const riskFreeRate = check.finite("riskFreeRate", options.riskFreeRate ?? 0);
  const minPeriods = check.positiveInteger("minPeriods", options.minPeriods ?? 20);
  const periodsPerYear = options.periodsPerYear === undefined ? (inferPeriodsPerYear(curve.ts) ?? 252) : check.positive("periodsPerYear", options.periodsPerYear);
  const keys: RegimeKey[] = [...REGIMES, "warm-up"];
  const groups = new Map(keys.map((k) => [k, { returns: [] as number[], elapsedMs: 0, trips: [] as RoundTrip[] }]));
  const starts = regimesAsOf(tl, curve.ts);
  for (let i = 0; i < returns.length; i++) {
    const g = groups.get(starts[i] ?? "warm-up")!;
    g.returns.push(returns[i]!);
    g.elapsedMs += ts[i]! - curve.ts[i]!;
  }
  for (const trip of result.tradeList ?? []) groups.get(regimeAt(tl, trip.entryTs) ?? "warm-up")!.trips.push(trip);
  const totalMs = returns.length > 0 ? curve.ts[returns.length]! - curve.ts[0]! : 0;
  const rows = keys.map((regime): RegimeMetricsRow => {
    const g = groups.get(regime)!, n = g.returns.length, notes: string[] = [];
    const finite = allFinite(g.returns);
    if (n === 0) notes.push("no periods in this regime");
    else if (!finite) notes.push("equity was not positive at the start of some period: its return is undefined, so the return statistics are null");
    const total = n > 0 && finite ? g.returns.reduce((v, r) => v * (1 + r), 1) - 1 : null;
    const enough = total !== null && n >= Math.max(2, minPeriods);
    if (total !== null && !enough) notes.push(`${n} period(s) < ${Math.max(2, minPeriods)} (minPeriods): annualized return, volatility and Sharpe are null`);
    const sharpe = enough ? sharpeRatio(g.returns, { periodsPerYear, riskFreeRate }) : null;
    if (enough && sharpe === null) notes.push("zero volatility (returns constant): Sharpe is null");
    return {
      regime, periods: n, periodShare: returns.length > 0 ? n / returns.length : null, timeShare: totalMs > 0 ? g.elapsedMs / totalMs : null,
      elapsedDays: g.elapsedMs / 86_400_000, totalReturn: total,
      annualizedReturn: enough ? annualizedReturn(1, 1 + total!, g.elapsedMs) : null,
      annualizedVolatility: enough ? annualizedVolatility(g.returns, { periodsPerYear }) : null,
      sharpe, maxDrawdown: total === null ? null : compoundedDrawdown(g.returns), trades: tripStats(g.trips), notes,
    };
  });
  const notes = [`attribution: ${ATTRIBUTION}`];
  if (tl.ts.length === 0) notes.push("empty timeline: every period and trade counts as warm-up");
  return jsonSafe({ rows, periods: returns.length, periodsPerYear, riskFreeRate, minPeriods, notes });
}
