/**
 * Returns the per-period rate equivalent to an annual rate under compounding:
 * (1 + annualRate)^(1 / periodsPerYear) - 1.
 * @example periodicRate(0.1025, 2) // 0.05
 */
export function periodicRate(annualRate: number, periodsPerYear: number): number {
  return annualRate === 0 ? 0 : Math.pow(1 + annualRate, 1 / periodsPerYear) - 1;
}
