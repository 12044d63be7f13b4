import { check } from "../core/check.js";
import type { MarketEvent, SignalDirection, SignalEvent } from "../engine/events.js";

/** Options of {@link createSignal}. */
export interface CreateSignalOptions {
  /** Symbol the signal is for. Default: the market event's symbol. */
  readonly symbol?: string;
  /** Conviction in [0, 1], which scales the risk manager's size. Default 1. */
  readonly strength?: number;
  /** Protective stop in price units, for risk managers that size by stop distance. Default none. */
  readonly stopPrice?: number;
}

/**
 * Returns a signal stamped with the market event's time, so a strategy's decision is tied to the bar
 * it was made after.
 * @example
 * return createSignal(event, "long", "fast SMA crossed above slow SMA");
 */
export function createSignal(event: MarketEvent, direction: SignalDirection, reason: string, options?: CreateSignalOptions): SignalEvent {
  if (options === undefined) return { type: "signal", ts: event.ts, symbol: event.symbol, direction, strength: 1, reason };
  const strength = options.strength === undefined ? 1 : check.fraction("strength", options.strength);
  const symbol = options.symbol ?? event.symbol;
  if (options.stopPrice === undefined) return { type: "signal", ts: event.ts, symbol, direction, strength, reason };
  return { type: "signal", ts: event.ts, symbol, direction, strength, stopPrice: check.positive("stopPrice", options.stopPrice), reason };
}
