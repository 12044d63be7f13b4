import { formatCount, formatNumber } from "../core/format-number.js";
import { percentLabel } from "./percent-label.js";

/** Metrics that are fractions shown in percent: returns, volatility, drawdown, win rate, time in market, regime shares. */
const PERCENT = /(Return|Volatility|Drawdown|Share)$|^(winRate|timeInMarket)$/;

/** Metrics that count things: trades, and trades per regime. */
const COUNT = /^trades$|Trades$/;

/** Returns whether a metric of a sweep result is a fraction best shown in percent (totalReturn, maxDrawdown, winRate, ...). */
export function isPercentMetric(metric: string): boolean {
  return PERCENT.test(metric);
}

/**
 * Returns a sweep metric's value as a short label, the same on every machine: fractions such as returns
 * and drawdowns in percent with one decimal ("12.3%"), trade counts (or their means) with at most one
 * decimal, values of 1,000 or more rounded with commas, other values with two decimals; a true minus sign throughout, and "n/a" for null or NaN.
 * @example metricLabel("totalReturn", 0.1234) // "12.3%"
 */
export function metricLabel(metric: string, value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return "n/a";
  if (!Number.isFinite(value)) return value > 0 ? "\u221e" : "\u2212\u221e";
  if (isPercentMetric(metric)) return percentLabel(value, 1);
  if (COUNT.test(metric)) return formatNumber(Number(value.toFixed(1)), 12).replace("-", "\u2212");
  if (Math.abs(value) >= 1000) return formatCount(Math.round(value)).replace("-", "\u2212");
  const fixed = value.toFixed(2);
  return Number(fixed) === 0 ? "0.00" : fixed.replace("-", "\u2212");
}
