import { check, invalid } from "../core/check.js";
import type { RoundTrip } from "../core/types.js";
import { tradeStats } from "../metrics/trade-stats.js";

/** What the Kelly sizer does when the estimated edge f* is 0 or negative. */
export type NonPositiveEdgePolicy = "floor" | "deny";

/** Options of {@link KellyPositionSizer}. Risk fractions are fractions of equity put at risk (0.01 = 1%). */
export interface KellyPositionSizerOptions {
  /** Multiple of the Kelly fraction f* to risk, in (0, 1]. Default 0.5 (half Kelly: about 3/4 of the growth for half the volatility). */
  readonly fraction?: number;
  /** Most equity at risk per trade, in (0, 1]. Default 0.02 (2%, the usual practitioners' cap). */
  readonly maxRiskFraction?: number;
  /** Closed round trips needed before the estimate is trusted, integer >= 1. Default 30 (the usual sample size for a mean). */
  readonly minTrades?: number;
  /** Fixed-fractional risk while fewer than minTrades trips are closed, in (0, maxRiskFraction]. Default 0.01 (1%). */
  readonly baseRiskFraction?: number;
  /**
   * What a trusted estimate with f* <= 0 does: "floor" risks `floorRiskFraction` (a small probe that keeps
   * trades, and so the estimate, coming), "deny" refuses new entries with NEGATIVE_EDGE (which can lock a
   * run out for good: without new trades the estimate never changes). Default "floor".
   */
  readonly onNonPositiveEdge?: NonPositiveEdgePolicy;
  /**
   * Least risk of a trusted estimate, in [0, maxRiskFraction]: what f* <= 0 risks under "floor", and the
   * minimum for a small positive edge too, so a negative edge never gets more than a positive one.
   * Default 0.0025 (0.25%, a quarter of the base).
   */
  readonly floorRiskFraction?: number;
}

/** How the sizer chose the risk fraction, with the estimate behind it; JSON-safe (null for "none"). */
export interface KellySizing {
  /** "base" before minTrades, "kelly" for a trusted positive edge, "floor" or "deny" for f* <= 0. */
  readonly method: "base" | "kelly" | "floor" | "deny";
  readonly trades: number;
  readonly minTrades: number;
  readonly trusted: boolean;
  /** Wins / trades (0-1), null without trades. */
  readonly winRate: number | null;
  /** Average win / |average loss|, null without a win or without a loss. */
  readonly payoffRatio: number | null;
  /** Full Kelly f* = W - (1 - W) / R (W when no trip lost), null without a winning trip. */
  readonly rawKelly: number | null;
  readonly edge: "positive" | "non-positive" | "unknown";
  readonly fraction: number;
  readonly cap: number;
  readonly floor: number;
  readonly baseRiskFraction: number;
  /** Fraction of equity to put at risk on the next entry (0 when denied). */
  readonly riskFraction: number;
  readonly note: string;
}

/**
 * Sizes risk from closed round trips with the Kelly criterion f* = W - (1 - W) / R: `size(trips)` returns
 * the fraction of equity to put at risk (not the position's value) as `fraction x f*`, between the floor and
 * the cap; a fixed base risk until `minTrades` trips are closed; and for f* <= 0 never more than the floor
 * (or a denial, see `onNonPositiveEdge`). Win rate and payoff ratio come from tradeStats (break-even trips
 * count as trades, not as wins or losses).
 * @see Kelly, J. L. (1956). A New Interpretation of Information Rate. Bell System Technical Journal 35(4).
 * @see Thorp, E. O. (2006). The Kelly Criterion in Blackjack, Sports Betting and the Stock Market (fractional Kelly).
 * @example
 * new KellyPositionSizer().size(trips).riskFraction; // e.g. 0.5 x 0.25 = 0.125, capped at 0.02
 */
export class KellyPositionSizer {
  readonly fraction: number;
  readonly maxRiskFraction: number;
  readonly minTrades: number;
  readonly baseRiskFraction: number;
  readonly onNonPositiveEdge: NonPositiveEdgePolicy;
  readonly floorRiskFraction: number;
  private cache: { n: number; last: RoundTrip | undefined; sizing: KellySizing } | undefined;

