import type { MarketEvent, SignalEvent } from "../engine/events.js";
import type { PortfolioView } from "../portfolio/portfolio-view.js";
import type { Strategy } from "./strategy.js";

/**
 * A strategy that feeds every bar to an inner strategy but drops its signals for bars that close before
 * `tradeFromTs` (epoch ms UTC): the inner strategy's indicators warm up on earlier bars without trading.
 * Walk-forward test windows use it, so that a window's first trades do not wait for its indicators.
 * @example new TradeFromStrategy(new SmaCrossStrategy({ fast: 10, slow: 30 }), Date.UTC(2010, 0, 4))
 */
export class TradeFromStrategy implements Strategy {
  readonly name: string;
  readonly inner: Strategy;
  readonly tradeFromTs: number;

  constructor(inner: Strategy, tradeFromTs: number) {
    this.inner = inner;
    this.tradeFromTs = tradeFromTs;
    this.name = inner.name;
  }

  /** Returns the inner strategy's signals from tradeFromTs on; before it, the inner strategy only sees the bar. */
  calculateSignals(event: MarketEvent, portfolio: PortfolioView): SignalEvent | readonly SignalEvent[] | undefined {
    const out = this.inner.calculateSignals(event, portfolio);
    return event.bar.tsClose < this.tradeFromTs ? undefined : out;
  }

  /** Clears the inner strategy's state. */
  reset(): void {
    this.inner.reset?.();
  }

  /** Returns the inner strategy's ATR of a symbol (the risk manager's stop proxy). */
  currentAtr(symbol: string): number | undefined {
    return this.inner.currentAtr?.(symbol);
  }

  /** Returns the inner strategy's state of a symbol, with the time trading starts. */
  inspect(symbol: string): Record<string, unknown> {
    return { ...(this.inner.inspect?.(symbol) ?? {}), tradeFromTs: this.tradeFromTs };
  }
}
