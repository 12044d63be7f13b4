import type { DataIssue, ErrorCode } from "../core/errors.js";
import { toIso } from "../core/time.js";
import { BAR_FIELDS, type BarColumns } from "../core/types.js";

/** Options of {@link findBarIssues}. */
export interface FindBarIssuesOptions {
  /** Where the bars came from, named in each issue. Default "bars". */
  readonly source?: string;
  /** Maps a 0-based bar index to its 1-based line in a text file, when the bars came from one. */
  readonly lineOf?: (index: number) => number;
  /** Maps a 0-based bar index to the 1-based row to report, e.g. its row before a repair (default index + 1). */
  readonly rowOf?: (index: number) => number;
  /** Stop after this many issues (default Infinity). */
  readonly limit?: number;
}

/**
 * Returns every rule a series of bars breaks, in row order: non-finite values, non-positive prices,
 * high below low, open or close outside [low, high], negative volume, a close before its open, and
 * close times that do not strictly increase (unsorted or duplicate). An empty array means valid;
 * zero bars are valid here (loaders reject an empty file themselves).
 */
export function findBarIssues(c: BarColumns, options: FindBarIssuesOptions = {}): DataIssue[] {
  const source = options.source ?? "bars";
  const limit = options.limit ?? Infinity;
  const issues: DataIssue[] = [];
  const n = c.tsClose.length;
  const add = (code: ErrorCode, i: number, column: string, value: number, what: string): boolean => {
    const line = options.lineOf?.(i);
    const row = options.rowOf === undefined ? i + 1 : options.rowOf(i);
    const where = line === undefined ? `row ${row}` : `line ${line} (row ${row})`;
    issues.push({ code, source, row, line, column, value: String(value), message: `${source} ${where}, column "${column}": ${what}` });
    return issues.length >= limit;
  };
  for (let i = 0; i < n; i++) {
    let finite = true;
    for (const f of BAR_FIELDS) {
      const v = c[f][i]!;
      if (!Number.isFinite(v)) {
        finite = false;
        if (add("NOT_A_NUMBER", i, f, v, `${v} is not a finite number`)) return issues;
      }
    }
    if (!finite) continue;
    const o = c.open[i]!, h = c.high[i]!, l = c.low[i]!, cl = c.close[i]!;
    for (const f of ["open", "high", "low", "close"] as const) {
      const v = c[f][i]!;
      if (v <= 0 && add("NON_POSITIVE_PRICE", i, f, v, `price ${v} is not positive`)) return issues;
    }
    if (h < l && add("HIGH_BELOW_LOW", i, "high", h, `high ${h} is below low ${l}`)) return issues;
    if (h >= l) {
      if ((o < l || o > h) && add("OPEN_OUTSIDE_RANGE", i, "open", o, `open ${o} is outside [low ${l}, high ${h}]`)) return issues;
      if ((cl < l || cl > h) && add("CLOSE_OUTSIDE_RANGE", i, "close", cl, `close ${cl} is outside [low ${l}, high ${h}]`)) return issues;
    }
    const vol = c.volume[i]!;
    if (vol < 0 && add("NEGATIVE_VOLUME", i, "volume", vol, `volume ${vol} is negative`)) return issues;
    const to = c.tsOpen[i]!, tc = c.tsClose[i]!;
    if (to > tc && add("INVALID_TIMESTAMP", i, "tsOpen", to, `bar opens at ${toIso(to)}, after it closes at ${toIso(tc)}`)) return issues;
    if (i > 0) {
      const prev = c.tsClose[i - 1]!;
      if (Number.isFinite(prev) && tc < prev) {
        if (add("UNSORTED_TIMESTAMPS", i, "tsClose", tc, `close time ${toIso(tc)} is before the previous row's ${toIso(prev)} (bars must be in time order)`)) return issues;
      } else if (tc === prev) {
        if (add("DUPLICATE_TIMESTAMP", i, "tsClose", tc, `close time ${toIso(tc)} repeats the previous row's`)) return issues;
      }
    }
  }
  return issues;
}
