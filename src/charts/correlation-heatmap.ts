import * as Plot from "@observablehq/plot";
import { check, invalid } from "../core/check.js";
import type { CorrelationMatrix } from "../metrics/correlation-matrix.js";

/** Options of {@link correlationHeatmap}. */
export interface CorrelationHeatmapOptions {
  /** Chart title. Default "Return correlation". */
  readonly title?: string;
  /** Chart subtitle. Default: "Pearson r of close-to-close returns, <n> periods" (the fewest to most periods a pair shares). */
  readonly subtitle?: string;
  /** Side of one square cell, in px. Default 56. */
  readonly cellSize?: number;
  /** Diverging color scheme over [-1, 1] (a Plot scheme name). Default "rdbu": red for -1, white for 0, blue for +1. */
  readonly scheme?: Plot.ColorScheme;
  /** Smallest width of the chart, in px, so the legend fits above a small matrix; it also grows to fit the title, subtitle and caption. Default 320. */
  readonly minWidth?: number;
}

/** One cell: row symbol, column symbol and the correlation, null when undefined. */
interface Cell {
  readonly row: string;
  readonly column: string;
  readonly value: number | null;
  readonly text: string;
}

const GREY = "#d0d0d0";
const CAPTION = "n/a: undefined (too few common periods, or a constant series)";
/** Width a line of text needs, in px, estimated from its length (there is no text measurement outside a browser). */
const textWidth = (text: string | undefined, fontSize: number) => (text === undefined ? 0 : Math.ceil(text.length * fontSize * 0.6) + 16);
/** Two decimals with a true minus sign; a value that rounds to zero shows as 0.00. */
const label = (r: number) => (Math.abs(r) < 0.005 ? "0.00" : r.toFixed(2).replace("-", "\u2212"));

function cellsOf(m: CorrelationMatrix): Cell[] {
  if (m == null || typeof m !== "object" || !Array.isArray(m.symbols) || !Array.isArray(m.matrix)) {
    invalid("matrix", m, "a CorrelationMatrix { symbols, matrix }", "pass result.correlation or correlationMatrix(...)");
  }
  const k = m.symbols.length;
  m.symbols.forEach((s, i) => check.nonEmptyString(`matrix.symbols[${i}]`, s));
  if (new Set(m.symbols).size !== k) invalid("matrix.symbols", m.symbols, "each symbol once");
  if (m.matrix.length !== k) invalid("matrix.matrix", `${m.matrix.length} rows`, `${k} rows, one per symbol`);
  const cells: Cell[] = [];
  m.matrix.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== k) invalid(`matrix.matrix[${i}]`, Array.isArray(row) ? `${row.length} values` : row, `${k} values, one per symbol`);
    row.forEach((v, j) => {
      const value = v === null || (typeof v === "number" && Number.isNaN(v)) ? null : v;
      if (value !== null && !(typeof value === "number" && value >= -1 && value <= 1)) {
        invalid(`matrix.matrix[${i}][${j}]`, value, "a number in [-1, 1], or null (or NaN) when undefined");
      }
      cells.push({ row: m.symbols[i]!, column: m.symbols[j]!, value, text: value === null ? "n/a" : label(value) });
    });
  });
  return cells;
}

/** Returns "249 periods" or "120 to 249 periods" over the pairs of distinct symbols. */
function overlapText(m: CorrelationMatrix): string | undefined {
  const counts = (m.overlap ?? []).flatMap((row, i) => row.filter((_, j) => j !== i));
  if (counts.length === 0) return undefined;
  const lo = Math.min(...counts), hi = Math.max(...counts);
  return `${lo === hi ? lo : `${lo} to ${hi}`} periods`;
}

/**
 * Returns Plot options of a correlation matrix as a heatmap: one square cell per pair, symbols in the
 * matrix's order on both axes (the first at the top left), colored on a diverging scale fixed to
 * [-1, 1] so charts of different runs compare, and labelled with the value to two decimals. Undefined
 * correlations (too little overlap, or a constant series) are grey cells labelled "n/a", explained in
 * the caption. The color legend is a continuous ramp, which `renderSvg` draws in SVG.
 * @example renderSvg(correlationHeatmap(engine.run().correlation))
 */
export function correlationHeatmap(matrix: CorrelationMatrix, options: CorrelationHeatmapOptions = {}): Plot.PlotOptions {
  const cells = cellsOf(matrix);
  const cellSize = check.positive("cellSize", options.cellSize ?? 56);
  const scheme = check.nonEmptyString("scheme", options.scheme ?? "rdbu") as Plot.ColorScheme;
  const minWidth = check.positiveInteger("minWidth", options.minWidth ?? 320);
  const symbols = matrix.symbols;
  const k = symbols.length;
  const marginLeft = Math.max(40, 12 + 7 * Math.max(0, ...symbols.map((s) => s.length)));
  const marginTop = 30;
  const marginBottom = 10;
  const grid = Math.max(1, k) * cellSize;
  const defined = cells.filter((c) => c.value !== null);
  const missing = cells.filter((c) => c.value === null);
  const periods = overlapText(matrix);
  const title = options.title ?? "Return correlation";
  const subtitle = options.subtitle ?? `Pearson r of close-to-close returns${periods ? `, ${periods}` : ""}`;
  const caption = missing.length > 0 ? CAPTION : undefined;
  const width = Math.max(minWidth, Math.ceil(marginLeft + grid + 10), textWidth(title, 16), textWidth(subtitle, 12), textWidth(caption, 11));
  const dark = (c: Cell) => Math.abs(c.value!) >= 0.6;
  const text = { x: "column", y: "row", text: "text", fontSize: Math.min(12, Math.max(8, cellSize / 4.5)) } as const;
  return {
    title,
    subtitle,
    caption,
    width,
    height: marginTop + grid + marginBottom,
    marginLeft,
    marginTop,
    marginBottom,
    marginRight: width - marginLeft - grid,
    x: { type: "band", domain: symbols, axis: "top", label: null, tickSize: 0, padding: 0 },
    y: { type: "band", domain: symbols, label: null, tickSize: 0, padding: 0 },
    color: { type: "linear", scheme, domain: [-1, 1], clamp: true, legend: true, label: "correlation" },
    marks: [
      Plot.cell(defined, { x: "column", y: "row", fill: "value", inset: 0.5 }),
      Plot.cell(missing, { x: "column", y: "row", fill: GREY, inset: 0.5 }),
      Plot.text(defined.filter((c) => !dark(c)), { ...text, fill: "black" }),
      Plot.text(defined.filter(dark), { ...text, fill: "white" }),
      Plot.text(missing, { ...text, fill: "#555" }),
    ],
  };
}
