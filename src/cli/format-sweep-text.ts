import type * as arrow from "apache-arrow";
import type { SweepResult } from "../sweep/sweep-result.js";
import type { WalkForwardResult } from "../sweep/walk-forward.js";
import { tableRows } from "./sweep-report.js";

const cell = (v: unknown): string => (v === null || v === undefined ? "n/a" : typeof v === "number" ? (Number.isInteger(v) ? String(v) : v.toFixed(4)) : String(v));

/** Returns rows as an aligned text table of the named columns. */
export function textTable(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const cells = rows.map((r) => columns.map((c) => cell(r[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: readonly string[]) => `  ${values.map((v, i) => v.padStart(widths[i]!)).join("  ")}`;
  return [line(columns), ...cells.map(line)].join("\n");
}

/** Returns the `top` rows of a sweep table by `metric`, highest first (nulls last, ties in run order). */
export function topRows(table: arrow.Table, metric: string, top: number): Record<string, unknown>[] {
  const rows = tableRows(table);
  const score = (r: Record<string, unknown>) => (typeof r[metric] === "number" ? (r[metric] as number) : -Infinity);
  return rows.map((r, i) => ({ r, i })).sort((a, b) => score(b.r) - score(a.r) || a.i - b.i).slice(0, top).map((x) => x.r);
}

/** Returns the text report of a sweep: what ran, exclusions, and the best runs by `metric`. */
export function formatSweepText(result: SweepResult, metric: string, top: number): string {
  const s = result.summary;
  const lines = [
    `sweep  ${s.strategy} on ${s.symbols.join(", ")}: ${s.runs} runs (${s.combinations} combinations x ${s.symbols.length} symbol${s.symbols.length > 1 ? "s" : ""}) on ${s.workers} ${s.executor === "threads" ? "worker thread" : s.executor === "queue" ? "queue worker" : "thread (in process)"}${s.executor !== "in-process" && s.workers !== 1 ? "s" : ""}`,
  ];
  if (s.excludedCount > 0) lines.push(`left out ${s.excludedCount} of ${s.gridSize} grid combinations, e.g. ${s.excludedExamples[0]!.reason}`);
  lines.push("", `top ${Math.min(top, s.runs)} runs by ${metric}:`);
  lines.push(textTable(topRows(result.table, metric, top), ["run", "symbol", ...result.plan.columns, "sharpe", "totalReturn", "maxDrawdown", "trades"].filter((c, i, a) => a.indexOf(c) === i)));
  return lines.join("\n");
}

/** Returns the text report of a walk-forward: per symbol, the in-sample vs out-of-sample summary, then the windows. */
export function formatWalkForwardText(result: WalkForwardResult): string {
  const w = result.settings;
  const lines = [`walk-forward  ${result.plan.strategy}: ${w.mode} windows of ${w.train} train / ${w.test} test bars, parameters chosen by ${w.metric} among ${result.plan.combos.length} combinations`, ""];
  lines.push(textTable(result.summary as unknown as Record<string, unknown>[], ["symbol", "windows", "pairedWindows", "meanInSample", "meanOutOfSample", "gap", "efficiency", "distinctChoices", "oosTotalReturn", "oosSharpe", "oosMaxDrawdown"]));
  lines.push("", "windows:");
  const rows = tableRows(result.windows, ["testStart", "testEnd"]).map((r) => ({ ...r, testStart: String(r.testStart).slice(0, 10), testEnd: String(r.testEnd).slice(0, 10) }));
  lines.push(textTable(rows, ["symbol", "window", "testStart", "testEnd", ...result.plan.columns, "inSample", "outOfSample", "outOfSampleTrades"]));
  return lines.join("\n");
}
