import type { ScanStop, SignalScan } from "../strategy/view-free-fast-path.js";
import type { SignalEvent } from "./events.js";
import type { ResolvedEngineOptions } from "./backtest-engine-options.js";
import { EventLoop } from "./event-loop.js";
import type { LinearMerge } from "./linear-merge.js";
import type { ScanAhead } from "./scan-ahead.js";
import type { SingleCursor } from "./single-cursor.js";

/**
 * The state of the engine's quiet steps (see FastLoop) and what every kind of them uses: where each
 * symbol's sorted rows end (`sortedEnd`), the warning for orders left at the end (`checkUnfilled`), and
 * bringing the cursor up to date (`sync`).
 */
export abstract class QuietLoopState extends EventLoop {
  /** Per symbol, the close time of its next bar (Infinity when it has none), while quiet steps run. */
  protected readonly heads: Float64Array;
  /** Per symbol, the row of its next bar after the step running (the cursor's position once the step's bars are taken). */
  protected readonly after: Int32Array;
  protected readonly times: readonly Float64Array[];
  protected readonly closes: readonly Float64Array[];
  /** The strategy's batch form (one symbol only), for the run going on. */
  protected scan: SignalScan | undefined = undefined;
  protected readonly stop: ScanStop = { row: 0, signal: undefined };
  /** What the strategy returned for the next quiet step's bar when a scan took it (undefined: nothing). */
  protected scanned: SignalEvent | readonly SignalEvent[] | undefined = undefined;
  /** Per symbol, its handler's order breaks (see DataHandler.orderBreaks), and the index of the next one (see sortedEnd). */
  protected readonly breaks: readonly Int32Array[];
  protected readonly nextBreak: Int32Array;
  /** Per symbol, the end of the rows that quiet steps may take, as sortedEnd last found it. */
  protected readonly sortedTo: Int32Array;
  /** True when there are several symbols and all share the first one's calendar (DataHandler.sharesCalendarWith). */
  protected readonly oneCalendar: boolean;
  /** The strategy's scan run ahead per symbol (several symbols, see ScanAhead), while `ahead` is set. */
  protected scanAhead: ScanAhead | undefined = undefined;
  protected ahead: ScanAhead | undefined = undefined;
  /** The symbols that signalled at alignedRows' last row, ascending. */
  protected readonly signalled: Int32Array;

  protected constructor(options: ResolvedEngineOptions) {
    super(options);
    this.heads = new Float64Array(this.symbols.length);
    this.after = new Int32Array(this.symbols.length);
    this.breaks = options.handlers.map((h) => h.orderBreaks());
    this.nextBreak = new Int32Array(this.symbols.length);
    this.sortedTo = new Int32Array(this.symbols.length).fill(-1);
    this.signalled = new Int32Array(this.symbols.length);
    const handlers = options.handlers;
    this.oneCalendar = handlers.length > 1 && handlers.every((h) => handlers[0]!.sharesCalendarWith(h));
    this.times = this.columns.map((c) => c.tsClose);
    this.closes = this.columns.map((c) => c.close);
  }

  /**
   * Returns the end of symbol j's rows from `from` on that quiet steps may take: row r may be taken
   * while rows r and r + 1 (the next head) close strictly before their next rows, as the cursor checks
   * (from the handler's order breaks, found once: the columns do not change; the break found last is
   * remembered, since the rows asked for go forward).
   */
  protected sortedEnd(j: number, from: number): number {
    const breaks = this.breaks[j]!;
    let k = this.nextBreak[j]!;
    if (k > 0 && breaks[k - 1]! >= from) k = 0;
    while (k < breaks.length && breaks[k]! < from) k++;
    this.nextBreak[j] = k;
    // rows from..b - 1 close strictly before their next row; row b (the break) does not
    return (this.sortedTo[j] = k < breaks.length ? breaks[k]! - 1 : this.times[j]!.length);
  }

  /** Returns the signals the scan found (see scanRows), forgetting them. */
  protected takeScanned(): SignalEvent | readonly SignalEvent[] {
    const out = this.scanned!;
    this.scanned = undefined;
    return out;
  }

  /**
   * Warns, as runStep does, when orders wait at the end of the data; returns whether the cursor is up
   * to date (it is brought up to date only at the end of the data, where the warning needs it).
   */
  protected checkUnfilled(synced: boolean): boolean {
    const after = this.after, times = this.times;
    for (let j = 0; j < after.length; j++) if (after[j]! < times[j]!.length) return synced;
    if (!synced) this.sync();
    if (this.headSymbol < 0) this.warn(`${this.book.size} order(s) never filled: the data ended before their symbol's next bar (see snapshot.openOrders)`);
    return true;
  }

  /** Brings the cursor and the head up to date with the rows consumed. */
  protected sync(): void {
    (this.cursor as SingleCursor | LinearMerge).seek(this.after);
    this.advance();
  }
}
