import type { MarketEvent, SignalEvent } from "../engine/events.js";
import { createSignal } from "./create-signal.js";
import type { Strategy } from "./strategy.js";
import { SymbolState } from "./symbol-state.js";

/**
 * The benchmark: signals "long" once per symbol, after its first bar, and never exits. The size comes
 * from the risk manager; for a fully invested benchmark over k symbols pair it with
 * `new FixedFractionRisk({ fraction: 0.99 / k })` (the margin leaves room for a gap at the open).
 * @example
 * const benchmark = new BacktestEngine({ handlers, strategy: new BuyAndHoldStrategy(), riskManager: new FixedFractionRisk({ fraction: 0.99 }) });
 */
export class BuyAndHoldStrategy implements Strategy {
  readonly name = "buy and hold";
  private readonly entered = new SymbolState(() => ({ done: false }));

  /** Returns "long" on a symbol's first bar, else undefined. */
  calculateSignals(event: MarketEvent): SignalEvent | undefined {
    const state = this.entered.get(event.symbol);
    if (state.done) return undefined;
    state.done = true;
    return createSignal(event, "long", "buy and hold: first bar");
  }

  /** Returns whether the symbol has been bought. */
  inspect(symbol: string): Record<string, unknown> {
    return { symbol, entered: this.entered.peek(symbol)?.done ?? false };
  }

  /** Forgets which symbols were bought. */
  reset(): void {
    this.entered.clear();
  }
}
