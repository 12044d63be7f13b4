import { check } from "../core/check.js";

/** Options of the liquidity detectors: {@link EqualLevelDetector} and {@link SweepDetector}. */
export interface LiquidityOptions {
  /** Length of the swings the levels are built from (bars each side; also their confirmation lag). Default 5. */
  readonly swingLength?: number;
  /**
   * How close two consecutive swing highs (lows) must be to count as equal. With `toleranceBasis`
   * "price": a fraction of the earlier swing's price (default 0.001 = 0.1 %). With "atr": a multiple of
   * the ATR at the bar that confirms the second swing (default 0.1, as in LuxAlgo's script).
   */
  readonly tolerance?: number;
  /** What `tolerance` is measured in: "price" (a fraction of price) or "atr". Default "price". */
  readonly toleranceBasis?: "price" | "atr";
  /** Period of the ATR (Wilder) for the "atr" basis; no pairs are found before it has that many bars. Default 14. */
  readonly atrPeriod?: number;
}

/** Liquidity options checked, with their defaults filled in. */
export interface ResolvedLiquidityOptions {
  readonly swingLength: number;
  readonly tolerance: number;
  readonly toleranceBasis: "price" | "atr";
  readonly atrPeriod: number;
}

/** Returns the options checked (InvalidOptionError naming the bad one) with defaults filled in. */
export function resolveLiquidityOptions(options: LiquidityOptions = {}): ResolvedLiquidityOptions {
  const toleranceBasis = check.keyword("toleranceBasis", options.toleranceBasis ?? "price", ["price", "atr"] as const);
  const swingLength = check.positiveInteger("swingLength", options.swingLength ?? 5);
  const tolerance = check.nonNegative("tolerance", options.tolerance ?? (toleranceBasis === "price" ? 0.001 : 0.1));
  if (toleranceBasis === "price") check.fraction("tolerance", tolerance);
  const atrPeriod = check.positiveInteger("atrPeriod", options.atrPeriod ?? 14);
  return { swingLength, tolerance, toleranceBasis, atrPeriod };
}
