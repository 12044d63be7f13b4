import type { BarColumns } from "../core/types.js";
import type { Portfolio } from "../portfolio/portfolio.js";

/**
 * The excursion ranges (MAE/MFE) of the open positions, caught up at each symbol's fills instead of
 * bar by bar: it returns nothing, and tells the portfolio the bar rows a symbol's position was held over
 * since the last catch-up (Portfolio.holdRows, which reads their highs and lows when the round trip is
 * read). The position is the same over all of them, since only the symbol's own fills change it, and a
 * max and a min come out the same either way. It keeps, per symbol, the first row not added yet.
 * @example
 * const ranges = new ExcursionCatchUp(columns, portfolio);
 * ranges.catchUp(s, row); // before a fill on bar `row` (fills at the open)
 */
export class ExcursionCatchUp {
  private readonly portfolio: Portfolio;
  /** Per symbol, the first row whose high and low have not been added to its position's range yet. */
  private readonly nextRow: Int32Array;

  constructor(columns: readonly BarColumns[], portfolio: Portfolio) {
    this.portfolio = portfolio;
    this.nextRow = new Int32Array(columns.length);
  }

  /**
   * Adds the bars of symbol `s` from the last catch-up up to row `end` (exclusive) to its position's
   * range (nothing when flat). With fills at the open, a bar is observed after its fills (with the
   * position they leave), so the engine passes the fill bar's row; with fills at the close, before them
   * (row + 1).
   */
  catchUp(s: number, end: number): void {
    const from = this.nextRow[s]!;
    this.nextRow[s] = end;
    if (end <= from || this.portfolio.quantity[s] === 0) return;
    this.portfolio.holdRows(s, from, end);
  }
}
