import type { Bar } from "../core/types.js";
import type { PositionSnapshot } from "../portfolio/portfolio-view.js";
import type { EngineEvent, OrderEvent } from "./events.js";

/**
 * Where a backtest stands between steps, as plain JSON-safe data: `ts` is the ISO time of the last step
 * (null before the first), money is in account currency, `lastBars` maps each symbol to its latest bar.
 */
export interface EngineSnapshot {
  readonly ts: string | null;
  /** Steps (timestamps) and bars consumed so far, of `totalBars`. */
  readonly steps: number;
  readonly bars: number;
  readonly totalBars: number;
  readonly done: boolean;
  readonly cash: number;
  readonly equity: number;
  readonly marketValue: number;
  readonly grossExposure: number;
  readonly positions: PositionSnapshot[];
  /** Orders waiting for their symbol's next bar, oldest first. */
  readonly openOrders: OrderEvent[];
  readonly lastBars: Record<string, Bar>;
  /** Round trips closed so far. */
  readonly tradeCount: number;
  readonly warnings: string[];
}

/** Why `stepUntil` stopped: its target was reached, its predicate fired, the data ended, or `maxSteps` ran out. */
export type StopReason = "until" | "predicate" | "end" | "maxSteps";

/**
 * What one `step()` or `stepUntil()` did, as plain JSON-safe data: the span of timestamps stepped
 * (`from`/`to`, ISO; null when no step ran), how many steps and bars, why it stopped, the events (the
 * most recent ones when there were more than the engine keeps, `eventsDropped` counts the rest), and
 * the snapshot after the last step.
 */
export interface StepReport {
  readonly from: string | null;
  readonly to: string | null;
  readonly steps: number;
  readonly bars: number;
  readonly stoppedBy: StopReason;
  readonly events: EngineEvent[];
  readonly eventsDropped: number;
  readonly snapshot: EngineSnapshot;
}

/** What the engine will do next, as plain data: the next timestamp, its bars, and the orders waiting to fill. */
export interface EnginePeek {
  readonly nextTs: string | null;
  readonly nextBars: { readonly symbol: string; readonly tsClose: string }[];
  readonly pendingOrders: OrderEvent[];
  /** Ids of the pending orders whose symbol has a bar at `nextTs`: they fill in the next step. */
  readonly fillingNext: number[];
}
