import * as Plot from "@observablehq/plot";
import type * as arrow from "apache-arrow";
import { check, invalid } from "../core/check.js";
import { formatCount } from "../core/format-number.js";
import { metricLabel } from "./metric-label.js";
import { niceTicks } from "./nice-ticks.js";
import { numberColumn } from "./number-column.js";
import { requireColumns } from "./require-columns.js";
import { utcDateRange } from "./utc-date-range.js";
import { WALK_FORWARD_HINT, walkForwardRows, type WalkForwardRow } from "./walk-forward-rows.js";

/** The parts of a walk-forward result that {@link walkForwardChart} reads; a `WalkForwardResult` has them all. */
export interface WalkForwardChartInput {
  /** One row per symbol and window: spans, chosen parameters, inSample and outOfSample metric. */
  readonly windows: arrow.Table;
  /** The stitched out-of-sample equity: symbol, ts (epoch ms UTC), equity. */
  readonly equity: arrow.Table;
  /** The walk-forward settings, for the subtitle and the metric's name. Default: read from the windows table's metadata. */
  readonly settings?: { readonly metric?: string; readonly mode?: string; readonly train?: number; readonly test?: number };
}

/** Options of {@link walkForwardChart}. */
export interface WalkForwardChartOptions {
  /** The symbol to chart. Default: the first symbol of the windows table. */
  readonly symbol?: string;
  /** Chart title. Default "Walk-forward: <symbol>". */
  readonly title?: string;
  /** Chart subtitle. Default: the window mode and sizes and the selection metric; the dates covered (UTC) and the mean metrics go in the caption. */
  readonly subtitle?: string;
  /** Width of the plot, in px. Default 640. */
  readonly width?: number;
}

const TRAIN = "#6baed6";
const TEST = "#f28e2b";
const KEYS = ["train window / in sample", "test window / out of sample"];
const GAP = 30, EQUITY = 180, METRIC = 120, FONT = 10;
/** Height of a window's band, in px: 14 up to 20 windows, then shrinking so the bands take about 280 px (labels only from 11 px). */
const rowHeight = (windows: number) => (windows <= 20 ? 14 : Math.max(3, Math.floor(280 / windows)));

/** Returns the walk-forward settings from the input or the windows table's metadata. */
function settingsOf(input: WalkForwardChartInput): NonNullable<WalkForwardChartInput["settings"]> {
  if (input.settings != null) return input.settings;
  try {
    return JSON.parse(input.windows.schema.metadata.get("regime-lab.walkForward") ?? "{}") as NonNullable<WalkForwardChartInput["settings"]>;
  } catch {
    return {};
  }
}

/** Returns round ticks covering [lo, hi] and a map of each to a y in [bottom, bottom + height]. */
function panelScale(lo: number, hi: number, bottom: number, height: number) {
  if (!(hi > lo)) [lo, hi] = [lo - 1, hi + 1];
  const rough = niceTicks(lo, hi, 4);
  const step = rough.length > 1 ? rough[1]! - rough[0]! : hi - lo;
  const from = Math.floor(lo / step + 1e-9) * step, to = Math.ceil(hi / step - 1e-9) * step;
  const y = (v: number) => bottom + ((v - from) / (to - from)) * height;
  return { y, ticks: niceTicks(from, to, 4) };
}

/** Returns the mean of the defined values, or null. */
const mean = (values: readonly (number | null)[]) => {
  const v = values.filter((x): x is number => x !== null);
  return v.length === 0 ? null : v.reduce((a, b) => a + b, 0) / v.length;
};

/**
 * Returns Plot options of a walk-forward as three stacked panels on one UTC time axis: on top, one band
 * per window with its train span and test span, labelled with the parameters chosen on the train span
 * (e.g. "10/50"); in the middle, the stitched out-of-sample equity curve of one symbol, with dashed
 * lines where test windows start; below, the selection metric of each window in sample (open dot) and
 * out of sample (filled dot) joined by a line, so the gap between them shows ("n/a" where a metric is
 * undefined). Plot facets share one y scale, so the panels are drawn on one hidden y scale with an axis
 * each, as one SVG.
 * @example renderSvg(walkForwardChart(await runWalkForward(tables, spec, { train: 1000, test: 250 }, inProcessExecutor(tables))))
 */
