import type * as arrow from "apache-arrow";
import type { ExcludedCombination, SweepPlan } from "./sweep-plan.js";

/** How far a sweep has got: runs done of the total, and the last run finished. JSON-safe, no clock values. */
export interface SweepProgress {
  readonly done: number;
  readonly total: number;
  readonly run: number;
}

/** What a sweep returns: its plan, the result table (one row per run, in run order) and a summary. */
export interface SweepResult {
  readonly plan: SweepPlan;
  readonly table: arrow.Table;
  readonly summary: SweepSummary;
}

/** A JSON-safe summary of a sweep. */
export interface SweepSummary {
  readonly strategy: string;
  readonly runs: number;
  readonly combinations: number;
  readonly gridSize: number;
  readonly symbols: readonly string[];
  readonly excludedCount: number;
  readonly excludedExamples: readonly ExcludedCombination[];
  /** Where the runs ran: "in-process", "threads" or "queue". */
  readonly executor: string;
  /** Worker threads or queue workers used; 1 in process. */
  readonly workers: number;
}

/** Returns the summary of a finished sweep. */
export function sweepSummary(plan: SweepPlan, executor: string, workers: number): SweepSummary {
  return {
    strategy: plan.strategy, runs: plan.runCount, combinations: plan.combos.length, gridSize: plan.gridSize, symbols: [...plan.symbols],
    excludedCount: plan.excludedCount, excludedExamples: plan.excludedExamples, executor, workers,
  };
}
