import { check, invalid } from "../core/check.js";
import type { RoundTrip } from "../core/types.js";
import { kellyFraction } from "./kelly-fraction.js";
import { mean } from "./sample-moments.js";
import { systemQualityNumber } from "./system-quality-number.js";

/** Options of tradeStats. */
export interface TradeStatsOptions {
  /**
   * Fewest round trips for the estimates (win rate, profit factor, expectancy, averages, payoff ratio,
   * SQN, Kelly fraction) to be reported rather than null with a note (default 30, the usual rule of
   * thumb for a sample mean to be roughly normal; Tharp asks for at least 30 trades for an SQN). Pass
   * 1 to see them on any sample.
   */
  readonly minTrades?: number;
  /**
   * Returns the amount put at risk when a round trip was opened, in account currency (e.g. quantity ×
   * |entry - initial stop|). When given, R-multiples pnl / risk give `expectancyR` and the SQN. Default:
   * none, R is not computable from a round trip alone and `expectancyR` is null.
   */
  readonly riskPerTrade?: (trip: RoundTrip) => number;
}

/** Statistics of closed round trips. Counts and sums are facts and always given; estimates may be null. */
export interface TradeStats {
  readonly count: number;
  /** Round trips with pnl > 0. */
  readonly wins: number;
  /** Round trips with pnl < 0 (break-even trips count in `count` only). */
  readonly losses: number;
  /** Sum of pnl, net of commissions. */
  readonly netProfit: number;
  /** Sum of the pnl of winning trips, >= 0. */
  readonly grossProfit: number;
  /** Sum of the pnl of losing trips, <= 0. */
  readonly grossLoss: number;
  readonly largestWin: number | null;
  readonly largestLoss: number | null;
  /** Mean bars held per round trip. */
  readonly averageBarsHeld: number | null;
  /** wins / count, 0-1. */
  readonly winRate: number | null;
  /** grossProfit / |grossLoss|; null when no trip lost (unbounded). */
  readonly profitFactor: number | null;
  /** Mean pnl per round trip (account currency). */
  readonly expectancy: number | null;
  /** Mean returnFraction per round trip. */
  readonly averageReturnFraction: number | null;
  /** Mean R-multiple (pnl / initial risk), only with the riskPerTrade option. */
  readonly expectancyR: number | null;
  /** Mean pnl of winning trips, > 0. */
  readonly averageWin: number | null;
  /** Mean pnl of losing trips, < 0. */
  readonly averageLoss: number | null;
  /** averageWin / |averageLoss|. */
  readonly payoffRatio: number | null;
  /** sqrt(N) × mean / std of per-trade R-multiples, or of returnFraction without riskPerTrade (see `sqnBasis`). */
  readonly sqn: number | null;
  readonly sqnBasis: "rMultiple" | "returnFraction";
  /** Full Kelly fraction W - (1 - W) / R from winRate and payoffRatio. */
  readonly kellyFraction: number | null;
}

/**
 * Returns the statistics of closed round trips, with `notes` saying why any estimate is null. The SQN
 * is computed on R-multiples when `riskPerTrade` is given and otherwise on `returnFraction` (pnl over
 * entry notional): both are independent of position size and account growth, which raw pnl is not
 * (see systemQualityNumber). Estimates below `minTrades` round trips (default 30) are null with a note;
 * counts and sums are always given.
 * @see Tharp, V. K. (2007). Trade Your Way to Financial Freedom, 2nd ed. (expectancy, R-multiples, SQN).
 * @see Kelly, J. L. (1956). A New Interpretation of Information Rate. Bell System Technical Journal 35(4).
 * @see Bacon, C. (2008). Practical Portfolio Performance Measurement and Attribution, 2nd ed.
 * @example tradeStats(trips, { minTrades: 10 }).profitFactor
 */
