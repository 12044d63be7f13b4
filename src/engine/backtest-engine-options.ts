import { check, invalid } from "../core/check.js";
import type { DataHandler } from "../data/data-handler.js";
import { ExecutionHandler, type ExecutionHandlerOptions } from "../execution/execution-handler.js";
import { FixedFractionRisk } from "../risk/fixed-fraction-risk.js";
import type { RiskManager } from "../risk/risk-manager.js";
import type { Strategy } from "../strategy/strategy.js";

/** Options of {@link BacktestEngine}. */
export interface BacktestEngineOptions {
  /** One table-backed DataHandler per symbol (DataHandler.fromTable); their order breaks ties in time. Required. */
  readonly handlers: readonly DataHandler[];
  /** The strategy that turns market events into signals. Required. */
  readonly strategy: Strategy;
  /** Cash at the start, in account currency. Default 100,000. */
  readonly initialCash?: number;
  /** How orders fill: an ExecutionHandler or its options. Default: next bar's open, no costs. */
  readonly execution?: ExecutionHandler | ExecutionHandlerOptions;
  /** The risk slot between signals and orders. Default: FixedFractionRisk at 10% of equity. */
  readonly riskManager?: RiskManager;
  /** Allow short positions; when false a "short" signal is denied with SHORTING_DISABLED. Default false. */
  readonly allowShort?: boolean;
  /** Keep one journal row per market event (bar); false keeps only signals, orders, fills and denials. Default true. */
  readonly journalMarketEvents?: boolean;
  /** The most events a step report carries (the most recent ones). Default 1000. */
  readonly maxReportEvents?: number;
}

/** The engine options, checked, with their defaults. */
export interface ResolvedEngineOptions {
  readonly handlers: readonly DataHandler[];
  readonly strategy: Strategy;
  readonly initialCash: number;
  readonly execution: ExecutionHandler;
  readonly riskManager: RiskManager;
  readonly allowShort: boolean;
  readonly journalMarketEvents: boolean;
  readonly maxReportEvents: number;
}

/** Returns the options checked and completed with defaults; throws InvalidOptionError naming the bad one. */
export function resolveEngineOptions(options: BacktestEngineOptions): ResolvedEngineOptions {
  if (options === null || typeof options !== "object") invalid("options", options, "an object with handlers and strategy");
  const handlers = options.handlers;
  if (!Array.isArray(handlers) || handlers.length === 0) {
    invalid("handlers", handlers, "a non-empty array of DataHandler", "wrap each bar table with DataHandler.fromTable(table)");
  }
  handlers.forEach((h, i) => {
    if (h === null || typeof h !== "object" || typeof h.symbol !== "string") invalid(`handlers[${i}]`, String(h), "a DataHandler");
    if (h.columns === undefined) {
      invalid(`handlers[${i}]`, h.symbol, "a table-backed DataHandler", "the engine reads bar columns directly; load the source into a table (makeBarTable or a loader) and use DataHandler.fromTable");
    }
  });
  const strategy = options.strategy;
  if (strategy === null || typeof strategy !== "object" || typeof strategy.calculateSignals !== "function") {
    invalid("strategy", strategy === undefined ? "undefined" : String(strategy), "an object with calculateSignals(event, portfolio)", "e.g. new SmaCrossStrategy({ fast: 10, slow: 30 })");
  }
  const riskManager = options.riskManager ?? new FixedFractionRisk();
  if (typeof riskManager.canTrade !== "function" || typeof riskManager.computeQuantity !== "function") {
    invalid("riskManager", String(riskManager), "an object with canTrade(signal, view) and computeQuantity(signal, view)");
  }
  const execution = options.execution instanceof ExecutionHandler ? options.execution : new ExecutionHandler(options.execution);
  const allowShort = options.allowShort ?? false;
  if (typeof allowShort !== "boolean") invalid("allowShort", allowShort, "true or false");
  const journalMarketEvents = options.journalMarketEvents ?? true;
  if (typeof journalMarketEvents !== "boolean") invalid("journalMarketEvents", journalMarketEvents, "true or false");
  return {
    handlers,
    strategy,
    initialCash: check.positive("initialCash", options.initialCash ?? 100_000),
    execution,
    riskManager,
    allowShort,
    journalMarketEvents,
    maxReportEvents: check.nonNegativeInteger("maxReportEvents", options.maxReportEvents ?? 1000),
  };
}
