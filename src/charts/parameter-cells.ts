import * as arrow from "apache-arrow";
import { invalid } from "../core/check.js";
import { sweepParameter } from "../sweep/sweep-parameters.js";
import { legendLabel } from "./legend-label.js";

/** How the runs sharing a cell are combined: their mean, median or maximum. */
export type CellAggregate = "mean" | "median" | "max";

/** Options of {@link parameterCells}: the two parameter columns, the metric, a symbol and the aggregate, all checked. */
export interface ParameterCellsOptions {
  readonly x: string;
  readonly y: string;
  readonly fill: string;
  readonly symbol?: string;
  readonly aggregate: CellAggregate;
}

/** One cell of a parameter grid: its x and y values as labels, the aggregated metric (null when no run has one) and its run counts. */
export interface ParameterCell {
  readonly x: string;
  readonly y: string;
  readonly value: number | null;
  /** Runs in the cell. */
  readonly runs: number;
  /** Runs in the cell with a defined metric. */
  readonly defined: number;
}

/** The cells of a sweep table over two parameters, with the axis values in order and what went in. */
export interface ParameterGrid {
  readonly cells: readonly ParameterCell[];
  /** Distinct values of x and y as labels: numbers ascending, false before true, choices in the parameter's order. */
  readonly xDomain: readonly string[];
  readonly yDomain: readonly string[];
  /** The symbols of the runs used, in order of first appearance (empty without a symbol column). */
  readonly symbols: readonly string[];
  /** Runs used, and those of them without the metric (null, NaN or infinite). */
  readonly runs: number;
  readonly undefinedRuns: number;
}

const HINT = "pass the table of a sweep result (result.table)";
const MAX_VALUES = 60;

/** Returns the column names of a table, listed for an error message. */
const listed = (table: arrow.Table) => table.schema.fields.map((f) => f.name).join(", ");

function column(table: arrow.Table, option: string, name: unknown): arrow.Vector {
  if (typeof name !== "string" || name.length === 0 || table.getChild(name) == null) {
    invalid(option, name, `a column of the table, one of: ${listed(table)}`, HINT);
  }
  return table.getChild(name)!;
}

/** Returns the distinct values of a parameter column as labels, in axis order. */
function axisDomain(option: string, name: string, values: readonly unknown[]): string[] {
  const distinct = [...new Set(values)];
  if (distinct.length > MAX_VALUES) invalid(option, `${name}: ${distinct.length} distinct values`, `a parameter column with at most ${MAX_VALUES} values`, "pick a parameter column, not a metric");
  if (distinct.every((v) => typeof v === "number")) return (distinct as number[]).sort((a, b) => a - b).map(legendLabel);
  if (distinct.every((v) => typeof v === "boolean")) return (distinct as boolean[]).sort((a, b) => Number(a) - Number(b)).map(String);
  const choices = sweepParameter(name)?.choices ?? [];
  const rank = (v: unknown) => {
    const i = choices.indexOf(String(v));
    return i < 0 ? choices.length : i;
  };
  return distinct.map((v, i) => ({ v, i })).sort((a, b) => rank(a.v) - rank(b.v) || a.i - b.i).map(({ v }) => legendLabel(v));
}

function combine(values: number[], aggregate: CellAggregate): number | null {
  if (values.length === 0) return null;
  if (aggregate === "max") return Math.max(...values);
  if (aggregate === "mean") return values.reduce((a, b) => a + b, 0) / values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Returns the cells of a sweep result table over two parameter columns: one per (x, y) pair that has
 * runs, its metric the aggregate of the runs' defined values (other parameters and symbols folded in),
 * null when none of them has one. Throws InvalidOptionError naming an option whose column is missing,
 * with the table's columns listed, or a symbol the table does not hold, with its symbols listed.
 * @example parameterCells(result.table, { x: "fast", y: "slow", fill: "sharpe", aggregate: "mean" }).cells
 */
export function parameterCells(table: arrow.Table, options: ParameterCellsOptions): ParameterGrid {
  const { x, y, fill, symbol, aggregate } = options;
  const xs = column(table, "x", x), ys = column(table, "y", y), metric = column(table, "fill", fill);
  if (x === y) invalid("y", y, `a column other than x ("${x}")`, "a heatmap needs two different parameters");
  if (!arrow.DataType.isInt(metric.type) && !arrow.DataType.isFloat(metric.type)) {
    invalid("fill", fill, `a numeric metric column, e.g. sharpe or totalReturn (got ${String(metric.type)})`, HINT);
  }
  const symbolColumn = table.getChild("symbol");
  const rowSymbols = Array.from({ length: table.numRows }, (_, i) => (symbolColumn == null ? "" : String(symbolColumn.get(i))));
  const known = [...new Set(rowSymbols)];
  if (symbol !== undefined && (symbolColumn == null || !known.includes(symbol))) {
    invalid("symbol", symbol, symbolColumn == null ? "no symbol: the table has no symbol column" : `one of ${known.map((s) => JSON.stringify(s)).join(", ")}`, "the symbols of the sweep");
  }
  const rows = rowSymbols.flatMap((s, i) => (symbol === undefined || s === symbol ? [i] : []));
  if (rows.length === 0) invalid("table", "0 rows", "a sweep result with at least one run", HINT);
  const xRaw = rows.map((i) => xs.get(i) as unknown), yRaw = rows.map((i) => ys.get(i) as unknown);
  const xDomain = axisDomain("x", x, xRaw), yDomain = axisDomain("y", y, yRaw);
  const groups = new Map<string, { x: string; y: string; values: number[]; runs: number }>();
  let undefinedRuns = 0;
  rows.forEach((row, k) => {
    const cx = legendLabel(xRaw[k]), cy = legendLabel(yRaw[k]);
    const key = JSON.stringify([cx, cy]);
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { x: cx, y: cy, values: [], runs: 0 }));
    group.runs++;
    const v = metric.get(row) as unknown;
    const value = v == null ? NaN : Number(v);
    if (!Number.isFinite(value)) undefinedRuns++;
    else group.values.push(value);
  });
  const cells: ParameterCell[] = [];
  for (const cy of yDomain) {
    for (const cx of xDomain) {
      const g = groups.get(JSON.stringify([cx, cy]));
      if (g !== undefined) cells.push({ x: cx, y: cy, value: combine(g.values, aggregate), runs: g.runs, defined: g.values.length });
    }
  }
  const symbols = symbolColumn == null ? [] : [...new Set(rows.map((i) => rowSymbols[i]!))];
  return { cells, xDomain, yDomain, symbols, runs: rows.length, undefinedRuns };
}
