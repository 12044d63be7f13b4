import type * as arrow from "apache-arrow";
import { rowsTable } from "./rows-table.js";
import { REGIME_COLUMNS, SWEEP_METRICS } from "./sweep-columns.js";
import type { SweepPlan } from "./sweep-plan.js";
import type { SweepRow } from "./run-sweep-run.js";

/** The schema metadata key of a sweep table's format, and its value. */
export const SWEEP_TABLE_FORMAT = { key: "regime-lab.format", value: "regime-lab.sweep/1" } as const;

/** Returns the column names of a plan's result table, in order. */
export function sweepColumnNames(plan: Pick<SweepPlan, "columns">): string[] {
  return ["run", "combo", "symbol", ...plan.columns, ...SWEEP_METRICS, ...REGIME_COLUMNS];
}

/**
 * Returns the result table of a sweep: one row per run in run order (combination-major, then symbol),
 * with the run and combination indexes, the symbol, the parameter columns, the metrics (null where a
 * metric is undefined, e.g. Sharpe without volatility) and the per-regime columns. The schema metadata
 * holds the format and the plan as JSON (strategy, grid, fixed values, settings, exclusions).
 * Throws when a run's row is missing, so a partial sweep never passes for a whole one.
 * @example sweepTable(plan, rows).getChild("sharpe")
 */
export function sweepTable(plan: SweepPlan, rows: readonly (SweepRow | undefined)[]): arrow.Table {
  if (rows.length !== plan.runCount) throw new RangeError(`sweep table: ${rows.length} rows for ${plan.runCount} runs`);
  rows.forEach((r, i) => {
    if (r === undefined || r.run !== i) throw new RangeError(`sweep table: run ${i} has no result (got ${r === undefined ? "none" : `run ${r.run}`})`);
  });
  return rowsTable(sweepColumnNames(plan), rows as SweepRow[], sweepMetadata(plan));
}

/** Returns the schema metadata of a sweep's tables: the format and the plan as JSON. */
export function sweepMetadata(plan: SweepPlan): Map<string, string> {
  return new Map([
    [SWEEP_TABLE_FORMAT.key, SWEEP_TABLE_FORMAT.value],
    ["regime-lab.sweep.plan", JSON.stringify({
      strategy: plan.strategy, axes: plan.axes, base: plan.base, search: plan.search, symbols: plan.symbols, gridSize: plan.gridSize,
      runCount: plan.runCount, excludedCount: plan.excludedCount, excludedExamples: plan.excludedExamples, settings: plan.settings,
    })],
  ]);
}
