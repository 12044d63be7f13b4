import * as Plot from "@observablehq/plot";
import { check, invalid } from "../core/check.js";
import { percentLabel } from "./percent-label.js";

/** What {@link heatGauge} reads: a `PortfolioHeat` (from `PortfolioHeatMonitor.heat(view)`) has it all. */
export interface HeatGaugeInput {
  /** Open risk of the portfolio, a fraction of equity (0.031 = 3.1%); null (equity <= 0) cannot be drawn. */
  readonly heat: number | null;
  /** The portfolio maximum, a fraction of equity in (0, 1]. */
  readonly maxHeat: number;
  /** Open risk per position (fractions of equity), stacked in the bar when given. */
  readonly positions?: readonly { readonly symbol: string; readonly risk: number | null }[];
}

/** Options of {@link heatGauge}. */
export interface HeatGaugeOptions {
  /** Chart title. Default "Portfolio heat". */
  readonly title?: string;
  /** Chart subtitle. Default: what is drawn, the heat, the maximum and the share of it used. */
  readonly subtitle?: string;
  /** Stack the bar by position (with symbol labels where they fit) when the input lists positions. Default true. */
  readonly breakdown?: boolean;
  /** Share of the maximum from which the bar turns amber, in (0, 1]; at or over the maximum it is red. Default 0.8. */
  readonly warnAt?: number;
  /** Width of the plot, in px. Default 640. */
  readonly width?: number;
  /** Height of the plot, in px. Default 110. */
  readonly height?: number;
}

/** Green, amber and red of the heat states (Observable 10 green and yellow, ColorBrewer red). */
export const HEAT_COLORS = { ok: "#3ca951", warn: "#efb118", over: "#d73027" } as const;

const HINT = "pass monitor.heat(view), or heatGauge(heat, maxHeat) with fractions of equity";
const MARGIN = { top: 24, bottom: 30, left: 12, right: 12 };

/**
 * Returns Plot options of a bullet gauge of portfolio heat, the open risk of all positions as a percent of
 * equity: a bar from 0 to the heat, green below `warnAt` of the maximum, amber up to it and red at or
 * over it, over faint bands of the same three zones, with the maximum as a thick rule. The axis runs
 * from 0 to the larger of 1.25 x the maximum and the heat. With positions, the bar is stacked by
 * position, each labelled below with its symbol and risk where it fits.
 * @example renderSvg(heatGauge(new PortfolioHeatMonitor().heat(view)))
 * @example renderSvg(heatGauge(0.031, 0.06))
 */
