import { invalid } from "../core/check.js";
import { NotEnoughDataError } from "../core/errors.js";

/**
 * The shared base of regime-lab's streaming indicators: it returns the latest value once the
 * indicator is warm, or undefined while it warms up. Each subclass adds an `update(...)` that takes one
 * input in O(1) (PercentileRank: O(log period) plus a shift, see there) for the engine's hot path, and
 * allocates no objects or arrays: its state lives in numbers and typed arrays sized at construction
 * (the JS engine may still box a number passed to or returned from a call that it does not inline).
 * A NaN input is ignored: the state stays as it was and `update` returns undefined, the same rule the
 * column functions follow (their output is NaN at that index).
 *
 * The API follows trading-signals (`isStable`, `getResult`, `getResultOrThrow`), except that "no value"
 * is `undefined` rather than `null`, and the error is regime-lab's NotEnoughDataError with numbers.
 * @example
 * const sma = new SMA(20);
 * for (const bar of bars) sma.update(bar.close);
 * if (sma.isStable) console.log(sma.getResultOrThrow());
 */
export abstract class StreamingIndicator {
  /** The indicator's short name as shown in messages, e.g. "SMA". */
  readonly name: string;
  /** The look-back length in inputs (bars). */
  readonly period: number;
  /** How many (non-NaN) inputs the indicator needs before it reports a value. */
  readonly requiredInputs: number;
  /** How many (non-NaN) inputs it has taken so far. */
  protected seen = 0;
  /** The latest value, NaN while warming up (kept a double so that updates never box it). */
  protected value = Number.NaN;

  protected constructor(name: string, period: number, requiredInputs: number) {
    checkPeriod(name, period, 1);
    this.name = name;
    this.period = period;
    this.requiredInputs = requiredInputs;
  }

  /** The number of (non-NaN) inputs taken so far. */
  get seenInputs(): number {
    return this.seen;
  }

  /** True once the indicator has seen `requiredInputs` inputs and reports a value. */
  get isStable(): boolean {
    return this.seen >= this.requiredInputs;
  }

  /** The same as `isStable`, under the name regime-lab's reports use (`warm`). */
  get warm(): boolean {
    return this.seen >= this.requiredInputs;
  }

  /** Returns the latest value, or undefined while the indicator warms up. */
  getResult(): number | undefined {
    return this.seen >= this.requiredInputs ? this.value : undefined;
  }

  /**
   * Returns the latest value, or NaN while the indicator warms up: the same as `getResult()` but always
   * a number, which hot loops can use without the engine boxing the value.
   */
  getResultOrNaN(): number {
    return this.seen >= this.requiredInputs ? this.value : Number.NaN;
  }

  /** Returns the latest value; throws NotEnoughDataError (with the counts) while it warms up. */
  getResultOrThrow(): number {
    if (this.seen < this.requiredInputs) throw notEnoughData(this.name, this.period, this.seen, this.requiredInputs);
    return this.value;
  }
}

/** Throws InvalidOptionError unless `period` is an integer >= `min`, naming the indicator in the hint. */
export function checkPeriod(indicator: string, period: unknown, min: number): number {
  if (typeof period !== "number" || !Number.isInteger(period) || period < min) {
    invalid("period", period, min === 1 ? "a positive integer" : `an integer >= ${min}`, `${indicator} takes its look-back in bars, e.g. new ${indicator}(20)`);
  }
  return period;
}

/** Returns the error for a result asked of an indicator that is still warming up. */
export function notEnoughData(indicator: string, period: number, seen: number, required: number): NotEnoughDataError {
  return new NotEnoughDataError(
    `not enough data for ${indicator}(${period}): it has seen ${seen} input(s) and needs ${required}; check isStable first, or use getResult(), which returns undefined during warm-up`,
    { indicator, period, seen, required },
  );
}
