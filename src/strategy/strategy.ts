import type { BarColumns } from "../core/types.js";
import type { MarketEvent, SignalEvent } from "../engine/events.js";
import type { PortfolioView } from "../portfolio/portfolio-view.js";

/**
 * A trading strategy: the engine hands it every market event (one bar of one symbol, after the bar's
 * close) with a read-only view of the portfolio, and it returns the signals it decides on: one, several,
 * or undefined (the common case, which allocates nothing). It keeps its own per-symbol state, bounded in
 * size, and must not read bars it has not been given.
 * @example
 * const everyBar: Strategy = {
 *   name: "always long",
 *   calculateSignals: (event) => createSignal(event, "long", "always"),
 * };
 */
export interface Strategy {
  /** A short description for reports. */
  readonly name: string;
  /** Returns the signals decided after this bar's close, or undefined. */
  calculateSignals(event: MarketEvent, portfolio: PortfolioView): SignalEvent | readonly SignalEvent[] | undefined;
  /**
   * Optional fast path: returns exactly what `calculateSignals` returns for the market event of bar
   * `row` of `columns` (the bars of `symbol`, known at `columns.tsClose[row]`), so the engine need not
   * build a bar and an event object per bar. It may read rows up to `row`, never later ones (that would
   * be look-ahead). `symbolIndex` is the symbol's position in the engine's handlers, fixed for a run (a
   * key for per-symbol state). The engine calls it instead of `calculateSignals` when both come from
   * the same class, so a subclass that overrides only `calculateSignals` keeps the general path.
   */
  calculateSignalsAt?(columns: BarColumns, row: number, symbol: string, symbolIndex: number, portfolio: PortfolioView): SignalEvent | readonly SignalEvent[] | undefined;
  /** Clears all state, so that an engine reset replays the same run. */
  reset?(): void;
  /** Returns the current average true range of a symbol (price units), or undefined while warming up. */
  currentAtr?(symbol: string): number | undefined;
  /** Returns the strategy's state for a symbol as plain JSON-safe data. */
  inspect?(symbol: string): Record<string, unknown>;
}
