import type { DataIssue, ErrorCode } from "../core/errors.js";
import { toIso } from "../core/time.js";
import { BAR_FIELDS, type BarColumns } from "../core/types.js";
import { findBarIssues } from "./validate-bars.js";

/** Which repairs a loader may apply to bar rows; each one is opt-in and every change it makes is reported. */
export interface RepairOptions {
  /** Sort rows by close time, stably (rows with equal close times keep their file order). Default false. */
  readonly sort?: boolean;
  /** Drop rows that break a row rule: a bad number or timestamp, a non-positive price, high below low... Default false. */
  readonly dropInvalid?: boolean;
  /** Keep the first or the last of consecutive rows (after sorting, when sorting) with the same close time. Default: keep all. */
  readonly dropDuplicates?: "first" | "last";
}

/** Options of {@link repairBars}: the repairs to apply and how to name rows in the records. */
export interface RepairBarsOptions extends RepairOptions {
  /** Where the bars came from, named in each record. Default "bars". */
  readonly source?: string;
  /** Maps a 0-based input index to its 1-based line in a text file, when the bars came from one. */
  readonly lineOf?: (index: number) => number;
  /** Issues already known for the input rows (e.g. unparseable cells); default: findBarIssues of the input. */
  readonly issues?: readonly DataIssue[];
}

/** One row a repair changed: where it was in the input, what happened to it and why. */
export interface RepairRecord {
  /** "dropped": the row is not in the result; "moved": the row is in the result at another place. */
  readonly action: "dropped" | "moved";
  /** Why: the rule the row broke, e.g. "HIGH_BELOW_LOW", "DUPLICATE_TIMESTAMP" or "UNSORTED_TIMESTAMPS". */
  readonly code: ErrorCode;
  readonly source: string;
  /** 1-based data row in the input. */
  readonly row: number;
  /** 1-based line in the input text file, header included, when the bars came from one. */
  readonly line?: number;
  /** For a moved row: its 1-based row in the result. */
  readonly toRow?: number;
  readonly message: string;
}

/** The result of {@link repairBars}: new columns, the input index of each result row, and every change. */
export interface RepairedBars {
  readonly columns: BarColumns;
  /** For each result row, its 0-based index in the input. */
  readonly origin: Int32Array;
  /** One record per changed row, in input row order. */
  readonly repairs: RepairRecord[];
}

const ORDER_CODES: readonly ErrorCode[] = ["UNSORTED_TIMESTAMPS", "DUPLICATE_TIMESTAMP", "EMPTY_DATA"];

/**
 * Returns repaired copies of bar columns, never touching the input: rows that break a row rule are
 * dropped (`dropInvalid`), the rest sorted stably by close time (`sort`), then runs of equal close
 * times cut to their first or last row (`dropDuplicates`). Each dropped or reordered row gets one
 * record; a sort reports as moved only the rows outside a longest run already in order.
 * @example repairBars(columns, { sort: true, dropDuplicates: "last", source: "x.csv" }).repairs
 */
export function repairBars(columns: BarColumns, options: RepairBarsOptions = {}): RepairedBars {
  const source = options.source ?? "bars";
  const lineOf = options.lineOf;
  const n = columns.tsClose.length;
  const issues = options.issues ?? findBarIssues(columns, { source, lineOf });
  const dropped = new Map<number, { code: ErrorCode; message: string }>();
  const record = (i: number, action: RepairRecord["action"], code: ErrorCode, message: string): RepairRecord => {
    const line = lineOf?.(i);
    return line === undefined ? { action, code, source, row: i + 1, message } : { action, code, source, row: i + 1, line, message };
  };
  let order: number[] = [];
  if (options.dropInvalid) {
    for (const issue of issues) {
      if (issue.row > 0 && !ORDER_CODES.includes(issue.code) && !dropped.has(issue.row - 1)) {
        dropped.set(issue.row - 1, { code: issue.code, message: `${issue.message}; dropped (dropInvalid)` });
      }
    }
  }
  for (let i = 0; i < n; i++) if (!dropped.has(i)) order.push(i);
  const t = columns.tsClose;
  const key = (i: number): number => (Number.isNaN(t[i]!) ? Infinity : t[i]!);
  let moved = new Set<number>();
  if (options.sort && !order.every((i, k) => k === 0 || key(order[k - 1]!) <= key(i))) {
    moved = outOfOrder(order, key);
    order = order.slice().sort((a, b) => key(a) - key(b) || a - b);
  }
  if (options.dropDuplicates !== undefined) {
    const keepLast = options.dropDuplicates === "last";
    const kept: number[] = [];
    for (let k = 0; k < order.length; ) {
      let end = k + 1;
      while (end < order.length && t[order[end]!] === t[order[k]!]) end++;
      const keep = order[keepLast ? end - 1 : k]!;
      kept.push(keep);
      for (let j = k; j < end; j++) {
        const i = order[j]!;
        if (i === keep) continue;
        const message = `${source} ${where(i, lineOf)}: close time ${isoOrText(t[i]!)} repeats ${where(keep, lineOf)}, which is kept; dropped (dropDuplicates: "${options.dropDuplicates}")`;
        dropped.set(i, { code: "DUPLICATE_TIMESTAMP", message });
      }
      k = end;
    }
    order = kept;
  }
  const origin = Int32Array.from(order);
  const out = {} as Record<(typeof BAR_FIELDS)[number], Float64Array>;
  for (const f of BAR_FIELDS) {
    const from = columns[f];
    const to = new Float64Array(origin.length);
    for (let k = 0; k < origin.length; k++) to[k] = from[origin[k]!]!;
    out[f] = to;
  }
  const repairs: RepairRecord[] = [];
  const at = new Map<number, number>();
  if (moved.size > 0) origin.forEach((i, k) => at.set(i, k));
  for (let i = 0; i < n; i++) {
    const drop = dropped.get(i);
    if (drop !== undefined) repairs.push(record(i, "dropped", drop.code, drop.message));
    else if (moved.has(i)) {
      const k = at.get(i)!;
      const place = k === 0 ? "first" : `after ${where(origin[k - 1]!, lineOf)}`;
      const message = `${source} ${where(i, lineOf)}: close time ${isoOrText(t[i]!)} is out of order; moved (sort) to row ${k + 1} of the result, ${place}`;
      repairs.push({ ...record(i, "moved", "UNSORTED_TIMESTAMPS", message), toRow: k + 1 });
    }
  }
  return { columns: out, origin, repairs };
}

const isoOrText = (ms: number): string => (Number.isFinite(ms) ? toIso(ms) : String(ms));

function where(i: number, lineOf: ((index: number) => number) | undefined): string {
  return lineOf === undefined ? `row ${i + 1}` : `line ${lineOf(i)} (row ${i + 1})`;
}

/** Returns the rows outside one longest non-decreasing run of keys: the fewest a stable sort must move. */
function outOfOrder(order: readonly number[], key: (i: number) => number): Set<number> {
  const tails: number[] = []; // tails[len - 1] = position in `order` ending the best run of that length
  const prev = new Int32Array(order.length).fill(-1);
  for (let k = 0; k < order.length; k++) {
    const v = key(order[k]!);
    let lo = 0, hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (key(order[tails[mid]!]!) <= v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const inRun = new Set<number>();
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) inRun.add(order[k]!);
  const moved = new Set<number>();
  for (const i of order) if (!inRun.has(i)) moved.add(i);
  return moved;
}
