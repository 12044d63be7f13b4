/**
 * Returns the arithmetic mean of `values`, or NaN when there are none.
 * @example mean([1, 2, 3]) // 2
 */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return values.length === 0 ? NaN : sum / values.length;
}

/**
 * Returns the sample standard deviation of `values` (divisor n - 1, two-pass), or NaN for fewer than two
 * values.
 * @example sampleStd([1, 2, 3]) // 1
 */
export function sampleStd(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - m) ** 2;
  return Math.sqrt(ss / (n - 1));
}

/**
 * True when a standard deviation is zero up to rounding: 0, or at most 1e-9 of the mean's size. A curve
 * that grows by exactly 1% a period has returns that differ only in their last bits; their standard
 * deviation (~1e-16) would give a Sharpe ratio of ~1e14, which is noise, not information.
 */
export function isNegligibleSpread(std: number, center: number): boolean {
  return std === 0 || std <= 1e-9 * Math.abs(center);
}

/** True when every value is a finite number. */
export function allFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}
