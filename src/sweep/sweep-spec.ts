import type { SweepStrategyName } from "./sweep-parameters.js";

/** A value of a sweep parameter. */
export type SweepValue = number | string | boolean;

/** The values of one grid axis: a list, or a numeric range `{ from, to, step }` (both ends inclusive). */
export type SweepAxisSpec = readonly SweepValue[] | { readonly from: number; readonly to: number; readonly step: number };

/** How combinations are drawn from the grid: every one, or `random` distinct ones drawn with `seed`. */
export type SweepSearch = "grid" | { readonly random: number; readonly seed?: number };

/**
 * What a sweep runs: one strategy, a grid of parameters, and the settings every run shares. Each
 * combination of the grid runs once on each symbol.
 * @example { strategy: "sma-cross", grid: { fast: [5, 10, 20], slow: { from: 30, to: 90, step: 30 } } }
 */
export interface SweepSpec {
  /** The strategy: "sma-cross", "smc" or "buy-and-hold". Default "sma-cross". */
  readonly strategy?: SweepStrategyName;
  /** The parameters to vary and their values (see SWEEP_PARAMETERS). Required, at least one axis. */
  readonly grid: Readonly<Record<string, SweepAxisSpec>>;
  /** Parameters held at one value in every run (instead of their defaults). Default {}. */
  readonly fixed?: Readonly<Record<string, SweepValue>>;
  /** "grid" (every combination) or { random: N, seed } (N distinct combinations). Default "grid". */
  readonly search?: SweepSearch;
  /** Cash at the start of every run. Default 100,000. */
  readonly cash?: number;
  /** Commission as a percent of traded value (0.1 = 0.1%). Default 0. */
  readonly commissionPercent?: number;
  /** Slippage in basis points of the price. Default 0. */
  readonly slippageBps?: number;
  /**
   * Bars before a run's first tradable bar fed to the strategy and classifier but not traded, when a
   * run covers a window of the data (walk-forward). Default: what the plan's longest run needs (the
   * slowest average, the gate classifier's warm-up when gated; at least 50).
   */
  readonly warmupBars?: number;
}
