import { formatNumber } from "../core/format-number.js";
import { toIso } from "../core/time.js";
import type { EngineEvent } from "./events.js";

/** One event as a table row a person reads: when, what, which symbol, and the gist in words. */
export interface EventRow {
  /** ISO time of the event (UTC). */
  readonly time: string;
  readonly type: EngineEvent["type"];
  readonly symbol: string;
  readonly detail: string;
}

const n = (x: number) => formatNumber(x, 6);

/** Returns the gist of one event in words, e.g. "#3 buy 62 SPX at market (long)". */
export function describeEvent(e: EngineEvent): string {
  switch (e.type) {
    case "market":
      return `bar closed at ${n(e.bar.close)} (open ${n(e.bar.open)}, high ${n(e.bar.high)}, low ${n(e.bar.low)})`;
    case "signal":
      return `${e.direction}${e.strength === 1 ? "" : ` x${n(e.strength)}`}${e.stopPrice === undefined ? "" : `, stop ${n(e.stopPrice)}`}: ${e.reason}`;
    case "order":
      if (e.orderType === "stop") return `#${e.id} ${e.side} ${n(e.quantity)} on stop ${n(e.stopPrice ?? NaN)}, triggered: ${e.reason}`;
      return `#${e.id} ${e.side} ${n(e.quantity)} at market (${e.direction})${e.stopPrice === undefined ? "" : `, stop ${n(e.stopPrice)}`}, for the next bar`;
    case "fill":
      return `#${e.orderId} ${e.side === "buy" ? "bought" : "sold"} ${n(e.quantity)}${e.quantity < e.requestedQuantity ? ` of ${n(e.requestedQuantity)}` : ""} at ${n(e.price)}` +
        `${e.commission > 0 ? `, commission ${n(e.commission)}` : ""}${e.slippage > 0 ? `, slippage ${n(e.slippage)}` : ""}`;
    case "denied":
      return `${e.code}: ${e.message}`;
  }
}

/**
 * Returns events (e.g. a step report's) as rows for a notebook table: ISO time, type, symbol and the
 * gist in words, in the order the engine handled them.
 * @example show(eventRows(engine.stepUntil(until.nextFill()).events))
 */
export function eventRows(events: readonly EngineEvent[]): EventRow[] {
  return events.map((e) => ({ time: toIso(e.ts), type: e.type, symbol: e.symbol, detail: describeEvent(e) }));
}
