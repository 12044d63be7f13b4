/** Where a stop distance came from: the signal's own stop, or `atr x stopMult` when it had none. */
export type StopSource = "strategy" | "atr-proxy";

/** A protective stop for a new position: its price, its distance from the reference price and its source. */
export interface StopPlan {
  readonly ok: true;
  readonly source: StopSource;
  /** Price units between the reference price and the stop, > 0. */
  readonly distance: number;
  readonly stopPrice: number;
  /** The ATR used (atr-proxy only), else null. */
  readonly atr: number | null;
  readonly stopMult: number | null;
}

/** Why no stop could be set: STOP_WRONG_SIDE or NO_STOP_DISTANCE, with the numbers. */
export interface StopDenial {
  readonly ok: false;
  readonly code: "STOP_WRONG_SIDE" | "NO_STOP_DISTANCE";
  readonly message: string;
  readonly details: Readonly<Record<string, number | string>>;
}

/**
 * Returns the protective stop of a new long or short entry at the reference `price` (the last close): the
 * signal's `stopPrice` when given (source "strategy"; it must lie below the price for a long and above it
 * for a short, else STOP_WRONG_SIDE), otherwise `price -/+ atr x stopMult` (source "atr-proxy"; without a
 * positive ATR, NO_STOP_DISTANCE).
 * @example
 * stopDistance("A", "long", 100, undefined, 1.5, 2); // { ok: true, source: "atr-proxy", distance: 3, stopPrice: 97, ... }
 */
export function stopDistance(symbol: string, direction: "long" | "short", price: number, signalStop: number | undefined, atr: number | undefined, stopMult: number): StopPlan | StopDenial {
  const sign = direction === "long" ? 1 : -1;
  if (signalStop !== undefined) {
    const distance = sign * (price - signalStop);
    if (!(distance > 0 && Number.isFinite(distance) && signalStop > 0)) {
      const side = direction === "long" ? "below" : "above";
      return {
        ok: false, code: "STOP_WRONG_SIDE",
        message: `${direction} signal for ${symbol} denied: its stop ${String(signalStop)} is not ${side} the price ${price} (a ${direction} stop must be ${side} it, and positive)`,
        details: { symbol, price, stopPrice: Number.isFinite(signalStop) ? signalStop : String(signalStop) },
      };
    }
    return { ok: true, source: "strategy", distance, stopPrice: signalStop, atr: null, stopMult: null };
  }
  if (atr === undefined || !(atr > 0 && Number.isFinite(atr))) {
    return {
      ok: false, code: "NO_STOP_DISTANCE",
      message: `${direction} signal for ${symbol} denied: no stop distance (the signal has no stopPrice and the ATR is ${String(atr)}); give signals a stopPrice, or wait for the strategy's ATR to warm up`,
      details: { symbol, price, atr: atr === undefined ? "none" : String(atr), stopMult },
    };
  }
  const distance = atr * stopMult;
  return { ok: true, source: "atr-proxy", distance, stopPrice: price - sign * distance, atr, stopMult };
}
