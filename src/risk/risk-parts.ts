import { check, invalid } from "../core/check.js";
import { DailyRiskBudget } from "./daily-risk-budget.js";
import { resolveDrawdownScaleOptions, type DrawdownScaleOptions, type ResolvedDrawdownScaleOptions } from "./drawdown-scale-factor.js";
import { KellyPositionSizer, type KellyPositionSizerOptions } from "./kelly-position-sizer.js";
import { PortfolioHeatMonitor } from "./portfolio-heat-monitor.js";

/** How the base risk per trade is chosen. */
export type SizingMethod = "kelly" | "fixed-fractional";

/**
 * Options of PortfolioRiskManager. Risk fractions are fractions of equity put at risk (distance to the
 * stop x units), never position values: 0.01 = 1%.
 */
export interface PortfolioRiskManagerOptions {
  /** "kelly": adaptive from closed trades (KellyPositionSizer); "fixed-fractional": always `riskFraction`. Default "kelly". */
  readonly sizing?: SizingMethod;
  /** Risk per trade of fixed-fractional sizing, and Kelly's base before it trusts its estimate, in (0, 1]. Default 0.01 (1%). */
  readonly riskFraction?: number;
  /** Kelly options (fraction 0.5, maxRiskFraction 0.02, minTrades 30, onNonPositiveEdge "floor", floorRiskFraction 0.0025). */
  readonly kelly?: Omit<KellyPositionSizerOptions, "baseRiskFraction">;
  /** Drawdown scaling (floor 0.25 at 20%, halt at 30%), or false for none. Default {}: the defaults. */
  readonly drawdown?: DrawdownScaleOptions | false;
  /** Most total open risk, in (0, 1]. Default 0.06 (6%). */
  readonly maxHeat?: number;
  /** Most open risk of one position, in (0, maxHeat]. Default 0.02 (2%). */
  readonly maxPositionRisk?: number;
  /** Share of a stopless position's value counted in heat, in [0, 1]. Default 1 (all of it). */
  readonly noStopRiskFraction?: number;
  /** Most new risk approved per trading day in a time zone, in (0, 1]. Default 0.02 (2%). */
  readonly maxDailyRisk?: number;
  /** Most open positions (orders waiting to fill included), integer >= 1. Default 10. */
  readonly maxPositions?: number;
  /** ATR multiple for the stop distance of signals without a stopPrice, > 0. Default 2 (a common chandelier/turtle width). */
  readonly stopMult?: number;
}

/** The resolved parts of a PortfolioRiskManager: options checked once, sizers and monitors built. */
export interface RiskParts {
  readonly sizing: SizingMethod;
  readonly riskFraction: number;
  readonly kelly: KellyPositionSizer | null;
  readonly drawdown: ResolvedDrawdownScaleOptions | null;
  readonly heat: PortfolioHeatMonitor;
  readonly budget: DailyRiskBudget;
  readonly maxPositions: number;
  readonly stopMult: number;
}

/**
 * Returns the parts of a risk manager built from its options, after checking them (InvalidOptionError
 * naming the option).
 * @example riskParts({ sizing: "fixed-fractional", riskFraction: 0.005 }).riskFraction; // 0.005
 */
export function riskParts(options: PortfolioRiskManagerOptions = {}): RiskParts {
  const sizing = check.keyword("sizing", options.sizing ?? "kelly", ["kelly", "fixed-fractional"]);
  const riskFraction = options.riskFraction ?? 0.01;
  if (typeof riskFraction !== "number" || !(riskFraction > 0 && riskFraction <= 1)) invalid("riskFraction", riskFraction, "a number in (0, 1]", "pass a fraction of equity to risk per trade, e.g. 0.01 for 1%");
  const cap = options.kelly?.maxRiskFraction ?? 0.02;
  if (sizing === "kelly" && typeof cap === "number" && riskFraction > cap) {
    invalid("riskFraction", riskFraction, `a number in (0, kelly.maxRiskFraction] = (0, ${cap}]`, "Kelly's base risk cannot exceed its cap; raise kelly.maxRiskFraction or use sizing \"fixed-fractional\"");
  }
  const kelly = sizing === "kelly" ? new KellyPositionSizer({ ...options.kelly, baseRiskFraction: riskFraction }) : null;
  const drawdown = options.drawdown === false ? null : resolveDrawdownScaleOptions(options.drawdown ?? {});
  const heat = new PortfolioHeatMonitor({ maxHeat: options.maxHeat, maxPositionRisk: options.maxPositionRisk, noStopRiskFraction: options.noStopRiskFraction });
  const budget = new DailyRiskBudget({ maxDailyRisk: options.maxDailyRisk });
  const maxPositions = check.positiveInteger("maxPositions", options.maxPositions ?? 10);
  const stopMult = check.positive("stopMult", options.stopMult ?? 2);
  return { sizing, riskFraction, kelly, drawdown, heat, budget, maxPositions, stopMult };
}
