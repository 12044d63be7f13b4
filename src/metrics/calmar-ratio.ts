/**
 * Returns the Calmar ratio: annualized return divided by the size of the maximum drawdown,
 * CAGR / |maxDrawdown|. Young defined it over the trailing 36 months; here it spans the whole curve,
 * as most backtest reports do. Returns null when either input is missing or there was no drawdown.
 * @see Young, T. W. (1991). Calmar Ratio: A Smoother Tool. Futures 20(1), 40.
 * @see Bacon, C. (2008). Practical Portfolio Performance Measurement and Attribution, 2nd ed., ch. 4.
 * @example calmarRatio(0.12, -0.3) // 0.4
 */
export function calmarRatio(annualizedReturn: number | null, maxDrawdown: number | null): number | null {
  if (annualizedReturn === null || maxDrawdown === null || !(maxDrawdown < 0)) return null;
  return annualizedReturn / Math.abs(maxDrawdown);
}