export function tradeStats(trips: readonly RoundTrip[], options: TradeStatsOptions = {}): TradeStats & { readonly notes: string[] } {
  const minTrades = check.nonNegativeInteger("minTrades", options.minTrades ?? 30);
  const n = trips.length;
  const pnl = new Float64Array(n);
  const fractions = new Float64Array(n);
  let wins = 0, losses = 0, grossProfit = 0, grossLoss = 0, bars = 0;
  let largestWin: number | null = null, largestLoss: number | null = null;
  trips.forEach((t, i) => {
    pnl[i] = finiteField(t.pnl, i, "pnl");
    fractions[i] = finiteField(t.returnFraction, i, "returnFraction");
    bars += t.barsHeld;
    if (t.pnl > 0) {
      wins++; grossProfit += t.pnl; largestWin = Math.max(largestWin ?? 0, t.pnl);
    } else if (t.pnl < 0) {
      losses++; grossLoss += t.pnl; largestLoss = Math.min(largestLoss ?? 0, t.pnl);
    }
  });
  const facts = { count: n, wins, losses, netProfit: grossProfit + grossLoss, grossProfit, grossLoss, largestWin, largestLoss, averageBarsHeld: n > 0 ? bars / n : null };
  const r = rMultiples(trips, options.riskPerTrade);
  const sqnBasis = r.values === null ? "returnFraction" as const : "rMultiple" as const;
  const nulls = { winRate: null, profitFactor: null, expectancy: null, averageReturnFraction: null, expectancyR: null, averageWin: null, averageLoss: null, payoffRatio: null, sqn: null, sqnBasis, kellyFraction: null };
  const notes = r.note === null ? [] : [r.note];
  if (n === 0) return { ...facts, ...nulls, notes: ["no round trips: trade statistics are null"] };
  if (n < minTrades) {
    notes.push(`not enough trades: ${n} < ${minTrades} (minTrades) for win rate, profit factor, expectancy, average win/loss, payoff ratio, SQN and Kelly fraction; pass a lower minTrades to see these estimates anyway`);
    return { ...facts, ...nulls, notes };
  }
  const winRate = wins / n;
  const averageWin = wins > 0 ? grossProfit / wins : null;
  const averageLoss = losses > 0 ? grossLoss / losses : null;
  const payoffRatio = averageWin !== null && averageLoss !== null ? finiteOrNull(averageWin / -averageLoss) : null;
  if (losses === 0) notes.push("no losing trades: profit factor, average loss, payoff ratio and Kelly fraction are null (unbounded)");
  if (wins === 0) notes.push("no winning trades: average win, payoff ratio and Kelly fraction are null");
  const sqn = systemQualityNumber(r.values ?? fractions);
  if (sqn === null) notes.push(n < 2 ? `not enough trades: ${n} < 2 for SQN` : `per-trade ${sqnBasis === "rMultiple" ? "R-multiples" : "returnFraction"} do not vary: SQN is null`);
  return {
    ...facts,
    winRate,
    profitFactor: losses > 0 ? finiteOrNull(grossProfit / -grossLoss) : null,
    expectancy: mean(pnl),
    averageReturnFraction: mean(fractions),
    expectancyR: r.values === null ? null : mean(r.values),
    averageWin,
    averageLoss,
    payoffRatio,
    sqn,
    sqnBasis,
    kellyFraction: payoffRatio !== null && payoffRatio > 0 ? kellyFraction(winRate, payoffRatio) : null,
    notes,
  };
}

/** The value, or null when a ratio overflowed (e.g. a loss of 1e-320). */
function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function finiteField(value: number, i: number, field: string): number {
  if (!Number.isFinite(value)) invalid(`roundTrips[${i}].${field}`, String(value), "a finite number");
  return value;
}

/** R-multiples pnl / risk of each trip, or null (with a note when a risk was unusable). */
function rMultiples(trips: readonly RoundTrip[], riskOf: ((trip: RoundTrip) => number) | undefined): { values: Float64Array | null; note: string | null } {
  if (riskOf === undefined || trips.length === 0) return { values: null, note: null };
  const values = new Float64Array(trips.length);
  for (let i = 0; i < trips.length; i++) {
    const risk = riskOf(trips[i]!);
    if (!(typeof risk === "number" && risk > 0 && Number.isFinite(risk))) {
      return { values: null, note: `riskPerTrade gave ${String(risk)} for round trip ${i} (expected a positive amount): expectancyR is null and the SQN uses returnFraction` };
    }
    values[i] = trips[i]!.pnl / risk;
  }
  return { values, note: null };
}
