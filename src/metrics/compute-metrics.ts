import { check } from "../core/check.js";
import { DAY, toIso } from "../core/time.js";
import type { RoundTrip } from "../core/types.js";
import { YEAR_MS, annualizedReturn } from "./annualized-return.js";
import { annualizedVolatility } from "./annualized-volatility.js";
import { calmarRatio } from "./calmar-ratio.js";
import { checkEquityCurve } from "./check-equity-curve.js";
import type { DrawdownSpell } from "./drawdown-spells.js";
import { exposureStats, type ExposureStats } from "./exposure-stats.js";
import { inferPeriodsPerYear } from "./infer-periods-per-year.js";
import { jsonSafe } from "./json-safe.js";
import { longestDrawdown } from "./longest-drawdown.js";
import { maxDrawdown } from "./max-drawdown.js";
import { periodReturns } from "./period-returns.js";
import { sharpeRatio } from "./sharpe-ratio.js";
import { downsideDeviation, sortinoRatio } from "./sortino-ratio.js";
import { tradeStats, type TradeStats, type TradeStatsOptions } from "./trade-stats.js";

/** An equity curve: one point per engine timestamp, intraday or daily. */
export interface EquityCurve {
  /** Epoch ms UTC, strictly increasing. */
  readonly ts: ArrayLike<number>;
  /** Account equity (cash + marked positions) at each timestamp. */
  readonly equity: ArrayLike<number>;
  /** Optional gross position value / equity at each timestamp, 0 when flat; without it `exposure` is null. */
  readonly exposure?: ArrayLike<number>;
}

/**
 * The performance report of a backtest: plain JSON-safe data. Every number is finite: a statistic that
 * is undefined or rests on too small a sample is null, and `notes` says why. Fractions are not percents
 * (0.05 = 5%); times are ISO 8601 UTC strings.
 */
export interface Metrics {
  readonly start: string | null;
  readonly end: string | null;
  /** Points of the equity curve. */
  readonly points: number;
  /** Period returns: points - 1 (0 for an empty curve). */
  readonly periods: number;
  /** Calendar days from the first to the last point. */
  readonly elapsedDays: number;
  /** The annualizing factor used for volatility, Sharpe and Sortino. */
  readonly periodsPerYear: number | null;
  /** Whether periodsPerYear came from the options or was inferred from the timestamps. */
  readonly periodsPerYearSource: "option" | "inferred";
  readonly riskFreeRate: number;
  readonly startEquity: number | null;
  readonly endEquity: number | null;
  /** end / start - 1. */
  readonly totalReturn: number | null;
  /** CAGR over calendar time: (end / start)^(365.25 days / elapsed) - 1. */
  readonly annualizedReturn: number | null;
  /** Sample standard deviation of period returns × sqrt(periodsPerYear). */
  readonly annualizedVolatility: number | null;
  /** Mean excess period return / its standard deviation × sqrt(periodsPerYear). */
  readonly sharpe: number | null;
  /** Mean period return / downside deviation (target 0, over all periods) × sqrt(periodsPerYear). */
  readonly sortino: number | null;
  /** Annualized downside deviation below 0: sqrt(Σ min(0, r)² / N) × sqrt(periodsPerYear). */
  readonly downsideDeviation: number | null;
  /** annualizedReturn / |maxDrawdown|. */
  readonly calmar: number | null;
  /** Deepest fall from a running peak as a fraction, <= 0; 0 when the equity never fell. */
  readonly maxDrawdown: number | null;
  /** The deepest drawdown with its peak, trough, recovery and duration; null without a drawdown. */
  readonly maxDrawdownSpell: DrawdownSpell | null;
  /** The drawdown that lasted longest in calendar time; null without a drawdown. */
  readonly longestDrawdownSpell: DrawdownSpell | null;
  /** Time in the market and average gross exposure; null without an exposure series or with fewer than two points. */
  readonly exposure: ExposureStats | null;
  /** Round-trip statistics; estimates are null below minTrades. */
  readonly trades: TradeStats;
  /** Why each null statistic is null, and caveats (short sample, extrapolated annual return). */
  readonly notes: string[];
}

/** Options of computeMetrics. */
export interface ComputeMetricsOptions extends TradeStatsOptions {
  /**
   * Periods per year for annualizing volatility, Sharpe and Sortino (default: inferred from the
   * timestamps by inferPeriodsPerYear: 252 for daily bars, 52 weekly, 12 monthly, 252 × bars per day
   * intraday). Pass 365 for markets that trade every day.
   */
  readonly periodsPerYear?: number;
  /** Annual risk-free rate for the Sharpe ratio, a fraction (default 0). */
  readonly riskFreeRate?: number;
}

/**
 * Returns the performance report of an equity curve and its closed round trips as plain JSON-safe
 * data (see Metrics): returns, annualized return and volatility, Sharpe, Sortino and Calmar ratios,
 * the deepest and the longest drawdown with their timing, time in the market, and trade statistics.
 * Statistics that are undefined, or rest on too small a sample (fewer than two period returns, fewer
 * than `minTrades` round trips), are null, and `notes` says why. Throws InvalidOptionError for a
 * malformed curve or option.
 * @see Bacon, C. (2008). Practical Portfolio Performance Measurement and Attribution, 2nd ed. Wiley.
 * @example
 * const m = computeMetrics({ ts, equity, exposure }, roundTrips, { riskFreeRate: 0.02 });
 * m.sharpe; m.maxDrawdownSpell?.peakAt; m.notes;
 */
