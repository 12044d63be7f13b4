import { check, invalid } from "../core/check.js";
import type { BarColumns } from "../core/types.js";
import type { MarketEvent, SignalEvent } from "../engine/events.js";
import { SmaCrossState } from "./sma-cross-state.js";
import type { Strategy } from "./strategy.js";
import { SymbolState } from "./symbol-state.js";
import { markViewFree, type ScanStop } from "./view-free-fast-path.js";

/** Options of {@link SmaCrossStrategy}. */
export interface SmaCrossStrategyOptions {
  /** Bars in the fast simple moving average of closes. Default 10. */
  readonly fast?: number;
  /** Bars in the slow simple moving average, more than `fast`. Default 30. */
  readonly slow?: number;
  /** Signal "short" on a cross below (long-short) instead of "exit" (long-only). Default false. */
  readonly allowShort?: boolean;
  /** Bars in the average true range the strategy reports through `currentAtr` (Wilder). Default 14. */
  readonly atrPeriod?: number;
  /** Bars kept per symbol for `inspect`. Default `slow`. */
  readonly bufferSize?: number;
}

const orNull = (x: number | undefined): number | null => (x === undefined ? null : x);

/**
 * The moving-average crossover, per symbol: after each bar's close it updates a fast and a slow simple
 * moving average of closes and signals "long" when fast - slow turns positive, and "exit" (long-only) or
 * "short" (long-short) when it turns negative. A cross is a change of the sign of fast - slow from its
 * last non-zero value, so touching (fast = slow) and bouncing back is not a cross, and the first bar
 * where both averages exist only sets the side: the first signal needs `slow` + 1 bars. Also tracks
 * ATR(14) per symbol for risk managers that size by volatility.
 * @example
 * const strategy = new SmaCrossStrategy({ fast: 10, slow: 30 });
 * const engine = new BacktestEngine({ handlers: [spx], strategy });
 */
export class SmaCrossStrategy implements Strategy {
  readonly name: string;
  readonly fast: number;
  readonly slow: number;
  readonly allowShort: boolean;
  readonly atrPeriod: number;
  private readonly bufferSize: number;
  private readonly states: SymbolState<SmaCrossState>;
  /** The fast path's states by the engine's symbol index (each checked against its symbol before use). */
  private readonly byIndex: (SmaCrossState | undefined)[] = [];
  private readonly upReason: string;
  private readonly downReason: string;
  /** The close and time of the bar of `calculateSignals`, as a column for `cross`. */
  private readonly oneBar = new Float64Array(2);

  constructor(options: SmaCrossStrategyOptions = {}) {
    this.fast = check.positiveInteger("fast", options.fast ?? 10);
    this.slow = check.positiveInteger("slow", options.slow ?? 30);
    if (this.fast >= this.slow) invalid("fast", this.fast, `an integer below slow (${this.slow})`, "the fast average must be the shorter one");
    this.allowShort = options.allowShort ?? false;
    this.atrPeriod = check.positiveInteger("atrPeriod", options.atrPeriod ?? 14);
    this.bufferSize = check.positiveInteger("bufferSize", options.bufferSize ?? this.slow);
    this.name = `SMA cross ${this.fast}/${this.slow} ${this.allowShort ? "long-short" : "long-only"}`;
    this.upReason = `SMA(${this.fast}) crossed above SMA(${this.slow})`;
    this.downReason = `SMA(${this.fast}) crossed below SMA(${this.slow})`;
    this.states = new SymbolState((symbol) => new SmaCrossState(symbol, this.fast, this.slow, this.atrPeriod, this.bufferSize));
  }

  /** Returns "long" on a cross above, "exit" or "short" on a cross below, else undefined. */
  calculateSignals(event: MarketEvent): SignalEvent | undefined {
    const state = this.states.get(event.symbol);
    const bar = event.bar;
    state.flush();
    state.push(bar.high, bar.low, bar.close);
    const one = this.oneBar;
    one[0] = bar.close;
    one[1] = event.ts;
    return this.cross(state, one, 0, one, 1, event.symbol);
  }

  /**
   * The engine's fast path: the same as `calculateSignals` for bar `row` of `columns`, without a bar
   * object; the ATR and recent closes catch up when read.
   */
  calculateSignalsAt(columns: BarColumns, row: number, symbol: string, symbolIndex: number): SignalEvent | undefined {
    const state = this.stateFrom(columns, row, symbol, symbolIndex);
    state.to = row + 1;
    return this.cross(state, columns.close, row, columns.tsClose, row, symbol);
  }

