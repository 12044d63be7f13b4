import type * as arrow from "apache-arrow";
import { SchemaError, type DataIssue } from "../core/errors.js";
import type { BarColumns, SymbolInfo } from "../core/types.js";
import { makeBarTable } from "./bar-table.js";
import { repairBars, type RepairOptions, type RepairRecord } from "./repair-bars.js";
import { findBarIssues } from "./validate-bars.js";

/**
 * What a bar loader returns: the canonical bar table and the list of rows its explicit repairs
 * changed (empty when no repair was asked for or none was needed). Both survive structuredClone.
 */
export interface BarLoadResult {
  readonly table: arrow.Table;
  readonly repairs: RepairRecord[];
}

/** Options of {@link barLoadResult}. */
export interface BarLoadResultOptions {
  /** Where the bars came from, named in every issue and record. Default "bars". */
  readonly source?: string;
  /** Maps a 0-based row index to its 1-based file line, for text sources. Default: none (rows only). */
  readonly lineOf?: (index: number) => number;
  /** Issues the loader found while reading (bad cells); rows with one hold NaN in that cell. Default none. */
  readonly issues?: readonly DataIssue[];
  /** Repairs to apply instead of throwing. Default: none, so any issue throws SchemaError. */
  readonly repair?: RepairOptions;
}

/**
 * Returns the bar table of loaded columns after checking every bar rule, or, when `repair` is given,
 * after applying those repairs and listing each changed row; throws SchemaError listing source, line,
 * row and column of every issue left. Shared by the CSV and Arrow loaders.
 * @example barLoadResult(columns, { symbol: "SPX", timeZone: "America/New_York", interval: "1d" }, { source: "x.csv" })
 */
export function barLoadResult(columns: BarColumns, info: SymbolInfo, options: BarLoadResultOptions = {}): BarLoadResult {
  const source = options.source ?? "bars";
  const lineOf = options.lineOf;
  if (columns.tsClose.length === 0) throw empty(source, "no bars (expected at least one row of data)");
  const issues = mergeIssues(options.issues ?? [], findBarIssues(columns, { source, lineOf }));
  if (issues.length === 0) return { table: makeBarTable(columns, info, { source, validate: false }), repairs: [] };
  const repair = options.repair;
  if (repair === undefined) throw new SchemaError(issues, hint(issues, "pass { repair: { ... } } to sort or drop rows explicitly"));
  const fixed = repairBars(columns, { ...repair, source, lineOf, issues });
  const { origin } = fixed;
  if (origin.length === 0) throw empty(source, "no bars left: the repairs dropped every row, for these issues", issues);
  const left = findBarIssues(fixed.columns, {
    source,
    rowOf: (i) => origin[i]! + 1,
    lineOf: lineOf === undefined ? undefined : (i) => lineOf(origin[i]!),
  });
  const remaining = withReadMessages(left, options.issues ?? []);
  if (remaining.length > 0) throw new SchemaError(remaining, hint(remaining, "the repairs asked for leave these issues; add to repair"));
  return { table: makeBarTable(fixed.columns, info, { source, validate: false }), repairs: fixed.repairs };
}

function empty(source: string, what: string, why: readonly DataIssue[] = []): SchemaError {
  return new SchemaError([{ code: "EMPTY_DATA", source, row: 0, message: `${source}: ${what}` }, ...why]);
}

/** Returns the issues of both lists in row order, without the NaN placeholders of cells the reader already reported. */
function mergeIssues(read: readonly DataIssue[], found: readonly DataIssue[]): DataIssue[] {
  if (read.length === 0) return found.slice();
  const bad = new Set(read.map((issue) => issue.row));
  const kept = found.filter((issue) => !(issue.code === "NOT_A_NUMBER" && bad.has(issue.row)));
  return [...read, ...kept].sort((a, b) => a.row - b.row);
}

/** Returns `found` with the NaN placeholders of a row replaced, once, by what the reader reported for it. */
function withReadMessages(found: readonly DataIssue[], read: readonly DataIssue[]): DataIssue[] {
  const byRow = new Map<number, DataIssue[]>();
  for (const issue of read) byRow.set(issue.row, [...(byRow.get(issue.row) ?? []), issue]);
  const out: DataIssue[] = [];
  for (const issue of found) {
    const own = issue.code === "NOT_A_NUMBER" ? byRow.get(issue.row) : undefined;
    if (own === undefined) out.push(issue);
    else if (own.length > 0) out.push(...own.splice(0));
  }
  return out;
}

/** Returns the repair options that would clear these issues, as a hint, or "" when none would. */
function hint(issues: readonly DataIssue[], lead: string): string {
  const fixes = new Set<string>();
  for (const { code } of issues) {
    if (code === "UNSORTED_TIMESTAMPS") fixes.add("sort: true");
    else if (code === "DUPLICATE_TIMESTAMP") fixes.add("dropDuplicates: \"first\" | \"last\"");
    else if (code !== "EMPTY_DATA") fixes.add("dropInvalid: true");
  }
  return fixes.size === 0 ? "" : `hint: ${lead}: { ${[...fixes].join(", ")} }; every change is listed in the result's repairs`;
}
