import { escapeMarkup } from "../core/escape-markup.js";

/** One entry of a swatch legend: a color and its label. */
export interface Swatch {
  readonly color: string;
  readonly label: string;
}

/** Options of {@link swatchLegend}. */
export interface SwatchLegendOptions {
  /** Width available for the legend, in px; entries wrap onto new rows beyond it. Required. */
  readonly width: number;
  /** Font size of the labels, in px. Default 11. */
  readonly fontSize?: number;
}

/** A piece of SVG markup (a `<g>`, positioned at 0,0) and the height it takes, in px. */
export interface SvgBlock {
  readonly svg: string;
  readonly height: number;
}

/**
 * Returns a color legend drawn with SVG only: a square swatch and a label per entry, laid out left to
 * right and wrapped onto rows. Label widths are estimated from their length (there is no text
 * measurement outside a browser), so the layout is deterministic.
 * @example swatchLegend([{ color: "#4269d0", label: "bull" }], { width: 640 })
 */
export function swatchLegend(swatches: readonly Swatch[], options: SwatchLegendOptions): SvgBlock {
  const fontSize = options.fontSize ?? 11;
  const size = Math.round(fontSize);
  const rowHeight = size + 7;
  const gap = Math.round(fontSize * 1.2);
  const parts: string[] = [];
  let x = 0;
  let y = 0;
  for (const { color, label } of swatches) {
    const itemWidth = size + 5 + Math.ceil(label.length * fontSize * 0.6);
    if (x > 0 && x + itemWidth > options.width) {
      x = 0;
      y += rowHeight;
    }
    parts.push(
      `<rect x="${x}" y="${y}" width="${size}" height="${size}" fill="${escapeMarkup(color)}"/>`,
      `<text x="${x + size + 5}" y="${y + size / 2}" dy="0.35em">${escapeMarkup(label)}</text>`,
    );
    x += itemWidth + gap;
  }
  if (parts.length === 0) return { svg: "", height: 0 };
  const svg = `<g aria-label="color legend" font-size="${fontSize}" text-anchor="start" fill="currentColor">${parts.join("")}</g>`;
  return { svg, height: y + size };
}