export function heatGauge(heat: HeatGaugeInput, options?: HeatGaugeOptions): Plot.PlotOptions;
export function heatGauge(heat: number, maxHeat: number, options?: HeatGaugeOptions): Plot.PlotOptions;
export function heatGauge(input: HeatGaugeInput | number, second?: number | HeatGaugeOptions, third?: HeatGaugeOptions): Plot.PlotOptions {
  const numeric = typeof input === "number";
  if (!numeric && (input == null || typeof input !== "object")) invalid("heat", input, "a PortfolioHeat { heat, maxHeat, positions } or a number", HINT);
  const options = (numeric ? third : (second as HeatGaugeOptions | undefined)) ?? {};
  const heat = numeric ? input : input.heat;
  const maxHeat = numeric ? second : input.maxHeat;
  const name = numeric ? "heat" : "heat.heat";
  if (heat === null) invalid(name, heat, "a fraction of equity >= 0", "heat is undefined while equity is not positive");
  if (typeof heat !== "number" || !Number.isFinite(heat) || heat < 0) invalid(name, heat, "a fraction of equity >= 0", HINT);
  if (typeof maxHeat !== "number" || !(maxHeat > 0 && maxHeat <= 1)) invalid(numeric ? "maxHeat" : "heat.maxHeat", maxHeat, "a number in (0, 1]", HINT);
  const warnAt = check.fraction("warnAt", options.warnAt ?? 0.8);
  if (warnAt === 0) invalid("warnAt", warnAt, "a number in (0, 1]", "e.g. 0.8 turns the bar amber at 80% of the maximum");
  const width = check.positiveInteger("width", options.width ?? 640);
  const height = check.positiveInteger("height", options.height ?? 110);
  const breakdown = options.breakdown ?? true;
  const positions = numeric || !breakdown ? [] : positionsOf(input, heat);

  const share = heat / maxHeat;
  const color = share >= 1 ? HEAT_COLORS.over : share >= warnAt ? HEAT_COLORS.warn : HEAT_COLORS.ok;
  const top = Math.max(maxHeat * 1.25, heat) * 100;
  const limit = maxHeat * 100;
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const inner = height - MARGIN.top - MARGIN.bottom;
  const inset = Math.max(2, Math.round(inner / 3));
  const px = (percent: number) => (percent / top) * innerWidth;
  const bands = [
    { x1: 0, x2: limit * warnAt, fill: HEAT_COLORS.ok },
    { x1: limit * warnAt, x2: limit, fill: HEAT_COLORS.warn },
    { x1: limit, x2: top, fill: HEAT_COLORS.over },
  ].filter((b) => b.x2 > b.x1);
  const value = `${percentLabel(heat)} (${percentLabel(share, 0)} of max)`;
  const inside = px(heat * 100) + 6 + value.length * 11 * 0.6 > innerWidth;
  const marks: Plot.Markish[] = [
    Plot.barX(bands, { x1: "x1", x2: "x2", fill: "fill", fillOpacity: 0.16, ariaDescription: "heat zones" }),
  ];
  if (positions.length > 0) {
    let x = 0;
    const segments = positions.map((p, i) => {
      const x1 = x;
      x += p.risk * 100;
      const label = `${p.symbol} ${percentLabel(p.risk, 1)}`;
      return { x1, x2: x, mid: (x1 + x) / 2, label, title: `${p.symbol}: ${percentLabel(p.risk)} of equity at risk`, opacity: i % 2 === 0 ? 1 : 0.7, fits: px(x - x1) >= label.length * 10 * 0.6 + 4 };
    });
    marks.push(
      Plot.barX(segments, { x1: "x1", x2: "x2", fill: color, fillOpacity: "opacity", stroke: "white", strokeWidth: 1, insetTop: inset, insetBottom: inset, title: "title", ariaDescription: "heat by position" }),
      Plot.text(segments.filter((s) => s.fits), { x: "mid", text: "label", frameAnchor: "bottom", dy: -3, fontSize: 10, fill: "currentColor", ariaDescription: "position labels" }),
    );
  } else {
    marks.push(Plot.barX([heat * 100], { x1: 0, x2: (d: number) => d, fill: color, insetTop: inset, insetBottom: inset, ariaDescription: "heat" }));
  }
  marks.push(
    Plot.ruleX([limit], { stroke: "currentColor", strokeWidth: 2.5, ariaDescription: "max heat" }),
    Plot.text([limit], { x: (d: number) => d, text: () => `max ${percentLabel(maxHeat)}`, frameAnchor: "top", lineAnchor: "bottom", dy: -4, fontSize: 11, fill: "currentColor", ariaDescription: "max heat label" }),
    Plot.text([heat * 100], {
      x: (d: number) => d, text: () => value, textAnchor: inside ? "end" : "start", dx: inside ? -6 : 6, fontSize: 11, fontWeight: "bold",
      ...(inside ? { fill: "white" } : { fill: "currentColor", stroke: "white", strokeWidth: 3, paintOrder: "stroke" }), ariaDescription: "heat label",
    }),
  );
  return {
    title: options.title ?? "Portfolio heat",
    subtitle: options.subtitle ?? `open risk if every stop is hit, in % of equity: ${percentLabel(heat)} of a ${percentLabel(maxHeat)} max`,
    caption: `green below ${percentLabel(warnAt, 0)} of the max, amber up to it, red at or over it`,
    width,
    height,
    marginTop: MARGIN.top,
    marginBottom: MARGIN.bottom,
    marginLeft: MARGIN.left,
    marginRight: MARGIN.right,
    x: { domain: [0, top], label: "heat (% of equity)", labelAnchor: "right", ticks: 6, tickFormat: (d: number) => `${d}%` },
    marks,
  };
}

/** Returns the positions with open risk, checked to sum to the total heat. */
function positionsOf(input: HeatGaugeInput, heat: number): { symbol: string; risk: number }[] {
  if (input.positions === undefined) return [];
  if (!Array.isArray(input.positions)) invalid("heat.positions", input.positions, "an array of { symbol, risk }", HINT);
  const out: { symbol: string; risk: number }[] = [];
  let total = 0;
  input.positions.forEach((p, i) => {
    const risk = p?.risk;
    if (typeof risk !== "number" || !Number.isFinite(risk) || risk < 0) invalid(`heat.positions[${i}].risk`, risk, "a fraction of equity >= 0", HINT);
    total += risk;
    if (risk > 0) out.push({ symbol: String(p.symbol), risk });
  });
  if (Math.abs(total - heat) > 1e-9 + 1e-9 * heat) {
    invalid("heat.positions", `risks summing to ${total}`, `risks summing to the heat ${heat}`, "pass the positions of the same PortfolioHeat, or breakdown: false");
  }
  return out;
}
