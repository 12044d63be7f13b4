/**
 * How much a fill costs in commission: returns money (>= 0) for `quantity` units (> 0) at `price` (the
 * fill price after slippage). Implementations must not decrease as the quantity grows, so that the
 * execution handler can find the largest quantity the cash affords.
 * @example
 * const flat: CommissionModel = { name: "flat $1", commission: () => 1 };
 */
export interface CommissionModel {
  /** A short description for reports, e.g. "0.005/share, min 1". */
  readonly name: string;
  commission(quantity: number, price: number): number;
}
