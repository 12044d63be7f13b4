import { LookaheadError } from "../core/errors.js";
import { toIso } from "../core/time.js";
import type { Bar } from "../core/types.js";
import { barAt } from "../data/bar-table.js";
import { BpsSlippage } from "../execution/bps-slippage.js";
import { ExecutionHandler, executeInto, type ReusableFill } from "../execution/execution-handler.js";
import { LinearCommission } from "../execution/linear-commission.js";
import { capFillForRisk } from "./cap-fill-for-risk.js";
import type { DeniedEvent } from "./events.js";
import { ExcursionCatchUp } from "./excursion-catch-up.js";
import type { PhaseContext } from "./phase-context.js";
import { fillableQuantity } from "./fillable-quantity.js";
import { isPlainInstance } from "./plain-instance.js";
import { StopTrigger } from "./stop-trigger.js";

/**
 * The first phase of an engine step: `bar(s, row)` fills what a bar of symbol `s` fills and returns
 * whether it changed the symbol's position. The orders waiting for the symbol fill against the bar
 * (ExecutionHandler), each applied to the portfolio at once, so the next fill sees the cash it left,
 * and the protective stop of the symbol's position is checked (StopTrigger). The check follows time
 * within the bar: with fills at the open, after the bar's fills (so an entry filled at the open can be
 * stopped by the rest of its bar); with fills at the close, before them (the bar's range comes before
 * its close, so an entry filled at the close is checked from the next bar on, and orders due at that
 * close find the position the stop left: an exit has nothing left to close, a reversal only opens).
 * A fill is cut to what the position allows (fillableQuantity) and, for entries, to what the risk
 * manager's `maxFillQuantity` allows at the fill price; what cannot fill becomes a denial. Without
 * overrides of the execution handler's `execute` or `marketPrice`, fills read the bar's columns and no
 * bar object is made. A position's excursion range is caught up at its symbol's fills.
 * @example
 * const fills = new FillPhase(context);
 * if (book.count(s) > 0 || stops.has(s)) changed = fills.bar(s, row);
 */
export class FillPhase {
  private readonly x: PhaseContext;
  private readonly ranges: ExcursionCatchUp;
  private readonly stops: StopTrigger;
  private readonly stopFirst: boolean;
  private readonly atOpen: boolean;
  /** True when the execution handler's `execute` and `marketPrice` are ExecutionHandler's own. */
  private readonly plainExecution: boolean;
  /** Whether the risk manager has maxFillQuantity (looked up once per run). */
  private readonly capFills: boolean;
  /**
   * True when the fills of a bar without a protective stop run no code from outside the engine: the
   * execution handler, its commission and its slippage are the library's own classes, unchanged, and the
   * risk manager has no maxFillQuantity (looked up once per run). The engine need not publish its
   * state before such fills.
   */
  readonly closed: boolean;
  /** The fill object closed fills write into when no step report keeps them (see executeInto). */
  private readonly reused: ReusableFill = { type: "fill", ts: 0, orderId: 0, symbol: "", side: "buy", quantity: 0, requestedQuantity: 0, price: 0, commission: 0, slippage: 0 };

  constructor(context: PhaseContext) {
    this.x = context;
    this.ranges = new ExcursionCatchUp(context.columns, context.portfolio);
    this.stops = new StopTrigger(context, this.ranges);
    const execution = context.execution;
    this.stopFirst = execution.fillAt === "close";
    this.atOpen = execution.fillAt === "open";
    this.plainExecution = execution.execute === ExecutionHandler.prototype.execute && execution.marketPrice === ExecutionHandler.prototype.marketPrice;
    this.capFills = typeof context.riskManager.maxFillQuantity === "function";
    this.closed = !this.capFills && isPlainInstance(execution, ExecutionHandler.prototype, ["fillAt", "commission", "slippage"])
      && isPlainInstance(execution.commission, LinearCommission.prototype, ["perShare", "fraction", "minimum", "name"])
      && isPlainInstance(execution.slippage, BpsSlippage.prototype, ["bps", "up", "down", "name"]);
  }

  /** Runs the stops and fills of bar `row` of symbol `s`; returns true when they changed its position. */
  bar(s: number, row: number): boolean {
    const stops = this.x.stops;
    let stopped = 0, changed = false;
    if (this.stopFirst && stops.has(s)) changed = (stopped = this.stops.trigger(s, row)) !== 0;
    if (this.x.book.count(s) > 0) {
      this.fill(s, row, stopped);
      changed = true;
    }
    if (!this.stopFirst && stops.has(s) && this.stops.trigger(s, row) !== 0) changed = true;
    return changed;
  }

