import { check, invalid } from "../core/check.js";
import type { OrderEvent } from "../engine/events.js";
import type { RiskView } from "./risk-context.js";

/** Options of {@link PortfolioHeatMonitor}. Heat and risks are fractions of equity (0.06 = 6%). */
export interface PortfolioHeatMonitorOptions {
  /** Most total open risk of the portfolio, in (0, 1]. Default 0.06 (6%, e.g. six positions risking 1% each). */
  readonly maxHeat?: number;
  /** Most open risk of one position, in (0, maxHeat]. Default 0.02 (2%). */
  readonly maxPositionRisk?: number;
  /**
   * Share of a position's market value counted at risk when it has no stop, in [0, 1]. Default 1: without
   * a stop the whole value can be lost, so it counts in full (conservative).
   */
  readonly noStopRiskFraction?: number;
}

/** One position's open risk. `quantity` includes orders waiting to fill; `stopSource` says where its stop came from. */
export interface PositionHeat {
  readonly symbol: string;
  readonly quantity: number;
  readonly lastPrice: number;
  readonly stopPrice: number | null;
  readonly stopSource: "position" | "order" | "none";
  /** Money lost if the stop is hit from the last price: |quantity| x |last - stop| (or the no-stop share of the value). */
  readonly riskAmount: number;
  /** riskAmount / equity, null when equity <= 0. */
  readonly risk: number | null;
  readonly overLimit: boolean;
}

/** The portfolio's open risk now: total and per position, against the limits. JSON-safe. */
export interface PortfolioHeat {
  readonly equity: number;
  readonly riskAmount: number;
  /** riskAmount / equity, null when equity <= 0. */
  readonly heat: number | null;
  readonly maxHeat: number;
  readonly maxPositionRisk: number;
  /** maxHeat - heat, at least 0 (0 when equity <= 0). */
  readonly room: number;
  readonly positions: readonly PositionHeat[];
}

/**
 * Measures portfolio heat, the open risk of all positions as a fraction of equity: the sum over open
 * positions of |quantity| x |last price - stop| / equity. It keeps no state: each call reads the view, so
 * heat follows every fill and every bar by construction. Quantities include orders waiting to fill (a
 * pending entry counts with the stop on its order; a pending exit removes its position), and a position
 * without a stop counts `noStopRiskFraction` of its market value.
 * @see Tharp, V. K. (2007). Trade Your Way to Financial Freedom, 2nd ed. (portfolio heat, total open risk).
 * @example
 * const monitor = new PortfolioHeatMonitor({ maxHeat: 0.06 });
 * monitor.heat(view).heat; // e.g. 0.031
 */
export class PortfolioHeatMonitor {
  readonly maxHeat: number;
  readonly maxPositionRisk: number;
  readonly noStopRiskFraction: number;

  constructor(options: PortfolioHeatMonitorOptions = {}) {
    const maxHeat = options.maxHeat ?? 0.06;
    if (typeof maxHeat !== "number" || !(maxHeat > 0 && maxHeat <= 1)) invalid("maxHeat", maxHeat, "a number in (0, 1]", "pass a fraction of equity, e.g. 0.06 for 6%");
    this.maxHeat = maxHeat;
    const maxPositionRisk = options.maxPositionRisk ?? Math.min(0.02, maxHeat);
    if (typeof maxPositionRisk !== "number" || !(maxPositionRisk > 0 && maxPositionRisk <= maxHeat)) {
      invalid("maxPositionRisk", maxPositionRisk, `a number in (0, maxHeat] = (0, ${maxHeat}]`, "one position cannot risk more than the whole portfolio may");
    }
    this.maxPositionRisk = maxPositionRisk;
    this.noStopRiskFraction = check.fraction("noStopRiskFraction", options.noStopRiskFraction ?? 1);
  }

  /** Returns the heat now, per position (in symbol order) and in total. */
  heat(view: RiskView): PortfolioHeat {
    const equity = view.equity;
    const positions: PositionHeat[] = [];
    let total = 0;
    this.forEachRisk(view, undefined, (p) => {
      total += p.riskAmount;
      positions.push(p);
    });
    const heat = equity > 0 ? total / equity : null;
    return { equity, riskAmount: total, heat, maxHeat: this.maxHeat, maxPositionRisk: this.maxPositionRisk, room: heat === null ? 0 : Math.max(0, this.maxHeat - heat), positions };
  }

  /** Returns the money at risk in every position except `symbol`'s (all of them when undefined). */
  riskAmountExcept(view: RiskView, symbol: string | undefined): number {
    let total = 0;
    this.forEachRisk(view, symbol, (p) => (total += p.riskAmount));
    return total;
  }

  /** Returns the heat if `symbol`'s position were replaced by one risking `riskAmount`, null when equity <= 0. */
  heatAfter(view: RiskView, symbol: string, riskAmount: number): number | null {
    return view.equity > 0 ? (this.riskAmountExcept(view, symbol) + riskAmount) / view.equity : null;
  }

  /** Returns the money a new position in `symbol` may still put at risk under the portfolio maximum (>= 0). */
  room(view: RiskView, symbol: string): number {
    return Math.max(0, this.maxHeat * view.equity - this.riskAmountExcept(view, symbol));
  }

  private forEachRisk(view: RiskView, skip: string | undefined, visit: (p: PositionHeat) => void): void {
    const equity = view.equity;
    let pending: OrderEvent[] | undefined;
    for (const symbol of view.symbols) {
      if (symbol === skip) continue;
      const waiting = view.pendingQuantity(symbol);
      const quantity = view.quantity(symbol) + waiting;
      const lastPrice = view.lastPrice(symbol);
      if (quantity === 0 || lastPrice === undefined) continue;
      let stopPrice: number | undefined, stopSource: PositionHeat["stopSource"] = "none";
      if (waiting !== 0) {
        pending ??= view.openOrders();
        const entry = lastEntry(pending, symbol);
        if (entry?.stopPrice !== undefined) [stopPrice, stopSource] = [entry.stopPrice, "order"];
      } else {
        stopPrice = view.stopPrice(symbol);
        if (stopPrice !== undefined) stopSource = "position";
      }
      const size = Math.abs(quantity);
      const riskAmount = stopPrice === undefined ? size * lastPrice * this.noStopRiskFraction : size * Math.abs(lastPrice - stopPrice);
      const risk = equity > 0 ? riskAmount / equity : null;
      visit({ symbol, quantity, lastPrice, stopPrice: stopPrice ?? null, stopSource, riskAmount, risk, overLimit: risk === null || risk > this.maxPositionRisk });
    }
  }
}

function lastEntry(orders: readonly OrderEvent[], symbol: string): OrderEvent | undefined {
  for (let i = orders.length - 1; i >= 0; i--) {
    const o = orders[i]!;
    if (o.symbol === symbol && o.direction !== "exit") return o;
  }
  return undefined;
}
