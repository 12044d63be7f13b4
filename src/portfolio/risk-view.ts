import type { RiskView } from "../risk/risk-context.js";
import type { Portfolio } from "./portfolio.js";
import { portfolioView, type PendingOrders } from "./portfolio-view.js";

/** Where a risk view reads what a portfolio does not hold: the pending orders, stops, peak and clock. */
export interface RiskViewSources extends PendingOrders {
  /** Returns the highest equity marked so far (at a step's end), at least the initial cash. */
  peakEquity(): number;
  /** Returns the time (epoch ms UTC) of the step being decided. */
  now(): number;
}

/**
 * Returns a read-only RiskView of `portfolio`: the PortfolioView (see portfolioView) plus the running
 * peak of equity, the closed round trips, each open position's protective stop and the step's time,
 * read from `sources` when asked. The engine hands the same view to strategies and risk managers. (An
 * object literal on purpose: a view built with defineProperties runs in dictionary mode, which cost the
 * engine benchmark 60 MB of peak memory.)
 * @example
 * const view = riskView(portfolio, { pendingQuantity: () => 0, openOrders: () => [], peakEquity: () => 1e5, now: () => 0 });
 * view.peakEquity; // 100000
 */
export function riskView(portfolio: Portfolio, sources: RiskViewSources): RiskView {
  const p = portfolio, v = portfolioView(portfolio, sources);
  const stopPrice = (symbol: string): number | undefined => {
    const s = p.indexOf(symbol);
    return s < 0 || p.quantity[s] === 0 ? undefined : sources.stopPrice?.(s);
  };
  return Object.freeze({
    get initialCash() { return p.initialCash; },
    get cash() { return p.cash; },
    get equity() { return p.equity; },
    get marketValue() { return p.marketValue; },
    get grossExposure() { return p.grossExposure; },
    symbols: p.symbols,
    quantity: v.quantity,
    averagePrice: v.averagePrice,
    lastPrice: v.lastPrice,
    pendingQuantity: v.pendingQuantity,
    openOrders: v.openOrders,
    position: v.position,
    positions: v.positions,
    get peakEquity() { return sources.peakEquity(); },
    get now() { return sources.now(); },
    closedTrades: () => p.roundTrips,
    stopPrice,
  });
}
