import { jsonSafe } from "../metrics/json-safe.js";
import type { ShadowTrade } from "./shadow-trade.js";

/** Statistics of a set of shadow trades (per unit, no costs). */
export interface ShadowTradeStats {
  readonly count: number;
  /** Trades with a return > 0, and < 0 (break-even trades count in `count` only). */
  readonly wins: number;
  readonly losses: number;
  /** wins / count; null without trades. */
  readonly winRate: number | null;
  /** Mean returnFraction; null without trades. */
  readonly averageReturn: number | null;
  readonly bestReturn: number | null;
  readonly worstReturn: number | null;
  readonly averageBarsHeld: number | null;
}

/** What the withheld entries would have done, overall and by the regime they were withheld in ("warm-up" for none). */
export interface ShadowTradeSummary extends ShadowTradeStats {
  /** Trades still open at the end of the data, closed at the last close. */
  readonly endOfData: number;
  /** Withheld entries with no later bar of their symbol to enter on (no trade). */
  readonly unfilled: number;
  readonly byRegime: Readonly<Record<string, ShadowTradeStats>>;
}

/** Returns the statistics of shadow trades. */
function stats(trades: readonly ShadowTrade[]): ShadowTradeStats {
  const n = trades.length;
  let wins = 0, losses = 0, sum = 0, bars = 0, best = -Infinity, worst = Infinity;
  for (const t of trades) {
    if (t.returnFraction > 0) wins++;
    else if (t.returnFraction < 0) losses++;
    sum += t.returnFraction;
    bars += t.barsHeld;
    best = Math.max(best, t.returnFraction);
    worst = Math.min(worst, t.returnFraction);
  }
  if (n === 0) return { count: 0, wins: 0, losses: 0, winRate: null, averageReturn: null, bestReturn: null, worstReturn: null, averageBarsHeld: null };
  return { count: n, wins, losses, winRate: wins / n, averageReturn: sum / n, bestReturn: best, worstReturn: worst, averageBarsHeld: bars / n };
}

/**
 * Returns the summary of shadow trades as plain JSON-safe data: count, wins, losses, win rate, mean,
 * best and worst return and mean bars held, overall and by regime, with the trades closed by the end of
 * the data and the entries that had no bar to enter on.
 * @example summarizeShadowTrades(report.trades, 0).byRegime["trending-down"]?.averageReturn
 */
export function summarizeShadowTrades(trades: readonly ShadowTrade[], unfilled: number): ShadowTradeSummary {
  const groups = new Map<string, ShadowTrade[]>();
  for (const t of trades) {
    const key = t.regime ?? "warm-up";
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [t]);
    else group.push(t);
  }
  const byRegime: Record<string, ShadowTradeStats> = {};
  for (const [key, group] of groups) byRegime[key] = stats(group);
  return jsonSafe({ ...stats(trades), endOfData: trades.filter((t) => t.exitReason === "end-of-data").length, unfilled, byRegime });
}
