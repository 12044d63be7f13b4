import type * as Plot from "@observablehq/plot";
import type * as arrow from "apache-arrow";
import { normalizeIds } from "../charts/normalize-ids.js";
import { renderSvg, type RenderSvgOptions } from "../charts/render-svg.js";
import { serializeSvg, type SerializableNode } from "../charts/serialize-svg.js";
import { check, invalid } from "../core/check.js";
import { escapeMarkup } from "../core/escape-markup.js";
import { isTimeField } from "../data/time-field.js";
import { formatCell } from "./format-cell.js";
import { htmlTable } from "./html-table.js";
import { previewArquero, type ArqueroLike } from "./preview-arquero.js";
import { previewArrow } from "./preview-arrow.js";
import { previewObjects } from "./preview-objects.js";

/** Options of {@link renderOutput} (and of `show`). */
export interface RenderOutputOptions {
  /** Rows shown of a table or array. Default 10. */
  readonly rows?: number;
  /** How a plain object is shown: "table" (key and value columns) or "json" (a JSON code block). Default "table". */
  readonly object?: "table" | "json";
  /** Significant digits of non-integer numbers in tables. Default 8. */
  readonly digits?: number;
  /** Options for charts, passed to `renderSvg`. Default none. */
  readonly svg?: RenderSvgOptions;
}

/** A rendered output: its kind (the MIME type a notebook gets) and its content. */
export interface RenderedOutput {
  readonly kind: "html" | "svg" | "markdown" | "text";
  readonly content: string;
}

const SVG_NS = "http://www.w3.org/2000/svg";
const SVG_TEXT = /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/i;
const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === "object";
const isArrowTable = (x: unknown): x is arrow.Table =>
  isObject(x) && typeof x.numRows === "number" && typeof x.getChildAt === "function" && Array.isArray((x.schema as { fields?: unknown })?.fields);
const isArquero = (x: unknown): x is ArqueroLike =>
  isObject(x) && typeof x.columnNames === "function" && typeof x.numRows === "function" && typeof x.objects === "function";
const isPlotOptions = (x: Record<string, unknown>): boolean => Array.isArray(x.marks);
const isElement = (x: Record<string, unknown>): boolean => typeof x.tagName === "string" && typeof x.outerHTML === "string";

function json(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) =>
    typeof v === "bigint" ? String(v) : ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v instanceof Map ? Object.fromEntries(v) : v,
  2) ?? String(x);
}

/**
 * Returns what `show` displays for a value, without displaying it: Plot options (anything with
 * `marks`) as one SVG (see `renderSvg`), SVG text as is, an SVG element (e.g. from `Plot.plot`) as
 * SVG text, other DOM elements (a Plot figure) as HTML, an Arrow table, an arquero
 * table or an array as an HTML table of its first rows with column types and its size, a plain object
 * as a key/value table or JSON, and other values as text.
 * @example renderOutput(bars, { rows: 5 }).kind // "html"
 */
export function renderOutput(x: unknown, options: RenderOutputOptions = {}): RenderedOutput {
  const rows = check.nonNegativeInteger("rows", options.rows ?? 10);
  const object = check.keyword("object", options.object ?? "table", ["table", "json"] as const);
  const digits = check.positiveInteger("digits", options.digits ?? 8);
  if (typeof x === "string") return SVG_TEXT.test(x) ? { kind: "svg", content: x } : { kind: "text", content: x };
  if (typeof x === "function" || typeof x === "symbol") {
    invalid("x", String(x).slice(0, 40), "a chart (Plot options), SVG, a table, an array, an object or a plain value");
  }
  if (!isObject(x)) return { kind: "text", content: formatCell(x, { digits }) };
  if (isPlotOptions(x)) return { kind: "svg", content: renderSvg(x as Plot.PlotOptions, options.svg) };
  if (isElement(x)) {
    if (String(x.tagName).toLowerCase() !== "svg") return { kind: "html", content: String(x.outerHTML) };
    const svg = serializeSvg(x as unknown as SerializableNode);
    return { kind: "svg", content: normalizeIds(svg.includes(" xmlns=") ? svg : svg.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`)) };
  }
  if (isArrowTable(x)) return { kind: "html", content: htmlTable(previewArrow(x, rows), { digits }) };
  if (isArquero(x)) return { kind: "html", content: htmlTable(previewArquero(x, rows), { digits }) };
  if (Array.isArray(x)) return { kind: "html", content: htmlTable(previewObjects(x, rows), { digits }) };
  if (object === "json") return { kind: "markdown", content: "```json\n" + json(x) + "\n```" };
  const entries: [unknown, unknown][] = x instanceof Map ? [...(x as Map<unknown, unknown>).entries()] : Object.entries(x);
  const body = entries
    .map(([k, v]) => {
      const key = String(k);
      const cell = formatCell(v, { digits, time: typeof v === "number" && isTimeField({ name: key }) });
      return `<tr><th>${escapeMarkup(key)}</th><td>${escapeMarkup(cell)}</td></tr>`;
    })
    .join("\n");
  return { kind: "html", content: `<table>\n<thead><tr><th>key</th><th>value</th></tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>` };
}
