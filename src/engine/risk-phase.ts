import { FixedFractionRisk } from "../risk/fixed-fraction-risk.js";
import { checkSignal } from "./check-signal.js";
import { EventQueue } from "./event-queue.js";
import type { DeniedEvent, OrderEvent, SignalEvent } from "./events.js";
import type { PhaseContext } from "./phase-context.js";
import { isPlainInstance } from "./plain-instance.js";
import { routeSignal, type ReusableOrderRoute } from "./route-signal.js";

/**
 * The strategy and risk phases of an engine step: `accept` checks, journals and queues what the
 * strategy returned for a bar, and `decideAll` drains the queue first in, first out through the risk
 * step (routeSignal), which journals a denial or an order; an order joins the order book for its
 * symbol's next bar as it is made, so that a second signal in the same step sees it as held. Approved
 * orders are frozen: the order events of step reports are the book's own objects, so nobody can resize
 * an approved order.
 * @example
 * const risk = new RiskPhase(context);
 * risk.accept(strategy.calculateSignals(event, view), T, s);
 * if (risk.waiting) risk.decideAll(T);
 */
export class RiskPhase {
  private readonly x: PhaseContext;
  /** The signals waiting for the risk step, and their symbols' indices (in step). */
  private readonly queue = new EventQueue<SignalEvent>();
  private readonly queueSymbols = new EventQueue<number>();
  /**
   * True when the risk step runs no code from outside the engine: the risk manager is a plain
   * FixedFractionRisk (see isPlainInstance), which reads only the signal and the portfolio view. The
   * engine need not publish its state before such a risk step.
   */
  readonly closed: boolean;
  /**
   * Whether orders are frozen as they are made (see RiskPhase). The engine's quiet steps turn it off
   * while nothing outside the engine can see an order (no step report keeps events, and the fills and
   * risk steps are closed: see FillPhase.closed and RiskPhase.closed), and freeze the orders still
   * waiting when they end (OrderBook.freezeAll): a freeze costs about as much as making the order.
   */
  freezeOrders = true;
  /** The order route the risk step reads at once (see routeSignal). */
  private readonly route: ReusableOrderRoute = { kind: "order", side: "buy", quantity: 0, stopPrice: undefined };

  constructor(context: PhaseContext) {
    this.x = context;
    this.closed = isPlainInstance(context.riskManager, FixedFractionRisk.prototype, ["name", "fraction"]);
  }

  /** True when signals wait for the risk step. */
  get waiting(): boolean {
    return !this.queue.isEmpty;
  }

  /** Checks, journals, reports and queues what the strategy returned at time `T` for a bar of symbol `s`: one signal or several. */
  accept(out: SignalEvent | readonly SignalEvent[], T: number, s: number): void {
    if (Array.isArray(out)) for (const signal of out as readonly SignalEvent[]) this.acceptOne(signal, T, s);
    else this.acceptOne(out as SignalEvent, T, s);
  }

  /** Runs the risk step on every waiting signal, in the order they came, at time `T`. */
  decideAll(T: number): void {
    const queue = this.queue, queueSymbols = this.queueSymbols;
    while (!queue.isEmpty) this.decide(queue.take(), queueSymbols.take(), T);
  }

  /** Checks a strategy's signal (made after a bar of symbol `hint`), journals and reports it, and queues it. */
  private acceptOne(signal: SignalEvent, T: number, hint: number): void {
    const x = this.x;
    const s = checkSignal(signal, x.symbolIndex, x.symbols, T, x.strategyName, hint);
    x.journal.signal(signal, s);
    x.report(signal);
    this.queue.push(signal);
    this.queueSymbols.push(s);
  }

  /** The risk step: turns a signal into an order or a denial (or nothing, for an exit when flat). */
  private decide(signal: SignalEvent, s: number, T: number): void {
    const x = this.x;
    const held = x.portfolio.quantity[s]! + x.book.pendingQuantity(s);
    const route = routeSignal(signal, held, x.allowShort, x.riskManager, x.view, this.route);
    if (route.kind === "order") this.order(signal, s, T, route.side, route.quantity, route.stopPrice);
    else if (route.kind === "deny") {
      this.emit({ type: "denied", ts: T, symbol: signal.symbol, direction: signal.direction, code: route.code, message: route.message, details: route.details }, s);
    }
  }

  private order(signal: SignalEvent, s: number, T: number, side: "buy" | "sell", quantity: number, stopPrice: number | undefined): void {
    const id = this.x.nextOrderId(), symbol = signal.symbol, direction = signal.direction, reason = signal.reason;
    const order: OrderEvent = stopPrice === undefined
      ? { type: "order", ts: T, id, symbol, side, quantity, orderType: "market", direction, reason }
      : { type: "order", ts: T, id, symbol, side, quantity, orderType: "market", direction, stopPrice, reason };
    if (this.freezeOrders) Object.freeze(order);
    this.x.book.add(s, order);
    this.emit(order, s);
  }

  /** Journals and reports a decision (an order or a denial). */
  private emit(event: OrderEvent | DeniedEvent, s: number): void {
    if (event.type === "order") this.x.journal.order(event, s);
    else this.x.journal.denied(event, s);
    this.x.report(event);
  }
}
