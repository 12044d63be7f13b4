import type { Strategy } from "./strategy.js";

/** Returns how many prototype steps up from `object` the property `key` is defined, or -1 when nowhere. */
function ownerDepth(object: object, key: string): number {
  let depth = 0;
  for (let o: object | null = object; o !== null; o = Object.getPrototypeOf(o) as object | null, depth++) {
    if (Object.prototype.hasOwnProperty.call(o, key)) return depth;
  }
  return -1;
}

/**
 * Returns true when the engine may call the strategy's optional fast path `calculateSignalsAt`
 * instead of `calculateSignals`: the strategy has it, and its `calculateSignals` is not defined in a
 * more derived class than it. So a subclass that overrides only `calculateSignals` (to log, filter or
 * add signals) is still called through `calculateSignals`, as before the fast path existed.
 * @example
 * usesFastPath(new SmaCrossStrategy()); // true
 * usesFastPath({ name: "x", calculateSignals: () => undefined }); // false
 */
export function usesFastPath(strategy: Strategy): boolean {
  if (typeof strategy.calculateSignalsAt !== "function") return false;
  return ownerDepth(strategy, "calculateSignalsAt") <= ownerDepth(strategy, "calculateSignals");
}
