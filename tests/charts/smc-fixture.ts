import * as Plot from "@observablehq/plot";
import { renderSvg } from "../../src/charts/render-svg.js";
import { intradaySessionBars } from "../../src/synthetic/intraday-session-bars.js";

/** Five days of 15-minute EURUSD-like bars on the 24-hour fx session (New York), seed 7. */
export const fxBars = intradaySessionBars({
  interval: "15m", start: "2024-03-04", end: "2024-03-08", seed: 7,
  symbols: [{ symbol: "EURUSD", session: "fx", startPrice: 1.08, volatility: 0.0006, gapVolatility: 0.001 }],
}).tables[0]!;

/** Renders overlay marks alone on a UTC axis, as standalone SVG. */
export const overlayChart = (marks: Plot.Markish[]) => renderSvg({ x: { type: "utc" }, height: 240, marks });
