import type { BarColumns } from "../core/types.js";
import type { SignalEvent } from "../engine/events.js";
import type { Strategy } from "./strategy.js";
import { usesFastPath } from "./uses-fast-path.js";

/** Where a SignalScan stopped: the row after the last one it took, and what that row returned. */
export interface ScanStop {
  row: number;
  signal: SignalEvent | readonly SignalEvent[] | undefined;
}

/**
 * The batch form of a view-free `calculateSignalsAt`: it takes rows `from`..`to - 1` of `columns` in
 * order, as that many calls would, until a row returns signals, and sets `stop` (the row after the last
 * one taken, and that row's signals, or `to` and undefined).
 */
export type SignalScan = (columns: BarColumns, from: number, to: number, symbol: string, symbolIndex: number, stop: ScanStop) => void;

/** The `calculateSignalsAt` functions declared view-free (see markViewFree), with their scans. */
const viewFree = new WeakMap<object, SignalScan | undefined>();

/**
 * Declares a `calculateSignalsAt` implementation view-free and returns nothing: it reads only its
 * columns, row, symbol and symbol index and the strategy's own state, never the portfolio view nor
 * the engine, so the engine may run it without bringing its cursor up to date first; `scan`, when
 * given, is its batch form, a method of the same class (see SignalScan). Call it once after a class,
 * on the prototype's own functions (a subclass that overrides either is not covered).
 * @example
 * markViewFree(SmaCrossStrategy.prototype.calculateSignalsAt, SmaCrossStrategy.prototype.scanSignalsAt);
 */
export function markViewFree(calculateSignalsAt: (...args: never[]) => unknown, scan?: SignalScan): void {
  viewFree.set(calculateSignalsAt, scan);
}

/**
 * Returns true when the engine may call the strategy's fast path (see usesFastPath) and that fast
 * path was declared view-free with markViewFree.
 * @example
 * usesViewFreeFastPath(new SmaCrossStrategy()); // true
 */
export function usesViewFreeFastPath(strategy: Strategy): boolean {
  return usesFastPath(strategy) && viewFree.has(strategy.calculateSignalsAt as object);
}

/**
 * Returns the batch form of the strategy's view-free fast path (call it with the strategy as `this`),
 * or undefined when it has none or the strategy's `scanSignalsAt` is not the one declared with it.
 * @example
 * viewFreeScan(new SmaCrossStrategy())?.call(strategy, columns, 0, 100, "SPX", 0, stop);
 */
export function viewFreeScan(strategy: Strategy): SignalScan | undefined {
  if (!usesViewFreeFastPath(strategy)) return undefined;
  const scan = viewFree.get(strategy.calculateSignalsAt as object);
  return scan !== undefined && (strategy as { scanSignalsAt?: unknown }).scanSignalsAt === scan ? scan : undefined;
}