export function computeMetrics(curve: EquityCurve, roundTrips: readonly RoundTrip[] = [], options: ComputeMetricsOptions = {}): Metrics {
  const { ts, equity, exposure } = curve;
  checkEquityCurve(ts, equity, exposure);
  const riskFreeRate = check.finite("riskFreeRate", options.riskFreeRate ?? 0);
  if (options.periodsPerYear !== undefined) check.positive("periodsPerYear", options.periodsPerYear);
  const { notes: tradeNotes, ...trades } = tradeStats(roundTrips, options);
  const n = ts.length;
  const notes: string[] = [];
  const empty = {
    start: null, end: null, points: 0, periods: 0, elapsedDays: 0, periodsPerYear: options.periodsPerYear ?? null,
    periodsPerYearSource: options.periodsPerYear === undefined ? "inferred" as const : "option" as const, riskFreeRate,
    startEquity: null, endEquity: null, totalReturn: null, annualizedReturn: null, annualizedVolatility: null, sharpe: null,
    sortino: null, downsideDeviation: null, calmar: null, maxDrawdown: null, maxDrawdownSpell: null, longestDrawdownSpell: null,
    exposure: null, trades, notes,
  };
  if (n === 0) {
    notes.push("empty equity curve: every statistic of the curve is null", ...tradeNotes);
    return jsonSafe(empty);
  }
  const startEquity = equity[0]!;
  const endEquity = equity[n - 1]!;
  const elapsedMs = ts[n - 1]! - ts[0]!;
  const periodsPerYear = options.periodsPerYear ?? inferPeriodsPerYear(ts);
  const { returns } = periodReturns(ts, equity);
  const positiveStart = startEquity > 0;
  if (!positiveStart) notes.push(`start equity is not positive (${startEquity}): returns, drawdowns and the ratios are null`);
  const cagr = annualizedReturn(startEquity, endEquity, elapsedMs);
  if (positiveStart) notes.push(...returnNotes(n, endEquity, elapsedMs, cagr));
  const usable = positiveStart && returns.length >= 2 && returns.every(Number.isFinite);
  if (positiveStart && returns.length < 2) notes.push(`not enough period returns: ${returns.length} < 2 for volatility, Sharpe and Sortino`);
  if (positiveStart && !returns.every(Number.isFinite)) {
    const at = returns.findIndex((r) => !Number.isFinite(r));
    notes.push(`equity is not positive at ${toIso(ts[at]!)}: period returns from there on are undefined, so volatility, Sharpe and Sortino are null`);
  }
  const ppy = periodsPerYear ?? 252;
  const volatility = usable ? annualizedVolatility(returns, { periodsPerYear: ppy }) : null;
  const sharpe = usable ? sharpeRatio(returns, { periodsPerYear: ppy, riskFreeRate }) : null;
  if (usable && sharpe === null) notes.push("zero volatility (returns constant): Sharpe is null");
  const downside = usable ? downsideDeviation(returns) : null;
  if (downside === 0) notes.push("no period return below 0: downside deviation is 0 and Sortino is null (unbounded)");
  const deepest = positiveStart ? maxDrawdown(ts, equity) : null;
  const maxDd = positiveStart ? (deepest?.depth ?? 0) : null;
  const calmar = calmarRatio(cagr, maxDd);
  if (positiveStart && n >= 2 && deepest === null) notes.push("no drawdown: Calmar is null (unbounded)");
  if (exposure === undefined) notes.push("no exposure series: exposure is null");
  notes.push(...tradeNotes);
  return jsonSafe({
    ...empty,
    start: toIso(ts[0]!),
    end: toIso(ts[n - 1]!),
    points: n,
    periods: n - 1,
    elapsedDays: elapsedMs / DAY,
    periodsPerYear,
    startEquity,
    endEquity,
    totalReturn: positiveStart ? endEquity / startEquity - 1 : null,
    annualizedReturn: cagr,
    annualizedVolatility: volatility,
    sharpe,
    sortino: usable ? sortinoRatio(returns, { periodsPerYear: ppy }) : null,
    downsideDeviation: downside === null ? null : downside * Math.sqrt(ppy),
    calmar,
    maxDrawdown: maxDd,
    maxDrawdownSpell: deepest,
    longestDrawdownSpell: positiveStart ? longestDrawdown(ts, equity) : null,
    exposure: exposure === undefined ? null : exposureStats(ts, exposure),
  });
}

/** Notes on the total and annualized return of a curve that starts positive. */
function returnNotes(n: number, endEquity: number, elapsedMs: number, cagr: number | null): string[] {
  if (n < 2) return ["one point: no elapsed time, so the annualized return is null"];
  if (cagr === null) return [`end equity is negative (${endEquity}): the annualized return is null`];
  if (elapsedMs < YEAR_MS) return [`the annualized return extrapolates ${(elapsedMs / DAY).toFixed(1)} days to a year`];
  return [];
}