  /**
   * Fills the orders waiting for symbol `s` against its bar `row`. `stopped` is the signed quantity a
   * protective stop closed earlier in the same bar (fills at the close; positive when it closed a
   * long): orders on the stop's side were sized with that position, so they close only what is left.
   */
  private fill(s: number, row: number, stopped: number): void {
    const x = this.x, execution = x.execution, portfolio = x.portfolio, c = x.columns[s]!, atOpen = this.atOpen;
    this.ranges.catchUp(s, this.stopFirst ? row + 1 : row);
    const tsOpen = c.tsOpen[row]!, tsClose = c.tsClose[row]!;
    const bar: Bar | undefined = this.plainExecution ? undefined : barAt(c, row, x.symbols[s]!);
    const due = x.book.take(s);
    let stoppedLeft = Math.abs(stopped);
    const stopSide = stopped > 0 ? "sell" : "buy";
    for (const order of due) {
      if (!(tsClose > order.ts)) {
        throw new LookaheadError(`order ${order.id} for ${order.symbol} decided at ${toIso(order.ts)} would fill on a bar closing at ${toIso(tsClose)}; bars must close strictly after each other`, { orderId: order.id });
      }
      if (atOpen && tsOpen < order.ts) {
        // The bar opened before the order was decided (another symbol's session overlapping the decision, or
        // bars that overlap): its open was already history, so the order waits for a bar that opens later.
        x.book.add(s, order);
        x.warn("some orders waited past a bar that had opened before they were decided (overlapping sessions or bars), so that no fill uses a price from before its decision");
        continue;
      }
      let allowed = fillableQuantity(order, portfolio.quantity[s]!, x.allowShort);
      if (stoppedLeft > 0 && order.side === stopSide) {
        // The part of this order meant to close the position was done by the stop.
        const done = Math.min(stoppedLeft, order.quantity);
        stoppedLeft -= done;
        if (order.direction !== "exit") allowed = Math.min(allowed, order.quantity - done);
      }
      const ts = atOpen ? tsOpen : tsClose;
      if (allowed === 0) {
        this.deny({
          type: "denied", ts, symbol: order.symbol, direction: order.direction, code: "NO_POSITION",
          message: `order ${order.id} (${order.side} ${order.quantity} ${order.symbol}, ${order.direction}) has nothing left to ${order.direction === "exit" ? "close" : "sell without shorting"}: an earlier fill was cut, or the position's stop closed it`,
          details: { position: portfolio.quantity[s]!, requestedQuantity: order.quantity }, orderId: order.id,
        }, s);
        continue;
      }
      const cut = allowed < order.quantity;
      const toFill = cut ? { ...order, quantity: allowed } : order;
      const marketPrice = bar === undefined ? (atOpen ? c.open[row]! : c.close[row]!) : execution.marketPrice(bar);
      // closed fills (the library's own execution) go through one reused fill object unless a step report keeps them
      let result = bar !== undefined ? execution.execute(toFill, bar, portfolio.cash)
        : this.closed ? executeInto(execution, toFill, marketPrice, ts, portfolio.cash, x.capturing() ? undefined : this.reused)
          : execution.executeAtPrice(toFill, marketPrice, ts, portfolio.cash);
      let riskCut = false;
      if (result.type === "fill" && this.capFills && order.direction !== "exit") {
        const capped = capFillForRisk(x.riskManager, execution, toFill, result, marketPrice, bar, portfolio.cash, x.view);
        riskCut = capped !== result;
        if (riskCut && capped.type === "fill") x.warn("RISK_LIMIT_AT_FILL: some entries were cut at their fill to what the risk manager allowed at the fill price (fills with quantity < requestedQuantity)");
        result = capped;
      }
      if (cut && result.type === "fill") result = { ...result, requestedQuantity: order.quantity };
      if (result.type === "fill") {
        if (!riskCut && result.quantity < result.requestedQuantity) x.warn("INSUFFICIENT_CASH: some buys were cut to what the cash affords (fills with quantity < requestedQuantity)");
        portfolio.applyFill(s, result, marketPrice, row);
        this.stops.sync(s, order);
        x.journal.fill(result, s);
        x.report(result);
      } else {
        this.deny(result, s);
      }
    }
  }

  /** Journals and reports a denial made at a fill. */
  private deny(denied: DeniedEvent, s: number): void {
    this.x.journal.denied(denied, s);
    this.x.report(denied);
  }
}
