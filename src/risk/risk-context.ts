import type { RoundTrip } from "../core/types.js";
import type { PortfolioView } from "../portfolio/portfolio-view.js";

/**
 * What the engine tells a risk manager once, before the first bar (`riskManager.attach(context)`):
 * the symbols in handler order, each symbol's exchange time zone (a trading day is a local date
 * there), and the strategy's current ATR per symbol for stop distances when a signal carries no stop.
 */
export interface RiskContext {
  readonly symbols: readonly string[];
  /** IANA zone of each symbol, by symbol. */
  readonly timeZones: Readonly<Record<string, string>>;
  /** The strategy's average true range for the symbol now, or undefined when it has none (yet). */
  currentAtr(symbol: string): number | undefined;
}

/**
 * The read-only portfolio a risk manager sizes against: the PortfolioView plus what risk needs that
 * strategies rarely do: the equity's running peak, the closed round trips (for Kelly estimates), and
 * the protective stop of each open position.
 */
export interface RiskView extends PortfolioView {
  /** The highest equity marked so far (at a step's end), at least the initial cash. */
  readonly peakEquity: number;
  /** Round trips closed so far, oldest first. Do not change them. */
  closedTrades(): readonly RoundTrip[];
  /** The protective stop of the open position in `symbol`, or undefined when flat or without a stop. */
  stopPrice(symbol: string): number | undefined;
  /** The time (epoch ms UTC) of the step being decided: the close of the bar that produced the signal. */
  readonly now: number;
}
