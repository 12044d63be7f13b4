import type { EngineEvent } from "./events.js";
import type { EngineSnapshot } from "./engine-snapshot.js";

/**
 * What `engine.stepUntil()` steps towards:
 * - a time, as epoch ms or ISO text: step while the next timestamp is at or before it (text without a
 *   UTC offset is read in the first symbol's exchange zone; a bare date means that day's midnight);
 * - `{ bars: n }`: until at least n more bars are consumed (steps are whole timestamps);
 * - `{ steps: n }`: n more timestamps;
 * - `{ when: (snapshot) => boolean }`: until the snapshot after a step satisfies it;
 * - a function `(event, engine) => boolean`: until a step contains an event it accepts (the step is
 *   completed first), e.g. `until.nextFill("SPX")`. It sees each event once the engine has applied it
 *   (a fill has moved the portfolio, a bar has been marked).
 */
export type StepTarget<E = unknown> =
  | number
  | string
  | { readonly bars: number }
  | { readonly steps: number }
  | { readonly when: (snapshot: EngineSnapshot) => boolean }
  | EventPredicate<E>;

/** A test of each event of a step, given the engine. */
export type EventPredicate<E = unknown> = (event: EngineEvent, engine: E) => boolean;

/** Options of `engine.stepUntil()`. */
export interface StepUntilOptions {
  /** The most steps to take in this call. Default: no limit (the data's end is the limit). */
  readonly maxSteps?: number;
}

const matches = (type: EngineEvent["type"], symbol: string | undefined): EventPredicate =>
  (event) => event.type === type && (symbol === undefined || event.symbol === symbol);

/**
 * Ready-made event predicates for `stepUntil`: step until the next fill, signal, order or denial,
 * optionally of one symbol.
 * @example
 * engine.stepUntil(until.nextFill("SPX")).events.filter((e) => e.type === "fill");
 */
export const until = {
  /** Stops after the step with the next fill (of `symbol`, when given). */
  nextFill: (symbol?: string): EventPredicate => matches("fill", symbol),
  /** Stops after the step with the next signal (of `symbol`, when given). */
  nextSignal: (symbol?: string): EventPredicate => matches("signal", symbol),
  /** Stops after the step with the next order (of `symbol`, when given). */
  nextOrder: (symbol?: string): EventPredicate => matches("order", symbol),
  /** Stops after the step with the next denial (of `symbol`, when given). */
  nextDenied: (symbol?: string): EventPredicate => matches("denied", symbol),
};
