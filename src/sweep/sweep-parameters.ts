/** The kinds of value a sweep parameter takes. */
export type SweepParameterKind = "integer" | "number" | "choice" | "boolean";

/** A parameter a sweep may vary: its name, kind, default, allowed values and meaning. */
export interface SweepParameter {
  readonly name: string;
  readonly kind: SweepParameterKind;
  /** What the parameter sets, in one line (for help, errors and notebooks). */
  readonly description: string;
  /** The value a run uses when neither the grid nor `fixed` sets it. */
  readonly default: number | string | boolean;
  /** The allowed values of a "choice" parameter. */
  readonly choices?: readonly string[];
  /** The smallest allowed value of a number or integer (inclusive). */
  readonly min?: number;
  /** The largest allowed value of a number or integer (inclusive). */
  readonly max?: number;
  /** The strategy this parameter belongs to; undefined for parameters of every strategy (gate, risk). */
  readonly strategy?: SweepStrategyName;
}

/** The strategies a sweep can run. */
export const SWEEP_STRATEGIES = ["sma-cross", "smc", "buy-and-hold"] as const;
/** A strategy a sweep can run: "sma-cross" | "smc" | "buy-and-hold". */
export type SweepStrategyName = (typeof SWEEP_STRATEGIES)[number];

/** The regime gates a sweep can put around the strategy (`gate` parameter). */
export const SWEEP_GATES = ["none", "up", "up-or-ranging", "not-down"] as const;

/**
 * The parameters a sweep can vary, in the order their columns appear in result tables: the strategy's,
 * then the regime gate's (a RuleBasedClassifier), then the risk manager's.
 */
export const SWEEP_PARAMETERS: readonly SweepParameter[] = Object.freeze([
  { name: "fast", kind: "integer", strategy: "sma-cross", default: 10, min: 1, description: "bars in the fast simple moving average (below slow)" },
  { name: "slow", kind: "integer", strategy: "sma-cross", default: 30, min: 2, description: "bars in the slow simple moving average" },
  { name: "allowShort", kind: "boolean", default: false, description: "go short on a bearish signal (sma-cross and smc)" },
  { name: "swingLength", kind: "integer", strategy: "smc", default: 5, min: 1, description: "bars on each side of a swing high or low (smc)" },
  { name: "zones", kind: "choice", strategy: "smc", default: "both", choices: ["fvg", "order-block", "both"], description: "the zones smc enters on a retrace into" },
  { name: "stopBufferAtr", kind: "number", strategy: "smc", default: 0.1, min: 0, description: "ATRs beyond the swing or zone for the smc stop" },
  { name: "gate", kind: "choice", default: "none", choices: SWEEP_GATES, description: "regimes where entries are allowed: none (no gate), up (trending-up), up-or-ranging, not-down (all but trending-down)" },
  { name: "trendThreshold", kind: "number", default: 25, min: 0, max: 100, description: "ADX level above which the gate's classifier calls a trend" },
  { name: "highVolPercentile", kind: "number", default: 0.9, min: 0, max: 1, description: "volatility percentile above which the gate's classifier calls high volatility" },
  { name: "risk", kind: "choice", default: "fixed", choices: ["fixed", "fractional", "kelly"], description: "the risk manager preset (as the CLI's --risk)" },
  { name: "fraction", kind: "number", default: 0.1, min: 0, max: 1, description: "fraction of equity per position (risk = fixed)" },
  { name: "riskFraction", kind: "number", default: 0.01, min: 0, max: 0.1, description: "fraction of equity risked to the stop per trade (fractional; kelly before its minimum trades)" },
  { name: "kellyFraction", kind: "number", default: 0.5, min: 0, max: 1, description: "the share of full Kelly to bet (risk = kelly)" },
  { name: "maxHeat", kind: "number", default: 0.06, min: 0, max: 1, description: "the most equity at risk to the stops over all positions (fractional, kelly)" },
  { name: "stopMult", kind: "number", default: 2, min: 0, description: "ATRs to the stop when a signal has no stop (fractional, kelly)" },
] as SweepParameter[]);

/** Returns the parameter spec of `name`, or undefined for an unknown name. */
export function sweepParameter(name: string): SweepParameter | undefined {
  return SWEEP_PARAMETERS.find((p) => p.name === name);
}

/** Returns the names of the parameters a run of `strategy` reads, in column order. */
export function parametersOf(strategy: SweepStrategyName): string[] {
  return SWEEP_PARAMETERS.filter((p) => p.strategy === undefined || p.strategy === strategy)
    .filter((p) => strategy !== "buy-and-hold" || p.name !== "allowShort")
    .map((p) => p.name);
}