  /**
   * The batch form of the fast path (see SignalScan): takes rows `from`..`to - 1` of `columns` as
   * calls of `calculateSignalsAt` would, until one signals, and sets `stop` to where it stopped.
   */
  scanSignalsAt(columns: BarColumns, from: number, to: number, symbol: string, symbolIndex: number, stop: ScanStop): void {
    if (from >= to) {
      stop.row = to;
      stop.signal = undefined;
      return;
    }
    const state = this.stateFrom(columns, from, symbol, symbolIndex), crosses = state.crosses;
    const r = state.scanCross(columns.close, from, to);
    state.to = r;
    stop.row = r;
    stop.signal = state.crosses === crosses ? undefined : this.signal(state.side, columns.tsClose[r - 1]!, symbol);
  }

  /** Returns the ATR of a symbol, or undefined before it is warm. */
  currentAtr(symbol: string): number | undefined {
    const state = this.states.peek(symbol);
    state?.flush();
    return state?.atr.getResult();
  }

  /** Returns the averages, ATR, side and recent closes of a symbol as plain data. */
  inspect(symbol: string): Record<string, unknown> {
    const state = this.states.peek(symbol);
    if (state === undefined) return { symbol, seenBars: 0, warm: false, requiredBars: this.slow + 1 };
    state.flush();
    return {
      symbol,
      seenBars: state.seen,
      requiredBars: this.slow + 1,
      warm: state.seen >= this.slow,
      fastSma: state.seen >= this.fast ? state.fastSum / this.fast : null,
      slowSma: state.seen >= this.slow ? state.slowSum / this.slow : null,
      atr: orNull(state.atr.getResult()),
      side: state.side > 0 ? "above" : state.side < 0 ? "below" : "unknown",
      crosses: state.crosses,
      recentCloses: state.recentCloses(),
    };
  }

  /** Forgets every symbol's state. */
  reset(): void {
    this.states.clear();
    this.byIndex.length = 0;
  }

  /**
   * Returns the state of `symbol` ready to take row `row` of `columns` on the fast path: its deferred
   * rows are applied first unless `row` continues them (the caller then sets `state.to`).
   */
  private stateFrom(columns: BarColumns, row: number, symbol: string, symbolIndex: number): SmaCrossState {
    let state = this.byIndex[symbolIndex];
    if (state === undefined || state.symbol !== symbol) state = this.stateAt(symbolIndex, symbol);
    if (state.columns !== columns || state.to !== row) {
      state.flush();
      state.columns = columns;
      state.from = row;
    }
    return state;
  }

  /** Returns the state of `symbol`, remembered under `index` (a valid array index) for the next bars. */
  private stateAt(index: number, symbol: string): SmaCrossState {
    const state = this.states.get(symbol);
    if (Number.isInteger(index) && index >= 0 && index < 65_536) {
      while (this.byIndex.length <= index) this.byIndex.push(undefined);
      this.byIndex[index] = state;
    }
    return state;
  }

  /**
   * Updates the averages with the close `closes[row]` (known at `times[timeRow]`) and returns the
   * signal of a cross, if any. Numbers come as columns and rows because a number passed to a call the
   * JS engine does not inline is boxed, and this runs once per bar.
   */
  private cross(state: SmaCrossState, closes: Float64Array, row: number, times: Float64Array, timeRow: number, symbol: string): SignalEvent | undefined {
    state.add(closes, row); // skips a NaN close
    if (state.seen < this.slow || closes[row] !== closes[row]) return undefined;
    const fast = state.fastSum / this.fast, slow = state.slowSum / this.slow;
    const side = fast > slow ? 1 : fast < slow ? -1 : 0; // 0 also when either is NaN
    if (side === 0 || side === state.side) return undefined;
    const previous = state.side;
    state.side = side;
    if (previous === 0) return undefined;
    state.crosses++;
    return this.signal(side, times[timeRow]!, symbol);
  }

  /** Returns the signal of a cross to `side` (1 above, -1 below) at `ts`. */
  private signal(side: number, ts: number, symbol: string): SignalEvent {
    if (side > 0) return { type: "signal", ts, symbol, direction: "long", strength: 1, reason: this.upReason };
    return { type: "signal", ts, symbol, direction: this.allowShort ? "short" : "exit", strength: 1, reason: this.downReason };
  }
}

// Its fast path reads only the columns and its own state: the engine may skip publishing its cursor.
markViewFree(SmaCrossStrategy.prototype.calculateSignalsAt, SmaCrossStrategy.prototype.scanSignalsAt);
