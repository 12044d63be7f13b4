import * as Plot from "@observablehq/plot";
import { check, invalid } from "../core/check.js";
import { regimeRuns, type RegimeRun, type RegimeTimeline } from "../regime/regime-runs.js";
import { regimeColorScale } from "./regime-marks.js";
import { utcDateRange } from "./utc-date-range.js";

/** Options of {@link regimeTimelineChart}. */
export interface RegimeTimelineChartOptions {
  /** Chart title. Default "Regime timeline". */
  readonly title?: string;
  /** Chart subtitle. Default: the dates covered (UTC). */
  readonly subtitle?: string;
  /** Width of the plot, in px. Default 640. */
  readonly width?: number;
  /** Height of each row, in px. Default 28. */
  readonly rowHeight?: number;
}

/**
 * Returns Plot options of a regime timeline: one row per named timeline (e.g. the true labels, the
 * rule-based classifier and the HMM), each a strip of bands colored by regime, so that classifiers
 * can be compared with each other and with the truth at a glance. Warm-up is left blank.
 * @example show(regimeTimelineChart({ truth, rules: rules.history(), hmm: hmm.history() }))
 */
export function regimeTimelineChart(timelines: Readonly<Record<string, RegimeTimeline>>, options: RegimeTimelineChartOptions = {}): Plot.PlotOptions {
  if (timelines == null || typeof timelines !== "object" || Object.keys(timelines).length === 0) {
    invalid("timelines", timelines, "an object of named timelines, e.g. { rules: rules.history(), hmm: hmm.history() }");
  }
  const width = check.positiveInteger("width", options.width ?? 640);
  const rowHeight = check.positiveInteger("rowHeight", options.rowHeight ?? 28);
  const names = Object.keys(timelines);
  const rows: (RegimeRun & { name: string })[] = [];
  for (const name of names) for (const run of regimeRuns(timelines[name]!)) rows.push({ ...run, name, end: Math.max(run.end, run.start + 1) });
  const first = Math.min(...rows.map((r) => r.start)), last = Math.max(...rows.map((r) => r.last));
  const range = rows.length === 0 ? undefined : utcDateRange(first, last);
  return {
    title: options.title ?? "Regime timeline",
    subtitle: options.subtitle ?? range,
    width,
    height: 90 + rowHeight * names.length,
    marginLeft: 90,
    x: { type: "utc", label: null },
    y: { domain: names, label: null },
    color: regimeColorScale(),
    marks: [Plot.barX(rows, { x1: "start", x2: "end", y: "name", fill: "regime", inset: 0, ariaDescription: "regime runs" })],
  };
}