  constructor(options: KellyPositionSizerOptions = {}) {
    this.fraction = inUnit("fraction", options.fraction ?? 0.5, "use 0.5 for half Kelly");
    this.maxRiskFraction = inUnit("maxRiskFraction", options.maxRiskFraction ?? 0.02, "pass a fraction of equity, e.g. 0.02 for 2%");
    this.minTrades = check.positiveInteger("minTrades", options.minTrades ?? 30);
    const cap = this.maxRiskFraction;
    const base = options.baseRiskFraction ?? Math.min(0.01, cap);
    if (typeof base !== "number" || !(base > 0 && base <= cap)) invalid("baseRiskFraction", base, `a number in (0, maxRiskFraction] = (0, ${cap}]`, "pass e.g. 0.01 for 1%, or raise maxRiskFraction");
    this.baseRiskFraction = base;
    this.onNonPositiveEdge = check.keyword("onNonPositiveEdge", options.onNonPositiveEdge ?? "floor", ["floor", "deny"]);
    const floor = options.floorRiskFraction ?? Math.min(0.0025, cap);
    if (typeof floor !== "number" || !(floor >= 0 && floor <= cap)) invalid("floorRiskFraction", floor, `a number in [0, maxRiskFraction] = [0, ${cap}]`, "pass e.g. 0.0025 for 0.25%");
    this.floorRiskFraction = floor;
  }

  /** Returns the risk fraction for the next entry and the estimate behind it (cached while `trips` has not grown). */
  size(trips: readonly RoundTrip[]): KellySizing {
    const n = trips.length, last = trips[n - 1], c = this.cache;
    if (c !== undefined && c.n === n && c.last === last) return c.sizing;
    const sizing = this.estimate(trips);
    this.cache = { n, last, sizing };
    return sizing;
  }

  private estimate(trips: readonly RoundTrip[]): KellySizing {
    const n = trips.length;
    const stats = tradeStats(trips, { minTrades: 1 });
    const winRate = stats.winRate;
    const rawKelly = stats.wins === 0 ? null : stats.losses === 0 ? winRate : stats.kellyFraction;
    const edge = rawKelly === null ? (n === 0 ? "unknown" : "non-positive") : rawKelly > 0 ? "positive" : "non-positive";
    const common = { trades: n, minTrades: this.minTrades, winRate, payoffRatio: stats.payoffRatio, rawKelly, edge, fraction: this.fraction, cap: this.maxRiskFraction, floor: this.floorRiskFraction, baseRiskFraction: this.baseRiskFraction } as const;
    if (n < this.minTrades) {
      return { method: "base", trusted: false, ...common, riskFraction: this.baseRiskFraction, note: `${n} of ${this.minTrades} closed trades: fixed-fractional base risk until the estimate is trusted` };
    }
    if (rawKelly === null || rawKelly <= 0) {
      const why = rawKelly === null ? "no winning trade" : `f* = ${round(rawKelly)} <= 0`;
      return this.onNonPositiveEdge === "deny"
        ? { method: "deny", trusted: true, ...common, riskFraction: 0, note: `${why}: no edge, new entries refused (onNonPositiveEdge "deny")` }
        : { method: "floor", trusted: true, ...common, riskFraction: this.floorRiskFraction, note: `${why}: no edge, floor risk only (onNonPositiveEdge "floor")` };
    }
    const scaled = this.fraction * rawKelly;
    const riskFraction = Math.min(this.maxRiskFraction, Math.max(this.floorRiskFraction, scaled));
    const bound = riskFraction === this.maxRiskFraction && scaled > riskFraction ? ", capped" : riskFraction > scaled ? ", raised to the floor" : "";
    return { method: "kelly", trusted: true, ...common, riskFraction, note: `${this.fraction} x f* ${round(rawKelly)} = ${round(scaled)}${bound}` };
  }
}

function inUnit(name: string, value: unknown, hint: string): number {
  if (typeof value !== "number" || !(value > 0 && value <= 1)) invalid(name, value, "a number in (0, 1]", hint);
  return value;
}

const round = (x: number): string => String(Math.round(x * 1e6) / 1e6);
