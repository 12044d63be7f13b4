import { annualizedReturn } from "./annualized-return.js";
import { annualizedVolatility } from "./annualized-volatility.js";
import { calmarRatio } from "./calmar-ratio.js";
import { computeMetrics } from "./compute-metrics.js";
import { correlationMatrix } from "./correlation-matrix.js";
import { drawdownSpells } from "./drawdown-spells.js";
import { exposureStats } from "./exposure-stats.js";
import { inferPeriodsPerYear } from "./infer-periods-per-year.js";
import { kellyFraction } from "./kelly-fraction.js";
import { longestDrawdown } from "./longest-drawdown.js";
import { maxDrawdown } from "./max-drawdown.js";
import { periodReturns } from "./period-returns.js";
import { sharpeRatio } from "./sharpe-ratio.js";
import { downsideDeviation, sortinoRatio } from "./sortino-ratio.js";
import { systemQualityNumber } from "./system-quality-number.js";
import { tradeStats } from "./trade-stats.js";

/**
 * The performance metrics as one namespace object, so the package's top level stays small: pure
 * functions over equity curves (typed arrays of epoch ms and equity), return series and round trips.
 * `computeMetrics` gives the whole JSON-safe report; the others are its parts.
 * @example
 * import { metrics } from "regime-lab";
 * const report = metrics.computeMetrics({ ts, equity, exposure }, roundTrips);
 */
export const metrics = {
  computeMetrics,
  periodReturns,
  inferPeriodsPerYear,
  annualizedReturn,
  annualizedVolatility,
  sharpeRatio,
  sortinoRatio,
  downsideDeviation,
  calmarRatio,
  maxDrawdown,
  longestDrawdown,
  drawdownSpells,
  exposureStats,
  tradeStats,
  systemQualityNumber,
  kellyFraction,
  correlationMatrix,
} as const;
