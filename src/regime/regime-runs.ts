import type * as arrow from "apache-arrow";
import { invalid } from "../core/check.js";
import { isRegime, type Regime } from "./regimes.js";

/** One stretch of consecutive bars in the same regime. Times are epoch ms UTC. */
export interface RegimeRun {
  readonly regime: Regime;
  /** Close time of the run's first bar. */
  readonly start: number;
  /** Close time of the first bar after the run (where the next run starts), or of its own last bar at the end of the data. */
  readonly end: number;
  /** Close time of the run's last bar. */
  readonly last: number;
  /** Bars in the run. */
  readonly bars: number;
}

/** A regime timeline: an Arrow table with `ts` and `regime` columns (classifier.history()), or plain rows. */
export type RegimeTimeline = arrow.Table | readonly { readonly ts: number; readonly regime: Regime | null }[];

/**
 * Returns the columns of a regime timeline: close times and regimes (null while warming up), checking
 * that the times increase and every regime is known. The columns of a table are read once and shared:
 * treat them as read-only.
 * @example timelineColumns(classifier.history()).regimes[0] // null (warming up)
 */
export function timelineColumns(timeline: RegimeTimeline): { ts: Float64Array; regimes: (Regime | null)[] } {
  // Arrow tables are immutable, so a table's columns are read and checked once (a sweep reads one timeline per run).
  const table = Array.isArray(timeline) ? undefined : (timeline as arrow.Table);
  const cached = table === undefined ? undefined : decoded.get(table);
  if (cached !== undefined) return cached;
  const columns = readTimeline(timeline);
  if (table !== undefined && typeof table === "object" && table !== null) decoded.set(table, columns);
  return columns;
}

const decoded = new WeakMap<arrow.Table, { ts: Float64Array; regimes: (Regime | null)[] }>();

function readTimeline(timeline: RegimeTimeline): { ts: Float64Array; regimes: (Regime | null)[] } {
  let ts: Float64Array, regimes: (Regime | null)[];
  if (Array.isArray(timeline)) {
    const rows = timeline as readonly { ts: number; regime: Regime | null }[];
    ts = Float64Array.from(rows, (r) => r.ts);
    regimes = rows.map((r) => r.regime ?? null);
  } else if (timeline != null && typeof (timeline as arrow.Table).getChild === "function") {
    const table = timeline as arrow.Table;
    const t = table.getChild("ts"), r = table.getChild("regime");
    if (t == null || r == null) invalid("timeline", `a table with columns ${table.schema.fields.map((f) => f.name).join(", ")}`, "a table with columns ts and regime", "pass classifier.history()");
    ts = Float64Array.from({ length: table.numRows }, (_, i) => Number(t.get(i)));
    regimes = Array.from({ length: table.numRows }, (_, i) => (r.get(i) as Regime | null) ?? null);
  } else {
    return invalid("timeline", timeline, "classifier.history() or an array of { ts, regime }");
  }
  for (let i = 0; i < ts.length; i++) {
    if (!Number.isFinite(ts[i]!) || (i > 0 && !(ts[i]! > ts[i - 1]!))) invalid(`timeline row ${i + 1} ts`, ts[i], "finite times increasing row by row");
    const regime = regimes[i];
    if (regime !== null && !isRegime(regime)) invalid(`timeline row ${i + 1} regime`, regime, "a regime of REGIMES or null");
  }
  return { ts, regimes };
}

/**
 * Returns the runs of a regime timeline: each stretch of consecutive bars with the same regime, in
 * time order; bars without a regime (warm-up) belong to no run. A run reaches until the next run's
 * first bar, so shaded bands drawn from runs leave no gaps; the last run ends at its own last bar.
 * @example regimeRuns(classifier.history()).filter((r) => r.regime === "high-volatility")
 */
export function regimeRuns(timeline: RegimeTimeline): RegimeRun[] {
  const { ts, regimes } = timelineColumns(timeline);
  const runs: RegimeRun[] = [];
  let i = 0;
  while (i < ts.length) {
    const regime = regimes[i];
    let j = i + 1;
    while (j < ts.length && regimes[j] === regime) j++;
    if (regime !== null) runs.push({ regime, start: ts[i]!, end: j < ts.length ? ts[j]! : ts[j - 1]!, last: ts[j - 1]!, bars: j - i });
    i = j;
  }
  return runs;
}
