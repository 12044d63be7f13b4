import { escapeMarkup } from "../core/escape-markup.js";
import { legendLabel } from "./legend-label.js";
import type { SvgBlock } from "./swatch-legend.js";

/** The parts of a continuous color scale that a ramp legend reads (as exposed by `plot.scale("color")`). */
export interface ContinuousColorScale {
  readonly type?: string;
  readonly domain?: readonly unknown[];
  readonly pivot?: unknown;
  apply(value: unknown): unknown;
}

/** Options of {@link rampLegend}. */
export interface RampLegendOptions {
  /** Width of the color bar, in px. Default 240. */
  readonly width?: number;
  /** Font size of the labels, in px. Default 11. */
  readonly fontSize?: number;
  /** Number of color steps drawn along the bar. Default 64. */
  readonly steps?: number;
  /** A title drawn above the bar, e.g. the color option's `label`. Default none. */
  readonly label?: string;
}

const isTime = (type: string | undefined) => type === "utc" || type === "time";

/** Returns the 1, 2 and 5 multiples of powers of ten within [lo, hi], lo > 0; only powers of ten over wide ranges. */
function logTicks(lo: number, hi: number): number[] {
  const within = (multiples: readonly number[]) => {
    const ticks: number[] = [];
    for (let p = Math.floor(Math.log10(lo)); p <= Math.ceil(Math.log10(hi)); p++) {
      for (const m of multiples) {
        const v = Number((m * 10 ** p).toPrecision(12));
        if (v >= lo && v <= hi) ticks.push(v);
      }
    }
    return ticks;
  };
  const fine = within([1, 2, 5]);
  if (fine.length <= 6) return fine;
  const tens = within([1]);
  const every = Math.ceil(tens.length / 6);
  return tens.filter((_, i) => i % every === 0);
}

/** Returns about `count` round values within [lo, hi], 1, 2 or 5 times a power of ten apart (as d3's ticks). */
function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const e = raw / power;
  const step = (e >= Math.sqrt(50) ? 10 : e >= Math.sqrt(10) ? 5 : e >= Math.sqrt(2) ? 2 : 1) * power;
  const ticks: number[] = [];
  for (let i = Math.ceil(lo / step); i * step <= hi; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/**
 * Returns a continuous color legend drawn with SVG only: a bar of `steps` colored cells sampled from
 * the scale, from the smallest to the largest value of its domain, with round tick values below and the
 * scale label above. Log scales are sampled and ticked geometrically. Plot's own ramp legend draws on
 * a canvas, which does not exist outside a browser; this one needs no canvas.
 * @example rampLegend(plot.scale("color"), { width: 240 })
 */
export function rampLegend(scale: ContinuousColorScale, options: RampLegendOptions = {}): SvgBlock {
  const width = options.width ?? 240;
  const fontSize = options.fontSize ?? 11;
  const steps = options.steps ?? 64;
  const domain = (scale.domain ?? []).map((d) => (d instanceof Date ? d.getTime() : Number(d)));
  const lo = Math.min(...domain);
  const hi = Math.max(...domain);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { svg: "", height: 0 };
  const log = scale.type === "log" && lo > 0;
  const toValue = (t: number) => (log ? lo * (hi / lo) ** t : lo + (hi - lo) * t);
  const toT = (v: number) => (hi === lo ? 0 : log ? Math.log(v / lo) / Math.log(hi / lo) : (v - lo) / (hi - lo));
  const wrap = (v: number) => (isTime(scale.type) ? new Date(v) : v);

  const label = options.label;
  const labelHeight = label ? fontSize + 6 : 0;
  const barHeight = 10;
  const cell = width / steps;
  const parts: string[] = [];
  if (label) parts.push(`<text x="0" y="${fontSize}" font-weight="bold">${escapeMarkup(label)}</text>`);
  for (let i = 0; i < steps; i++) {
    const color = String(scale.apply(wrap(toValue((i + 0.5) / steps))));
    const x = Number((i * cell).toFixed(2));
    parts.push(`<rect x="${x}" y="${labelHeight}" width="${Number((cell + 0.5).toFixed(2))}" height="${barHeight}" fill="${escapeMarkup(color)}"/>`);
  }
  const ticks = isTime(scale.type)
    ? [lo, hi]
    : log
      ? logTicks(lo, hi)
      : niceTicks(lo, hi, 4);
  const tickValues = ticks.length >= 2 || lo === hi ? ticks : [lo, hi];
  const tickY = labelHeight + barHeight;
  for (const v of tickValues) {
    const x = Number((toT(v) * width).toFixed(2));
    const text = legendLabel(wrap(v));
    const half = (text.length * fontSize * 0.6) / 2;
    const anchor = x < half ? "start" : x > width - half ? "end" : "middle";
    parts.push(
      `<line x1="${x}" x2="${x}" y1="${tickY}" y2="${tickY + 4}" stroke="currentColor"/>`,
      `<text x="${x}" y="${tickY + 6 + fontSize}" text-anchor="${anchor}">${escapeMarkup(text)}</text>`,
    );
  }
  const svg = `<g aria-label="color legend" font-size="${fontSize}" text-anchor="start" fill="currentColor" shape-rendering="crispEdges">${parts.join("")}</g>`;
  return { svg, height: tickY + 8 + fontSize };
}
