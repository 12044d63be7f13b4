import * as arrow from "apache-arrow";
import { dictionaryVector, float64Vector } from "../core/arrow-vectors.js";
import type { DataHandler } from "../data/data-handler.js";
import { MergeCursor } from "../data/merge-bars.js";
import { RowStore } from "./row-store.js";

/**
 * The per-symbol curves of a run (one row per bar: symbol, ts, position, close, pnl) kept as the few
 * changes that make them, not as a row per bar: a symbol's position, average price and realized P&L
 * change only at its own fills, and its close is in its bar columns. The engine logs a change after a
 * symbol's fills; `toTable()` replays the bars in merge order and rebuilds the rows exactly as if each
 * had been recorded after its step's marks (pnl = realized + quantity x (close - average price)).
 * @example
 * log.change(barIndex, s, quantity, averagePrice, realizedPnl);
 * const table = log.toTable(symbols, handlers, bars);
 */
export class SymbolCurveLog {
  /** Per change: fromBar, symbol, quantity, averagePrice, realizedPnl. */
  private readonly changes = new RowStore(5);

  /** The number of changes logged. */
  get length(): number {
    return this.changes.length;
  }

  /**
   * Logs the state of symbol `s` from bar `fromBar` on (the index, in merge order, of the first bar of
   * the step whose fills made it), until its next change.
   */
  change(fromBar: number, s: number, quantity: number, averagePrice: number, realizedPnl: number): void {
    const store = this.changes, o = store.append(), c = store.chunk;
    c[o] = fromBar;
    c[o + 1] = s;
    c[o + 2] = quantity;
    c[o + 3] = averagePrice;
    c[o + 4] = realizedPnl;
  }

  /**
   * Returns the curves of the first `bars` bars of the merge of `handlers` as an Arrow table: symbol
   * (dictionary), ts (the bar's tsClose, epoch ms UTC), position, close and pnl (realized +
   * unrealized), using the first `changes` changes (the log as it was then).
   */
  toTable(symbols: readonly string[], handlers: readonly DataHandler[], bars: number, changes = this.length): arrow.Table {
    const k = symbols.length;
    const q = new Float64Array(k), average = new Float64Array(k), realized = new Float64Array(k);
    const log = this.changes;
    const columns = handlers.map((h) => h.columns!);
    const symbol = new Int32Array(bars), ts = new Float64Array(bars), position = new Float64Array(bars), close = new Float64Array(bars), pnl = new Float64Array(bars);
    const cursor = new MergeCursor(handlers);
    let next = 0;
    for (let i = 0; i < bars; i++) {
      const s = cursor.next();
      if (s < 0) break;
      const row = cursor.row;
      for (; next < changes && log.get(next, 0) <= i; next++) {
        const c = log.get(next, 1);
        q[c] = log.get(next, 2);
        average[c] = log.get(next, 3);
        realized[c] = log.get(next, 4);
      }
      const x = columns[s]!.close[row]!, held = q[s]!;
      symbol[i] = s;
      ts[i] = columns[s]!.tsClose[row]!;
      position[i] = held;
      close[i] = x;
      pnl[i] = realized[s]! + (held === 0 ? 0 : held * (x - average[s]!));
    }
    return new arrow.Table({
      symbol: dictionaryVector(symbol, symbols),
      ts: float64Vector(ts),
      position: float64Vector(position),
      close: float64Vector(close),
      pnl: float64Vector(pnl),
    });
  }
}
