import * as Plot from "@observablehq/plot";
import type * as arrow from "apache-arrow";
import { check } from "../core/check.js";
import { formatNumber } from "../core/format-number.js";
import { selectFills, type SelectFillsOptions, type TradeFill } from "./select-fills.js";

/** Options of {@link tradeMarks}; `symbol`, `from` and `to` select the fills as in `selectFills`. */
export interface TradeMarksOptions extends SelectFillsOptions {
  /** Color of the buy triangles. Default "#1a9850" (green). */
  readonly buyColor?: string;
  /** Color of the sell triangles. Default "#d73027" (red). */
  readonly sellColor?: string;
  /** Radius of a triangle, in px. Default 5. */
  readonly r?: number;
}

/** The default colors of {@link tradeMarks}, for legends that name them. */
export const TRADE_COLORS = { buy: "#1a9850", sell: "#d73027" } as const;

/** Distance from a triangle's center to its tip, per px of radius (a d3 triangle of area pi r^2). */
const TIP = 2 * Math.sqrt(Math.PI / (3 * Math.sqrt(3)));

/** Hover text of a fill: "buy 103 @ 96.89, 2020-02-05 14:30 UTC". */
function describe(f: TradeFill): string {
  const quantity = f.quantity !== undefined && Number.isFinite(f.quantity) ? ` ${formatNumber(f.quantity, 8)}` : "";
  const at = new Date(f.ts).toISOString().slice(0, 16).replace("T", " ");
  return `${f.side}${quantity} @ ${formatNumber(f.price, 6)}, ${at} UTC`;
}

/**
 * Returns Plot marks of buy and sell fills over a price chart: a triangle pointing up below the fill
 * price for each buy, one pointing down above it for each sell, each with its tip on the price paid,
 * and a hover title (side, quantity, price, UTC time). Takes a journal table (its fill rows) or
 * an array of fills, filtered to one symbol. Place on a `utc` x scale with price on y.
 * @example Plot.plot({ x: { type: "utc" }, marks: [...priceMarks(bars), ...tradeMarks(result.journal, { symbol: "AAA" })] })
 */
export function tradeMarks(fills: arrow.Table | readonly TradeFill[], options: TradeMarksOptions = {}): Plot.Markish[] {
  const buyColor = check.nonEmptyString("buyColor", options.buyColor ?? TRADE_COLORS.buy);
  const sellColor = check.nonEmptyString("sellColor", options.sellColor ?? TRADE_COLORS.sell);
  const r = check.positive("r", options.r ?? 5);
  const selected = selectFills(fills, options);
  const common = { x: "ts", y: "price", symbol: "triangle", r, stroke: "white", strokeWidth: 0.75, title: describe } as const;
  return [
    Plot.dot(selected.filter((f) => f.side === "buy"), { ...common, fill: buyColor, dy: TIP * r, ariaDescription: "buy" }),
    Plot.dot(selected.filter((f) => f.side === "sell"), { ...common, fill: sellColor, dy: -TIP * r, rotate: 180, ariaDescription: "sell" }),
  ];
}
