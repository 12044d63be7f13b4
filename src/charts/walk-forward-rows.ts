import type * as arrow from "apache-arrow";
import { check, invalid } from "../core/check.js";
import { legendLabel } from "./legend-label.js";
import { numberColumn } from "./number-column.js";
import { requireColumns } from "./require-columns.js";

/** The columns of a walk-forward's windows table that {@link walkForwardRows} reads (parameter columns aside). */
export const WALK_FORWARD_WINDOW_COLUMNS = ["symbol", "window", "trainStart", "trainEnd", "testStart", "testEnd", "combo", "inSample", "outOfSample"] as const;

/** Columns of a windows table that are not parameters. */
const NOT_PARAMETERS = new Set<string>([
  ...WALK_FORWARD_WINDOW_COLUMNS, "trainBars", "testBars", "eligible", "inSampleReturn", "outOfSampleReturn",
  "inSampleSharpe", "outOfSampleSharpe", "inSampleTrades", "outOfSampleTrades",
]);

/** One window of one symbol: its spans (epoch ms UTC of the first and last bar close), the chosen parameters and both metrics. */
export interface WalkForwardRow {
  readonly window: number;
  readonly trainStart: number;
  readonly trainEnd: number;
  readonly testStart: number;
  readonly testEnd: number;
  /** The chosen parameter values joined by "/", e.g. "10/50". */
  readonly label: string;
  /** False when no combination had enough trades in the train window (the best was taken anyway). */
  readonly eligible: boolean;
  /** The selection metric over the train window (in sample) and the test window (out of sample); null when undefined. */
  readonly inSample: number | null;
  readonly outOfSample: number | null;
}

/** A symbol's windows, with the symbols and parameter columns of the table. */
export interface WalkForwardRows {
  readonly symbol: string;
  readonly symbols: readonly string[];
  readonly parameters: readonly string[];
  readonly rows: readonly WalkForwardRow[];
}

/** The remedy named in errors about a walk-forward input: where its tables come from. */
export const WALK_FORWARD_HINT = "pass the result of walkForward() (its windows and equity tables)";

const metric = (v: number) => (Number.isFinite(v) ? v : null);

/**
 * Returns the windows of one symbol from a walk-forward's windows table (the first symbol when `symbol`
 * is undefined), in window order, with the parameter columns found between the fixed columns. Throws
 * SchemaError for a missing column and InvalidOptionError for a symbol the table does not hold.
 * @example walkForwardRows(result.windows, "SPX").rows[0].label // "10/200"
 */
export function walkForwardRows(windows: arrow.Table, symbol?: string): WalkForwardRows {
  requireColumns(windows, "windows", WALK_FORWARD_WINDOW_COLUMNS, WALK_FORWARD_HINT);
  const symbolColumn = windows.getChild("symbol")!;
  const rowSymbols = Array.from({ length: windows.numRows }, (_, i) => String(symbolColumn.get(i)));
  const symbols = [...new Set(rowSymbols)];
  if (symbols.length === 0) invalid("windows", "0 rows", "at least one window", WALK_FORWARD_HINT);
  const chosen = symbol === undefined ? symbols[0]! : check.nonEmptyString("symbol", symbol);
  if (!symbols.includes(chosen)) invalid("symbol", chosen, `one of ${symbols.map((s) => JSON.stringify(s)).join(", ")}`, "the symbols of the walk-forward");
  // The grid's axes when the table says which they are (parameters held fixed would repeat in every label).
  const all = windows.schema.fields.map((f) => f.name).filter((n) => !NOT_PARAMETERS.has(n));
  const parameters = gridAxes(windows)?.filter((n) => all.includes(n)) ?? all;
  const cols = Object.fromEntries(["window", "trainStart", "trainEnd", "testStart", "testEnd", "inSample", "outOfSample"].map((c) => [c, numberColumn(windows, c)]));
  const eligible = windows.getChild("eligible");
  const rows: WalkForwardRow[] = [];
  rowSymbols.forEach((s, i) => {
    if (s !== chosen) return;
    for (const c of ["trainStart", "trainEnd", "testStart", "testEnd"]) {
      if (!Number.isFinite(cols[c]![i])) invalid(`windows.${c}[${i}]`, cols[c]![i], "a finite time, epoch ms UTC", WALK_FORWARD_HINT);
    }
    rows.push({
      window: cols.window![i]!, trainStart: cols.trainStart![i]!, trainEnd: cols.trainEnd![i]!, testStart: cols.testStart![i]!, testEnd: cols.testEnd![i]!,
      label: parameters.map((p) => legendLabel(windows.getChild(p)!.get(i))).join("/"),
      eligible: eligible == null || eligible.get(i) !== false,
      inSample: metric(cols.inSample![i]!), outOfSample: metric(cols.outOfSample![i]!),
    });
  });
  rows.sort((a, b) => a.window - b.window);
  return { symbol: chosen, symbols, parameters, rows };
}

/** Returns the names of the grid axes recorded in a walk-forward table's plan metadata, or undefined. */
function gridAxes(windows: arrow.Table): string[] | undefined {
  const plan = windows.schema.metadata.get("regime-lab.sweep.plan");
  if (plan === undefined) return undefined;
  try {
    const axes = (JSON.parse(plan) as { axes?: { name: string }[] }).axes;
    return Array.isArray(axes) && axes.length > 0 ? axes.map((a) => a.name) : undefined;
  } catch {
    return undefined;
  }
}
