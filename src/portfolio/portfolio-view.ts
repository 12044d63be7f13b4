import { toIso } from "../core/time.js";
import type { OrderEvent } from "../engine/events.js";
import type { Portfolio } from "./portfolio.js";

/** One open position as plain data. Money in account currency; `openedAt` is ISO 8601 UTC. */
export interface PositionSnapshot {
  readonly symbol: string;
  /** Signed quantity: negative is short. */
  readonly quantity: number;
  readonly averagePrice: number;
  readonly lastPrice: number;
  /** quantity x lastPrice. */
  readonly marketValue: number;
  /** quantity x (lastPrice - averagePrice). */
  readonly unrealizedPnl: number;
  /** Gross P&L of the symbol's closed quantity minus every commission paid on the symbol. */
  readonly realizedPnl: number;
  /** When the position was entered (its first fill since it was flat). */
  readonly openedAt: string;
  /** The protective stop of the position (price units); absent when it has none. */
  readonly stopPrice?: number;
}

/**
 * A read-only look at the portfolio, handed to strategies and risk managers (the nautilus "facade"):
 * they can read cash, equity, positions and pending orders but cannot change them. Lookups by an
 * unknown symbol give 0 or undefined.
 */
export interface PortfolioView {
  readonly initialCash: number;
  readonly cash: number;
  /** Cash plus the marked positions. */
  readonly equity: number;
  /** Sum of quantity x last price (shorts negative). */
  readonly marketValue: number;
  /** Sum of |quantity x last price|. */
  readonly grossExposure: number;
  readonly symbols: readonly string[];
  /** Returns the signed quantity held (0 when flat). */
  quantity(symbol: string): number;
  /** Returns the average entry price (0 when flat). */
  averagePrice(symbol: string): number;
  /** Returns the last mark (the last close, or the last fill's market price), undefined before the first bar. */
  lastPrice(symbol: string): number | undefined;
  /** Returns the signed quantity of orders waiting to fill (buys positive). */
  pendingQuantity(symbol: string): number;
  /** Returns the orders waiting to fill, oldest first. */
  openOrders(): OrderEvent[];
  /** Returns a symbol's open position as plain data, or undefined when flat. */
  position(symbol: string): PositionSnapshot | undefined;
  /** Returns every open position as plain data, in symbol order. */
  positions(): PositionSnapshot[];
}

/** Where a view reads the pending orders from, and the positions' protective stops (optional). */
export interface PendingOrders {
  pendingQuantity(s: number): number;
  openOrders(): OrderEvent[];
  /** Returns the protective stop of symbol `s`'s position, or undefined. Default: no stops. */
  stopPrice?(s: number): number | undefined;
}

const NO_ORDERS: PendingOrders = { pendingQuantity: () => 0, openOrders: () => [] };

/**
 * Returns a read-only view of `portfolio` (and of the engine's pending orders, when given).
 * @example
 * const view = portfolioView(portfolio);
 * view.quantity("SPX"); // 0
 */
export function portfolioView(portfolio: Portfolio, orders: PendingOrders = NO_ORDERS): PortfolioView {
  const p = portfolio;
  const snapshot = (s: number): PositionSnapshot | undefined => {
    const quantity = p.quantity[s]!;
    if (quantity === 0) return undefined;
    const lastPrice = p.lastPrice[s]!;
    const stopPrice = orders.stopPrice?.(s);
    const position: PositionSnapshot = {
      symbol: p.symbols[s]!,
      quantity,
      averagePrice: p.averagePrice[s]!,
      lastPrice,
      marketValue: quantity * lastPrice,
      unrealizedPnl: p.unrealizedPnl(s),
      realizedPnl: p.realizedPnl[s]!,
      openedAt: toIso(p.openedAt(s)!),
    };
    return stopPrice === undefined ? position : { ...position, stopPrice };
  };
  return Object.freeze({
    get initialCash() { return p.initialCash; },
    get cash() { return p.cash; },
    get equity() { return p.equity; },
    get marketValue() { return p.marketValue; },
    get grossExposure() { return p.grossExposure; },
    symbols: p.symbols,
    quantity: (symbol: string) => { const s = p.indexOf(symbol); return s < 0 ? 0 : p.quantity[s]!; },
    averagePrice: (symbol: string) => { const s = p.indexOf(symbol); return s < 0 ? 0 : p.averagePrice[s]!; },
    lastPrice: (symbol: string) => {
      const s = p.indexOf(symbol);
      const last = s < 0 ? Number.NaN : p.lastPrice[s]!;
      return last === last ? last : undefined;
    },
    pendingQuantity: (symbol: string) => { const s = p.indexOf(symbol); return s < 0 ? 0 : orders.pendingQuantity(s); },
    openOrders: () => orders.openOrders(),
    position: (symbol: string) => { const s = p.indexOf(symbol); return s < 0 ? undefined : snapshot(s); },
    positions: () => {
      const out: PositionSnapshot[] = [];
      for (let s = 0; s < p.symbols.length; s++) {
        const position = snapshot(s);
        if (position !== undefined) out.push(position);
      }
      return out;
    },
  });
}
