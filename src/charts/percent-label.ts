/**
 * Returns a fraction as a percent label the same on every machine: `digits` decimals at most, trailing
 * zeros dropped and a true minus sign (0.0312 → "3.12%", 0.06 → "6%", -0.25 → "−25%").
 * @example percentLabel(0.03125, 1) // "3.1%"
 */
export function percentLabel(fraction: number, digits = 2): string {
  if (!Number.isFinite(fraction)) return String(fraction);
  const value = Number((fraction * 100).toFixed(digits));
  return `${String(value === 0 ? 0 : value).replace("-", "\u2212")}%`;
}
