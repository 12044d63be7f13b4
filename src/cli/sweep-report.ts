import type * as arrow from "apache-arrow";
import { toIso } from "../core/time.js";
import type { SweepResult } from "../sweep/sweep-result.js";
import type { WalkForwardResult } from "../sweep/walk-forward.js";
import type { LoadedFile } from "./load-cli-data.js";

/** Returns the rows of an Arrow table as plain objects (times given in `timeColumns` as ISO strings). */
export function tableRows(table: arrow.Table, timeColumns: readonly string[] = []): Record<string, unknown>[] {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((n) => table.getChild(n)!);
  return Array.from({ length: table.numRows }, (_, i) => {
    const row: Record<string, unknown> = {};
    names.forEach((n, c) => {
      const v = columns[c]!.get(i);
      row[n] = v === null ? null : timeColumns.includes(n) ? toIso(v as number) : v;
    });
    return row;
  });
}

/** Returns the `--json` document of a sweep: format, config, data, summary and one row per run. */
export function sweepReport(config: string, data: readonly LoadedFile[], result: SweepResult) {
  return {
    format: "regime-lab.sweep/1",
    config,
    data,
    summary: result.summary,
    settings: result.plan.settings,
    search: result.plan.search,
    parameters: result.plan.columns,
    rows: tableRows(result.table),
  };
}

/** Returns the `--json` document of a walk-forward: format, config, data, settings, the per-symbol summary and one row per window. */
export function walkForwardReport(config: string, data: readonly LoadedFile[], result: WalkForwardResult) {
  return {
    format: "regime-lab.walk-forward/1",
    config,
    data,
    settings: { ...result.settings, ...result.plan.settings },
    parameters: result.plan.columns,
    combinations: result.plan.combos.length,
    summary: result.summary,
    windows: tableRows(result.windows, ["trainStart", "trainEnd", "testStart", "testEnd"]),
  };
}
