import * as Plot from "@observablehq/plot";
import type * as arrow from "apache-arrow";
import { check } from "../core/check.js";
import { probabilityColumn } from "../regime/regime-history.js";
import { REGIMES, type Regime } from "../regime/regimes.js";
import { numberColumn } from "./number-column.js";
import { regimeColorScale } from "./regime-marks.js";
import { requireColumns } from "./require-columns.js";
import { utcDateRange } from "./utc-date-range.js";

/** Options of {@link regimeProbabilityChart}. */
export interface RegimeProbabilityChartOptions {
  /** Chart title. Default "Filtered regime probabilities". */
  readonly title?: string;
  /** Chart subtitle. Default: what is drawn and the dates covered (UTC). */
  readonly subtitle?: string;
  /** Width of the plot, in px. Default 640. */
  readonly width?: number;
  /** Height of the plot, in px. Default 200. */
  readonly height?: number;
}

/**
 * Returns Plot options of a probability ribbon: at each bar, the filtered probability of each regime
 * (a probabilistic classifier's `history()` columns `p:<regime>`) stacked from 0 to 1, colored by
 * regime. Filtered means given the bars up to that one only; warm-up bars (no probabilities) are left
 * blank.
 * @example show(regimeProbabilityChart(hmm.history()))
 */
export function regimeProbabilityChart(history: arrow.Table, options: RegimeProbabilityChartOptions = {}): Plot.PlotOptions {
  requireColumns(history, "history", ["ts", ...REGIMES.map(probabilityColumn)], "pass the history() of a probabilistic classifier such as HmmClassifier");
  const width = check.positiveInteger("width", options.width ?? 640);
  const height = check.positiveInteger("height", options.height ?? 200);
  const ts = numberColumn(history, "ts");
  const rows: { ts: number; regime: Regime; p: number }[] = [];
  const columns = REGIMES.map((r) => numberColumn(history, probabilityColumn(r)));
  for (let i = 0; i < ts.length; i++) {
    if (columns.some((c) => Number.isNaN(c[i]!))) continue;
    REGIMES.forEach((regime, k) => rows.push({ ts: ts[i]!, regime, p: columns[k]![i]! }));
  }
  const range = ts.length === 0 ? undefined : utcDateRange(ts[0]!, ts[ts.length - 1]!);
  return {
    title: options.title ?? "Filtered regime probabilities",
    subtitle: options.subtitle ?? `P(regime | bars so far), stacked${range === undefined ? "" : `, ${range}`}`,
    width,
    height,
    marginLeft: 50,
    x: { type: "utc", label: null },
    y: { domain: [0, 1], label: "probability", grid: true },
    color: regimeColorScale(),
    marks: [Plot.areaY(rows, { x: "ts", y: "p", fill: "regime", order: [...REGIMES], curve: "step-after", ariaDescription: "regime probabilities" })],
  };
}
