import type { BarColumns } from "../core/types.js";
import type { ExecutionHandler } from "../execution/execution-handler.js";
import type { Portfolio } from "../portfolio/portfolio.js";
import type { RiskView } from "../risk/risk-context.js";
import type { RiskManager } from "../risk/risk-manager.js";
import type { EngineEvent } from "./events.js";
import type { Journal } from "./journal.js";
import type { OrderBook } from "./order-book.js";
import type { StopBook } from "./stop-book.js";

/**
 * What the phases of an engine step (FillPhase, RiskPhase) work with: the bars, the ledger and its
 * view, the waiting orders and stops, the journal, the execution handler, strategy name and risk
 * manager, and the loop's hooks for order ids, step reports and warnings. The event loop makes one per
 * run.
 */
export interface PhaseContext {
  readonly columns: readonly BarColumns[];
  /** The symbols, in handler order (index = symbol index). */
  readonly symbols: readonly string[];
  /** The index of each symbol. */
  readonly symbolIndex: ReadonlyMap<string, number>;
  /** The strategy's name, for the messages of bad signals. */
  readonly strategyName: string;
  readonly portfolio: Portfolio;
  /** The view handed to the risk manager. */
  readonly view: RiskView;
  readonly book: OrderBook;
  readonly stops: StopBook;
  readonly journal: Journal;
  readonly execution: ExecutionHandler;
  readonly riskManager: RiskManager;
  readonly allowShort: boolean;
  /** Returns the next order id of the run (shared with the risk step's orders). */
  nextOrderId(): number;
  /** Passes an event a phase made (a signal, an order, a fill or a denial) to the step report being captured, if any. */
  report(event: EngineEvent): void;
  /** True while a step report is being captured (its events must be objects of their own). */
  capturing(): boolean;
  /** Records a non-fatal issue once. */
  warn(message: string): void;
}
