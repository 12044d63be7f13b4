import type { BarColumns } from "../core/types.js";
import type { ScanStop, SignalScan } from "../strategy/view-free-fast-path.js";
import type { Strategy } from "../strategy/strategy.js";
import type { SignalEvent } from "./events.js";

/** What a strategy returns for one bar. */
type StrategyOutput = SignalEvent | readonly SignalEvent[] | undefined;

/**
 * The strategy's view-free scan run ahead of the steps, symbol by symbol, for quiet steps over several
 * symbols: `at(s, row)` returns what the strategy's `calculateSignalsAt` returns for bar `row` of
 * symbol `s`, taking the symbol's rows through the scan (see SignalScan) up to its next signal (or to
 * `end[s]`) when the strategy has not taken `row` yet, and the signal found when `row` is that
 * signal's row. Each symbol's rows must be asked for in order, from the row the strategy takes next
 * (`start`). The strategy's state is then ahead of the steps (up to the symbol's next signal): the
 * engine uses this only while nothing outside it can reach the strategy, and only over rows that the
 * steps will all take.
 * @example
 * const ahead = new ScanAhead(strategy, scan, columns, symbols);
 * ahead.start(consumed, ends);
 * const out = ahead.at(s, row);
 */
export class ScanAhead {
  private readonly strategy: Strategy;
  private readonly scan: SignalScan;
  private readonly columns: readonly BarColumns[];
  private readonly symbols: readonly string[];
  /** Per symbol, the row after the last one the strategy took. */
  private readonly taken: Int32Array;
  /** Per symbol, the row that may be scanned to (exclusive). */
  private readonly end: Int32Array;
  /** Per symbol, the row whose signals the scan found (`found[s]`), or -1. */
  private readonly foundRow: Int32Array;
  private readonly found: StrategyOutput[];
  /**
   * Per symbol, the first row whose bar `at` must see: the row of the signal found, or the first row
   * not scanned. For earlier rows `at` returns undefined and need not be asked.
   */
  readonly due: Int32Array;
  private readonly stop: ScanStop = { row: 0, signal: undefined };

  constructor(strategy: Strategy, scan: SignalScan, columns: readonly BarColumns[], symbols: readonly string[]) {
    this.strategy = strategy;
    this.scan = scan;
    this.columns = columns;
    this.symbols = symbols;
    this.taken = new Int32Array(symbols.length);
    this.end = new Int32Array(symbols.length);
    this.foundRow = new Int32Array(symbols.length).fill(-1);
    this.found = symbols.map(() => undefined);
    this.due = new Int32Array(symbols.length);
  }

  /** Starts from the strategy having taken the rows before `next[s]` of each symbol, scanning up to `end[s]`. */
  start(next: Int32Array, end: Int32Array): void {
    this.taken.set(next);
    this.due.set(next);
    this.end.set(end);
    this.foundRow.fill(-1);
    this.found.fill(undefined);
  }

  /** Returns what the strategy returns for bar `row` of symbol `s` (the next row of the symbol asked for). */
  at(s: number, row: number): StrategyOutput {
    if (row >= this.taken[s]!) {
      const stop = this.stop;
      this.scan.call(this.strategy, this.columns[s]!, row, this.end[s]!, this.symbols[s]!, s, stop);
      this.taken[s] = stop.row;
      if (stop.signal !== undefined) {
        this.foundRow[s] = stop.row - 1;
        this.found[s] = stop.signal;
        stop.signal = undefined;
      }
      this.due[s] = this.foundRow[s]! >= 0 ? this.foundRow[s]! : stop.row;
    }
    if (row !== this.foundRow[s]) return undefined;
    const out = this.found[s];
    this.foundRow[s] = -1;
    this.found[s] = undefined;
    this.due[s] = this.taken[s]!;
    return out;
  }
}
