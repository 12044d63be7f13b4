import * as Plot from "@observablehq/plot";
import type * as arrow from "apache-arrow";
import { check, invalid } from "../core/check.js";
import { numberColumn } from "./number-column.js";
import { requireColumns } from "./require-columns.js";
import { utcDateRange } from "./utc-date-range.js";

/** The parts of a backtest result that {@link equityCurvesChart} reads; a `BacktestResult` has them all. */
export interface EquityCurvesInput {
  /** One row per step: ts (epoch ms UTC) and equity. */
  readonly equity: arrow.Table;
  /** One row per bar of each symbol: symbol, ts (epoch ms UTC) and pnl (realized + unrealized). */
  readonly symbolEquity: arrow.Table;
  /** The cash the run started with, the zero of the portfolio's P&L. */
  readonly summary?: { readonly initialCash: number };
}

/** Options of {@link equityCurvesChart}. */
export interface EquityCurvesChartOptions {
  /** Chart title. Default "P&L by symbol". */
  readonly title?: string;
  /** Chart subtitle. Default: what is drawn and the dates covered (UTC); the unit is in the y-axis label. */
  readonly subtitle?: string;
  /** Plot P&L in money ("currency") or in percent of the initial equity ("percent"). Default "currency". */
  readonly valueAs?: "currency" | "percent";
  /** Name of the account currency in the axis label. Default "USD". */
  readonly currency?: string;
  /** Draw the whole portfolio's P&L (equity minus initial cash) as a thicker line over the symbols'. Default true. */
  readonly total?: boolean;
  /** Symbols to draw, in legend order. Default: every symbol, in order of first appearance. */
  readonly symbols?: readonly string[];
  /** Width of the plot, in px. Default 640. */
  readonly width?: number;
  /** Height of the plot, in px. Default 360. */
  readonly height?: number;
}

/** Symbol colors (Observable 10, cycled beyond ten symbols); the portfolio total takes the text color. */
const COLORS = ["#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#3ca951", "#ff8ab7", "#a463f2", "#97bbf5", "#9c6b4e", "#9498a0"];
const HINT = "pass the result of BacktestEngine.run()";

/**
 * Returns Plot options of a chart of where a backtest's profit came from: one line per symbol of its
 * P&L (realized plus unrealized, from `symbolEquity`) and, on top, the whole portfolio's P&L (equity
 * minus the initial cash), all on one axis from zero so the contributions visibly add up to the total
 * (up to costs not booked to a symbol). Time runs on a UTC axis; an ordinal legend names the lines.
 * @example renderSvg(equityCurvesChart(engine.run(), { valueAs: "percent" }))
 */
export function equityCurvesChart(result: EquityCurvesInput, options: EquityCurvesChartOptions = {}): Plot.PlotOptions {
  if (result == null || typeof result !== "object") invalid("result", result, "a backtest result with equity and symbolEquity tables", HINT);
  const equity = requireColumns(result.equity, "equity", ["ts", "equity"], HINT);
  const bySymbol = requireColumns(result.symbolEquity, "symbolEquity", ["symbol", "ts", "pnl"], HINT);
  const valueAs = check.keyword("valueAs", options.valueAs ?? "currency", ["currency", "percent"] as const);
  const currency = check.nonEmptyString("currency", options.currency ?? "USD");
  const width = check.positiveInteger("width", options.width ?? 640);
  const height = check.positiveInteger("height", options.height ?? 360);
  const total = options.total ?? true;

  const ts = numberColumn(equity, "ts");
  const values = numberColumn(equity, "equity");
  const initial = result.summary?.initialCash ?? values[0] ?? NaN;
  if (valueAs === "percent" && !(initial > 0)) {
    invalid("summary.initialCash", initial, "a positive number to take percentages of", "use valueAs \"currency\"");
  }
  const scale = valueAs === "percent" ? 100 / initial : 1;

  const symbolColumn = bySymbol.getChild("symbol")!;
  const rowSymbols = Array.from({ length: bySymbol.numRows }, (_, i) => String(symbolColumn.get(i)));
  const known = [...new Set(rowSymbols)];
  const symbols = options.symbols === undefined ? known : options.symbols.map((s, i) => {
    if (!known.includes(s)) invalid(`symbols[${i}]`, s, `one of ${known.map((k) => JSON.stringify(k)).join(", ")}`, "the symbols of symbolEquity");
    return s;
  });
  const wanted = new Set(symbols);
  const rowTs = numberColumn(bySymbol, "ts");
  const rowPnl = numberColumn(bySymbol, "pnl");
  const rows = rowSymbols.flatMap((s, i) => (wanted.has(s) ? [i] : []));

  const totalLabel = symbols.includes("portfolio") ? "portfolio total" : "portfolio";
  const unit = valueAs === "percent" ? "% of initial equity" : currency;
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: "currentColor", strokeOpacity: 0.5 }),
    Plot.lineY(rows, {
      x: (i: number) => rowTs[i], y: (i: number) => rowPnl[i]! * scale, z: (i: number) => rowSymbols[i], stroke: (i: number) => rowSymbols[i],
      strokeWidth: 1.25, ariaDescription: "P&L per symbol",
    }),
  ];
  if (total) {
    const steps = Array.from(ts.keys());
    marks.push(Plot.lineY(steps, {
      x: (i: number) => ts[i], y: (i: number) => (values[i]! - initial) * scale, stroke: () => totalLabel,
      strokeWidth: 2.25, ariaDescription: "portfolio P&L",
    }));
  }
  const domain = total ? [...symbols, totalLabel] : symbols;
  const range = domain.map((label, i) => (label === totalLabel && total ? "currentColor" : COLORS[i % COLORS.length]!));
  const dates = ts.length > 0 ? utcDateRange(ts[0]!, ts[ts.length - 1]!) : undefined;
  const drawn = total ? "per symbol and in total" : "per symbol";
  return {
    title: options.title ?? "P&L by symbol",
    subtitle: options.subtitle ?? `realized + unrealized P&L ${drawn}${dates ? `, ${dates}` : ""}`,
    width,
    height,
    marginLeft: 64,
    x: { type: "utc", label: null },
    y: { grid: true, nice: true, label: `P&L (${unit})` },
    color: { type: "ordinal", domain, range, legend: true },
    marks,
  };
}