export function walkForwardChart(result: WalkForwardChartInput, options: WalkForwardChartOptions = {}): Plot.PlotOptions {
  if (result == null || typeof result !== "object") invalid("result", result, "a walk-forward result with windows and equity tables", WALK_FORWARD_HINT);
  const equityTable = requireColumns(result.equity, "equity", ["symbol", "ts", "equity"], WALK_FORWARD_HINT);
  const { symbol, parameters, rows } = walkForwardRows(result.windows, options.symbol);
  const width = check.positiveInteger("width", options.width ?? 640);
  const settings = settingsOf(result);
  const metricName = typeof settings.metric === "string" ? settings.metric : "metric";

  const symbolColumn = equityTable.getChild("symbol")!;
  const allTs = numberColumn(equityTable, "ts"), allEquity = numberColumn(equityTable, "equity");
  const points = Array.from(allTs.keys()).filter((i) => String(symbolColumn.get(i)) === symbol && Number.isFinite(allEquity[i]!));
  const first = Math.min(...rows.map((r) => r.trainStart)), last = Math.max(...rows.map((r) => r.testEnd));

  const band = rowHeight(rows.length), gapPx = band >= 8 ? 2 : 0.5;
  const bandsTop = METRIC + GAP + EQUITY + GAP + rows.length * band;
  const equityBottom = METRIC + GAP;
  let eqLo = Infinity, eqHi = -Infinity;
  for (const i of points) [eqLo, eqHi] = [Math.min(eqLo, allEquity[i]!), Math.max(eqHi, allEquity[i]!)];
  const eq = points.length === 0 ? panelScale(0, 1, equityBottom, EQUITY) : panelScale(eqLo, eqHi, equityBottom, EQUITY);
  const values = rows.flatMap((r) => [r.inSample, r.outOfSample]).filter((v): v is number => v !== null);
  const mt = panelScale(Math.min(0, ...values), Math.max(0, ...values), 0, METRIC);

  const marginLeft = 64, marginRight = 20;
  const pxPerMs = (width - marginLeft - marginRight) / Math.max(1, last - first);
  const textPx = (text: string) => text.length * FONT * 0.6 + 6;
  const labelled = band < 11 ? [] : rows.map((r) => ({ ...r, text: `${r.label}${r.eligible ? "" : "*"}` }));
  const inTrain = labelled.filter((r) => (r.trainEnd - r.trainStart) * pxPerMs >= textPx(r.text));
  const outside = labelled.filter((r) => !inTrain.includes(r));
  const order = new Map(rows.map((r, i) => [r.window, i]));
  const rowTop = (r: WalkForwardRow) => bandsTop - order.get(r.window)! * band;
  const rowMid = (r: WalkForwardRow) => rowTop(r) - band / 2;
  const mid = (r: WalkForwardRow) => (r.testStart + r.testEnd) / 2;
  const both = rows.filter((r) => r.inSample !== null && r.outOfSample !== null);
  const missing = rows.flatMap((r) => [
    ...(r.inSample === null ? [{ x: mid(r), y: mt.y(0) + 8 }] : []),
    ...(r.outOfSample === null ? [{ x: mid(r), y: mt.y(0) - 8 }] : []),
  ]);
  const yLabels = (ticks: number[], y: (v: number) => number, text: (v: number) => string) => new Map(ticks.map((v) => [y(v), text(v)]));
  const eqLabels = yLabels(eq.ticks, eq.y, (v) => formatCount(Math.round(v)));
  const mtLabels = yLabels(mt.ticks, mt.y, (v) => metricLabel(metricName, v));

  const dates = utcDateRange(first, last);
  // Paired, as the walk-forward summary: only windows where both metrics are defined.
  const paired = rows.filter((r) => r.inSample !== null && r.outOfSample !== null);
  const meanIn = mean(paired.map((r) => r.inSample)), meanOut = mean(paired.map((r) => r.outOfSample));
  const notes = [
    `${rows.length} ${rows.length === 1 ? "window" : "windows"}${dates ? `, ${dates}` : ""}`,
    `mean ${metricName} in sample ${metricLabel(metricName, meanIn)}, out of sample ${metricLabel(metricName, meanOut)}` +
      (meanIn !== null && meanOut !== null ? ` (gap ${metricLabel(metricName, meanIn - meanOut)})` : ""),
  ];
  if (missing.length > 0) notes.push(`n/a: ${metricName} undefined in that window (e.g. no trades, or a flat equity curve)`);
  if (labelled.some((r) => !r.eligible)) notes.push("*: no combination had enough trades in the train window; the best was taken anyway");
  const sizes = typeof settings.train === "number" && typeof settings.test === "number" ? ` of ${settings.train} train / ${settings.test} test bars` : "";
  const mode = typeof settings.mode === "string" ? `${settings.mode} windows` : "windows";
  const panelLabel = { frameAnchor: "left", lineAnchor: "bottom", dy: -6, fontSize: 11, fontWeight: "bold", fill: "currentColor", ariaDescription: "panel label" } as const;
  return {
    title: options.title ?? `Walk-forward: ${symbol}`,
    subtitle: options.subtitle ?? `${mode}${sizes}; ${parameters.join("/") || "parameters"} chosen by the highest ${metricName}`,
    caption: notes.join("\n"),
    width,
    height: bandsTop + 22 + 30,
    marginTop: 22,
    marginBottom: 30,
    marginLeft,
    marginRight,
    x: { type: "utc", domain: [first, last], label: null },
    y: { domain: [0, bandsTop], axis: null },
    color: { type: "ordinal", domain: KEYS, range: [TRAIN, TEST], legend: true },
    marks: [
      Plot.gridY({ ticks: [...eq.ticks.map(eq.y), ...mt.ticks.map(mt.y)], ariaDescription: "grid" }),
      Plot.axisY({ ticks: eq.ticks.map(eq.y), tickFormat: (y: number) => eqLabels.get(y) ?? "", anchor: "left", label: null, ariaDescription: "equity axis" }),
      Plot.axisY({ ticks: mt.ticks.map(mt.y), tickFormat: (y: number) => mtLabels.get(y) ?? "", anchor: "left", label: null, ariaDescription: "metric axis" }),
      Plot.rect(rows, { x1: "trainStart", x2: "trainEnd", y1: (r: WalkForwardRow) => rowTop(r) - band + gapPx, y2: rowTop, fill: () => KEYS[0], ariaDescription: "train spans" }),
      Plot.rect(rows, { x1: "testStart", x2: "testEnd", y1: (r: WalkForwardRow) => rowTop(r) - band + gapPx, y2: rowTop, fill: () => KEYS[1], ariaDescription: "test spans" }),
      Plot.text(inTrain, { x: "trainEnd", y: (r: WalkForwardRow) => rowMid(r) + 1, text: "text", textAnchor: "end", dx: -3, fontSize: FONT, fill: "black", ariaDescription: "chosen parameters" }),
      Plot.text(outside, { x: "testEnd", y: (r: WalkForwardRow) => rowMid(r) + 1, text: "text", textAnchor: "start", dx: 3, fontSize: FONT, fill: "currentColor", ariaDescription: "chosen parameters beside" }),
      Plot.ruleX(rows, { x: "testStart", y1: 0, y2: equityBottom + EQUITY, stroke: "currentColor", strokeOpacity: 0.35, strokeDasharray: "3,3", ariaDescription: "test window starts" }),
      Plot.ruleY([mt.y(0)], { stroke: "currentColor", strokeOpacity: 0.5, ariaDescription: "metric zero" }),
      Plot.lineY(points, { x: (i: number) => allTs[i], y: (i: number) => eq.y(allEquity[i]!), stroke: "currentColor", strokeWidth: 1.5, ariaDescription: "out-of-sample equity" }),
      Plot.ruleX(both, { x: mid, y1: (r: WalkForwardRow) => mt.y(r.inSample!), y2: (r: WalkForwardRow) => mt.y(r.outOfSample!), stroke: "#888", strokeWidth: 1.5, ariaDescription: "gaps" }),
      Plot.dot(rows.filter((r) => r.inSample !== null), { x: mid, y: (r: WalkForwardRow) => mt.y(r.inSample!), r: 3.5, stroke: () => KEYS[0], strokeWidth: 2, fill: "white", ariaDescription: "in sample" }),
      Plot.dot(rows.filter((r) => r.outOfSample !== null), { x: mid, y: (r: WalkForwardRow) => mt.y(r.outOfSample!), r: 3.5, fill: () => KEYS[1], ariaDescription: "out of sample" }),
      Plot.text(missing, { x: "x", y: "y", text: () => "n/a", fontSize: FONT, fill: "#555", ariaDescription: "n/a" }),
      Plot.text([bandsTop], { ...panelLabel, y: bandsTop, text: () => `windows: train then test, labelled with the chosen ${parameters.join("/") || "parameters"}` }),
      Plot.text([equityBottom + EQUITY], { ...panelLabel, y: equityBottom + EQUITY, text: () => "stitched out-of-sample equity" }),
      Plot.text([METRIC], { ...panelLabel, y: METRIC, text: () => `${metricName} per window: in sample (open) and out of sample (filled)` }),
    ],
  };
}
