import * as Plot from "@observablehq/plot";
import { check } from "../core/check.js";
import { escapeMarkup } from "../core/escape-markup.js";
import { colorLegend } from "./color-legend.js";
import { normalizeIds } from "./normalize-ids.js";
import { plotDocument, type PlotDocument } from "./plot-document.js";
import { serializeSvg, type SerializableNode } from "./serialize-svg.js";
import type { ContinuousColorScale } from "./ramp-legend.js";
import type { SvgBlock } from "./swatch-legend.js";

/** Options of {@link renderSvg}. */
export interface RenderSvgOptions {
  /** The document Plot draws in. Default: the plot options' `document`, else a fresh virtual document (linkedom); in a browser, `window.document` works too. */
  readonly document?: PlotDocument;
  /** How a continuous color legend is drawn: "ramp" (an SVG color bar) or "none". Default "ramp". */
  readonly continuousLegend?: "ramp" | "none";
  /** Fill behind the whole chart, or null for none. Default "white", so the chart reads in dark themes too. */
  readonly background?: string | null;
  /** Color of text, axes and other `currentColor` parts. Default "#1f2328". */
  readonly color?: string;
  /** Font family of the title, subtitle, legend and caption. Default "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif". */
  readonly fontFamily?: string;
}

const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";
const PAD = 8;
const LEGEND_SCALES = ["color", "opacity", "symbol"] as const;

/** The parts of Plot's returned `<svg>` element used here (declared so no DOM library types are needed). */
interface PlotSvg extends Plot.Plot, SerializableNode {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  querySelector(selector: string): { remove(): void } | null;
}

/** Returns the text of a title given as a string, a number or a DOM node. */
function textOf(value: unknown): string | undefined {
  if (value == null) return undefined;
  if (typeof value === "object" && "textContent" in value) return String((value as { textContent: unknown }).textContent ?? "");
  return String(value);
}

/**
 * Returns an Observable Plot chart as one standalone SVG document string, drawn outside a browser.
 * Where Plot would wrap the chart in an HTML `<figure>` (title, subtitle, caption, legends), this
 * draws them in SVG instead: title and subtitle on top, the color legend (when `color.legend` is set)
 * as SVG swatches or a ramp, then the plot's own `<svg>` nested, then the caption (one line per "\n"). Notebook viewers
 * such as GitHub show `image/svg+xml` outputs but not HTML figures. Legends of the opacity and symbol
 * scales are not drawn. Plot's generated ids are renamed so the same chart always gives the same string.
 * @example renderSvg({ title: "SPX", marks: [Plot.lineY([1, 3, 2])] })
 */
export function renderSvg(plotOptions: Plot.PlotOptions, options: RenderSvgOptions = {}): string {
  const continuousLegend = check.keyword("continuousLegend", options.continuousLegend ?? "ramp", ["ramp", "none"] as const);
  const background = options.background === undefined ? "white" : options.background;
  const color = options.color ?? "#1f2328";
  const fontFamily = options.fontFamily ?? "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";
  const { title, subtitle, caption, ...rest } = plotOptions;
  const stripped: Record<string, unknown> = { ...rest, figure: false, document: options.document ?? plotOptions.document ?? plotDocument() };
  for (const key of LEGEND_SCALES) {
    const scale = rest[key];
    if (scale != null && typeof scale === "object") stripped[key] = { ...scale, legend: undefined };
  }
  const plot = Plot.plot(stripped as Plot.PlotOptions) as unknown as PlotSvg;
  if (plot.tagName.toLowerCase() !== "svg") throw new Error(`renderSvg: Plot returned <${plot.tagName.toLowerCase()}>, not <svg>`);
  const width = Number(plot.getAttribute("width") ?? 640);
  const height = Number(plot.getAttribute("height") ?? 400);

  const blocks: string[] = [];
  let y = PAD;
  const line = (text: string | undefined, size: number, weight: string, lead: number) => {
    if (text === undefined) return;
    blocks.push(`<text x="${PAD}" y="${y + size}" font-size="${size}"${weight}>${escapeMarkup(text)}</text>`);
    y += Math.round(size * lead);
  };
  line(textOf(title), 16, ` font-weight="bold"`, 1.5);
  line(textOf(subtitle), 12, "", 1.6);
  const colorOptions = rest.color as { legend?: unknown; label?: unknown } | undefined;
  const legend: SvgBlock | undefined = colorOptions?.legend
    ? colorLegend(plot.scale("color") as ContinuousColorScale | undefined, {
        width: width - 2 * PAD,
        continuous: continuousLegend,
        label: typeof colorOptions.label === "string" ? colorOptions.label : undefined,
      })
    : undefined;
  if (legend !== undefined && legend.height > 0) {
    blocks.push(`<g transform="translate(${PAD},${y})">${legend.svg}</g>`);
    y += legend.height + 8;
  }
  if (y === PAD) y = 0;

  plot.querySelector("style")?.remove();
  plot.removeAttribute("class");
  plot.setAttribute("font-family", fontFamily);
  plot.setAttribute("x", "0");
  plot.setAttribute("y", String(y));
  blocks.push(serializeSvg(plot));
  y += height;
  if (caption != null) {
    y += 4;
    for (const text of textOf(caption)?.split("\n") ?? []) line(text, 11, "", 1.6);
  }

  const xlink = blocks.some((b) => b.includes("xlink:")) ? ` xmlns:xlink="${XLINK_NS}"` : "";
  const style = `white-space:pre;--plot-background:${background ?? "white"}`;
  const head =
    `<svg xmlns="${SVG_NS}"${xlink} width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" ` +
    `font-family="${escapeMarkup(fontFamily)}" fill="currentColor" color="${escapeMarkup(color)}" style="${escapeMarkup(style)}">`;
  const bg = background === null ? "" : `<rect width="100%" height="100%" fill="${escapeMarkup(background)}"/>`;
  return normalizeIds(`${head}${bg}${blocks.join("")}</svg>`);
}
