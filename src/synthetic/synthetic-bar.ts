import type { BarColumns } from "../core/types.js";
import type { Rng } from "./random.js";

/** How a synthetic bar is drawn around its close-to-close return. */
export interface SyntheticBarShape {
  /** Standard deviation of the log gap between the previous close and this open. */
  readonly gapVolatility: number;
  /** Standard deviation of the log distance from max(open, close) up to high, and min(open, close) down to low. */
  readonly wickVolatility: number;
  /** Mean volume of the bar; drawn log-normal with a 30% dispersion and rounded to whole units. */
  readonly volume: number;
}

/**
 * Writes bar `i` and returns its close: close = previous close x exp(logReturn), so close-to-close log
 * returns are exactly the given ones; open = previous close x exp(gap) with an independent normal gap;
 * high and low extend max/min(open, close) by half-normal wicks. Multiplying a positive price by a factor
 * >= 1 (or <= 1) rounds monotonically, so low <= open, close <= high and all prices stay positive.
 */
export function writeSyntheticBar(
  columns: { -readonly [K in keyof BarColumns]: Float64Array },
  i: number,
  prevClose: number,
  logReturn: number,
  shape: SyntheticBarShape,
  rng: Rng,
): number {
  const open = prevClose * Math.exp(shape.gapVolatility * rng.normal());
  const close = prevClose * Math.exp(logReturn);
  columns.open[i] = open;
  columns.close[i] = close;
  columns.high[i] = Math.max(open, close) * Math.exp(shape.wickVolatility * Math.abs(rng.normal()));
  columns.low[i] = Math.min(open, close) * Math.exp(-shape.wickVolatility * Math.abs(rng.normal()));
  columns.volume[i] = Math.round(shape.volume * Math.exp(0.3 * rng.normal() - 0.045));
  return close;
}
