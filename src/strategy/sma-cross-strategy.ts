import { check, invalid } from "../core/check.js";
import type { BarColumns } from "../core/types.js";
import type { MarketEvent, SignalEvent } from "../engine/events.js";
import { ATR } from "../indicators/atr.js";
import { SMA } from "../indicators/sma.js";
import type { Strategy } from "./strategy.js";
import { SymbolState } from "./symbol-state.js";

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

class CrossState {
  readonly fast: SMA;
  readonly slow: SMA;
  readonly atr: ATR;
  /** The recent closes, a ring of `capacity`, for inspect(). */
  private readonly closes: Float64Array;
  private head = 0;
  private count = 0;
  /** Sign of fast - slow at the last bar where it was not 0: 1 above, -1 below, 0 not known yet. */
  side = 0;
  crosses = 0;
  /** Rows [from, to) of `columns`, taken by the fast path, whose ATR and recent closes are not updated yet. */
  columns: BarColumns | undefined = undefined;
  from = 0;
  to = 0;
  constructor(fast: number, slow: number, atr: number, buffer: number) {
    this.fast = new SMA(fast);
    this.slow = new SMA(slow);
    this.atr = new ATR(atr);
    this.closes = new Float64Array(buffer);
  }

  /** Updates the ATR and the recent closes with a bar. */
  push(high: number, low: number, close: number): void {
    this.atr.update(high, low, close);
    this.pushClose(close);
  }

  /** Applies the deferred bars, so that the ATR and recent closes are up to date. */
  flush(): void {
    const c = this.columns;
    if (c === undefined) return;
    const { high, low, close } = c;
    for (let r = this.from; r < this.to; r++) this.atr.update(high[r]!, low[r]!, close[r]!);
    for (let r = Math.max(this.from, this.to - this.closes.length); r < this.to; r++) this.pushClose(close[r]!);
    this.columns = undefined;
  }

  /** Returns the recent closes, oldest first. */
  recentCloses(): number[] {
    const out: number[] = [];
    const n = this.closes.length;
    for (let k = this.count; k > 0; k--) out.push(this.closes[(this.head - k + n) % n]!);
    return out;
  }

  private pushClose(close: number): void {
    this.closes[this.head] = close;
    this.head = this.head + 1 === this.closes.length ? 0 : this.head + 1;
    if (this.count < this.closes.length) this.count++;
  }
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
  private readonly states: SymbolState<CrossState>;
  private readonly upReason: string;
  private readonly downReason: string;

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
    this.states = new SymbolState(() => new CrossState(this.fast, this.slow, this.atrPeriod, this.bufferSize));
  }

  /** Returns "long" on a cross above, "exit" or "short" on a cross below, else undefined. */
  calculateSignals(event: MarketEvent): SignalEvent | undefined {
    const state = this.states.get(event.symbol);
    const bar = event.bar;
    state.flush();
    state.push(bar.high, bar.low, bar.close);
    return this.cross(state, bar.close, event.ts, event.symbol);
  }

  /**
   * The engine's fast path: the same as `calculateSignals` for bar `row` of `columns`, without a bar
   * object; the ATR and recent closes catch up when read.
   */
  calculateSignalsAt(columns: BarColumns, row: number, symbol: string, symbolIndex: number): SignalEvent | undefined {
    const state = this.states.at(symbolIndex, symbol);
    if (state.columns !== columns || state.to !== row) {
      state.flush();
      state.columns = columns;
      state.from = row;
    }
    state.to = row + 1;
    return this.cross(state, columns.close[row]!, columns.tsClose[row]!, symbol);
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
      seenBars: state.slow.seenInputs,
      requiredBars: this.slow + 1,
      warm: state.slow.isStable,
      fastSma: orNull(state.fast.getResult()),
      slowSma: orNull(state.slow.getResult()),
      atr: orNull(state.atr.getResult()),
      side: state.side > 0 ? "above" : state.side < 0 ? "below" : "unknown",
      crosses: state.crosses,
      recentCloses: state.recentCloses(),
    };
  }

  /** Forgets every symbol's state. */
  reset(): void {
    this.states.clear();
  }

  /** Updates the averages with a close (known at `ts`) and returns the signal of a cross, if any. */
  private cross(state: CrossState, close: number, ts: number, symbol: string): SignalEvent | undefined {
    if (close !== close) return undefined; // both averages skip a NaN close
    state.fast.add(close);
    state.slow.add(close);
    // read as numbers (NaN while warming up): a number-or-undefined result would be boxed on every bar
    const fast = state.fast.getResultOrNaN(), slow = state.slow.getResultOrNaN();
    if (fast !== fast || slow !== slow) return undefined;
    const side = fast > slow ? 1 : fast < slow ? -1 : 0;
    if (side === 0 || side === state.side) return undefined;
    const previous = state.side;
    state.side = side;
    if (previous === 0) return undefined;
    state.crosses++;
    if (side > 0) return { type: "signal", ts, symbol, direction: "long", strength: 1, reason: this.upReason };
    return { type: "signal", ts, symbol, direction: this.allowShort ? "short" : "exit", strength: 1, reason: this.downReason };
  }
}
