import type { RoundTrip } from "../core/types.js";
import type { PortfolioView } from "../portfolio/portfolio-view.js";
import type { RiskView } from "./risk-context.js";

const NO_TRIPS: readonly RoundTrip[] = Object.freeze([]);

/** True when the view carries what a RiskView adds to a PortfolioView. */
export function isRiskView(view: PortfolioView): view is RiskView {
  const v = view as Partial<RiskView>;
  return typeof v.peakEquity === "number" && typeof v.closedTrades === "function" && typeof v.stopPrice === "function" && typeof v.now === "number";
}

/**
 * Returns `view` when it is a RiskView, else a RiskView over it for engines that hand risk a plain
 * PortfolioView: the peak is `peakEquity` (e.g. the highest equity seen at earlier decisions), there are no
 * closed trades, an open position's stop is `stopOf(symbol)` (e.g. the stop its entry was approved with)
 * and `now` is `now`.
 * @example asRiskView(view, Math.max(view.initialCash, view.equity), signal.ts).peakEquity;
 */
export function asRiskView(view: PortfolioView, peakEquity: number, now: number, stopOf: (symbol: string) => number | undefined = () => undefined): RiskView {
  if (isRiskView(view)) return view;
  return {
    get initialCash() { return view.initialCash; },
    get cash() { return view.cash; },
    get equity() { return view.equity; },
    get marketValue() { return view.marketValue; },
    get grossExposure() { return view.grossExposure; },
    get symbols() { return view.symbols; },
    quantity: (symbol) => view.quantity(symbol),
    averagePrice: (symbol) => view.averagePrice(symbol),
    lastPrice: (symbol) => view.lastPrice(symbol),
    pendingQuantity: (symbol) => view.pendingQuantity(symbol),
    openOrders: () => view.openOrders(),
    position: (symbol) => view.position(symbol),
    positions: () => view.positions(),
    peakEquity: Math.max(peakEquity, view.equity),
    closedTrades: () => NO_TRIPS,
    stopPrice: (symbol) => (view.quantity(symbol) === 0 ? undefined : stopOf(symbol)),
    now,
  };
}
