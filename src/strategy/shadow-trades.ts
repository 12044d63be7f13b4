import type * as arrow from "apache-arrow";
import { check, invalid } from "../core/check.js";
import type { BarColumns } from "../core/types.js";
import { barColumns, barInfo } from "../data/bar-table.js";
import type { DataHandler } from "../data/data-handler.js";
import type { GateDecision } from "./gate-decision.js";
import { shadowTradeTable, type ShadowTrade } from "./shadow-trade.js";
import { summarizeShadowTrades, type ShadowTradeSummary } from "./shadow-trade-summary.js";

/** Options of {@link shadowTrades}. */
export interface ShadowTradesOptions {
  /** Which price of the fill bar (the symbol's next bar) entries and exits get, as the engine's ExecutionHandler. Default "open". */
  readonly fillAt?: "open" | "close";
}

/** What the withheld entries would have done: the trades (plain objects), the same as an Arrow table, and a summary. */
export interface ShadowTradeReport {
  readonly trades: ShadowTrade[];
  readonly table: arrow.Table;
  readonly summary: ShadowTradeSummary;
}

/** Anything with a regime gate's decision log, e.g. a RegimeGatedStrategy. */
export interface DecisionSource {
  decisions(): readonly GateDecision[];
}

/** Returns the first row of `c` an order decided at `ts` fills on (tsClose after it, and for open fills tsOpen not before it), or -1. */
function fillRow(c: BarColumns, ts: number, open: boolean): number {
  const t = c.tsClose;
  let lo = 0, hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid]! > ts) hi = mid;
    else lo = mid + 1;
  }
  if (open) while (lo < t.length && c.tsOpen[lo]! < ts) lo++;
  return lo < t.length ? lo : -1;
}

/** Returns, for each entry decision, the index of the next decision of its symbol that exits or reverses it (-1 for none). */
function nextExits(decisions: readonly GateDecision[]): Int32Array {
  const out = new Int32Array(decisions.length).fill(-1);
  const seen = new Map<string, { exit: number; long: number; short: number }>();
  for (let k = decisions.length - 1; k >= 0; k--) {
    const d = decisions[k]!;
    let next = seen.get(d.symbol);
    if (next === undefined) seen.set(d.symbol, (next = { exit: -1, long: -1, short: -1 }));
    if (d.direction !== "exit") {
      const opposite = d.direction === "long" ? next.short : next.long;
      out[k] = next.exit < 0 ? opposite : opposite < 0 ? next.exit : Math.min(next.exit, opposite);
    }
    next[d.direction] = k;
  }
  return out;
}

function columnsBySymbol(data: readonly (DataHandler | arrow.Table)[]): Map<string, BarColumns> {
  const out = new Map<string, BarColumns>();
  data.forEach((d, i) => {
    if (d !== null && typeof (d as arrow.Table).getChild === "function") {
      out.set(barInfo(d as arrow.Table).symbol, barColumns(d as arrow.Table));
      return;
    }
    const handler = d as DataHandler;
    if (handler?.columns === undefined) invalid(`data[${i}]`, handler?.symbol ?? handler, "a bar table or a table-backed DataHandler (DataHandler.fromTable)", "shadow trades read bars by row");
    out.set(handler.symbol, handler.columns);
  });
  return out;
}

/**
 * Returns the shadow trades of a regime gate: for each entry signal it withheld ("long" or "short",
 * suppressed, or the entry part of a reversal reduced to an exit), the trade it would have made, from
 * the bar data alone (the engine is not run). Conventions, as the engine's: the entry fills on the
 * symbol's next bar (its open by default; a bar that opened before the decision is skipped), the exit
 * on the bar after the inner strategy's next "exit" or opposite entry for that symbol, passed or
 * withheld; a trade with no such signal, or whose exit signal came on the last bar, closes at the last
 * close ("end-of-data"). MAE/MFE come from the highs and lows of the bars held, as for round trips.
 * Assumptions: one unit, no sizing, no cash limit, no commission or slippage, and each withheld entry
 * on its own (no pyramiding rule, no knowledge of the position the engine actually held). An entry
 * with no later bar makes no trade (counted as `unfilled`).
 * @example
 * const { table, summary } = shadowTrades(gate, [spxTable]);
 * summary.byRegime["trending-down"]?.averageReturn;
 */
export function shadowTrades(source: DecisionSource | readonly GateDecision[], data: readonly (DataHandler | arrow.Table)[], options: ShadowTradesOptions = {}): ShadowTradeReport {
  const open = check.keyword("fillAt", options.fillAt ?? "open", ["open", "close"] as const) === "open";
  const decisions = Array.isArray(source) ? (source as readonly GateDecision[]) : (source as DecisionSource).decisions();
  if (!Array.isArray(decisions)) invalid("source", source, "a RegimeGatedStrategy or its decisions()");
  if (!Array.isArray(data)) invalid("data", data, "an array of bar tables or DataHandlers");
  const bySymbol = columnsBySymbol(data);
  const nextExit = nextExits(decisions);
  const trades: ShadowTrade[] = [];
  let unfilled = 0;
  decisions.forEach((d, k) => {
    if (d.action === "passed" || d.direction === "exit") return;
    const c = bySymbol.get(d.symbol);
    if (c === undefined) invalid("data", [...bySymbol.keys()], `bars of every symbol with withheld entries, including "${d.symbol}"`);
    const entryRow = fillRow(c, d.ts, open);
    if (entryRow < 0) {
      unfilled++;
      return;
    }
    const e = nextExit[k]!;
    const exit = e < 0 ? undefined : decisions[e]!;
    const last = c.tsClose.length - 1;
    const exitRow = exit === undefined ? -1 : fillRow(c, exit.ts, open);
    const bySignal = exitRow >= 0;
    const x = bySignal ? exitRow : last;
    const entryPrice = open ? c.open[entryRow]! : c.close[entryRow]!;
    const exitPrice = bySignal && open ? c.open[x]! : c.close[x]!;
    // Bars whose range counts while open: from the entry bar for open fills (filled before its range),
    // from the bar after for close fills; through the bar before an open exit, or the exit bar itself.
    let high = Math.max(entryPrice, exitPrice), low = Math.min(entryPrice, exitPrice);
    for (let r = open ? entryRow : entryRow + 1; r <= (bySignal && open ? x - 1 : x); r++) {
      if (c.high[r]! > high) high = c.high[r]!;
      if (c.low[r]! < low) low = c.low[r]!;
    }
    const long = d.direction === "long";
    const pnlPerUnit = long ? exitPrice - entryPrice : entryPrice - exitPrice;
    const up = high - entryPrice, down = entryPrice - low;
    trades.push({
      symbol: d.symbol, side: long ? "long" : "short", regime: d.regime, code: d.code ?? "REGIME_NOT_ALLOWED", signalTs: d.ts, reason: d.reason,
      entryTs: open ? c.tsOpen[entryRow]! : c.tsClose[entryRow]!, entryPrice,
      exitSignalTs: bySignal ? exit!.ts : null, exitTs: bySignal && open ? c.tsOpen[x]! : c.tsClose[x]!, exitPrice,
      exitReason: bySignal ? "signal" : "end-of-data",
      returnFraction: pnlPerUnit / entryPrice, pnlPerUnit, barsHeld: x - entryRow, mae: long ? down : up, mfe: long ? up : down,
    });
  });
  return { trades, table: shadowTradeTable(trades), summary: summarizeShadowTrades(trades, unfilled) };
}
