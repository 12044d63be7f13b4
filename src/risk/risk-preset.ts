import { check } from "../core/check.js";
import { FixedFractionRisk, type FixedFractionRiskOptions } from "./fixed-fraction-risk.js";
import { FixedFractionalRisk } from "./fixed-fractional-risk.js";
import { PortfolioRiskManager } from "./portfolio-risk-manager.js";
import type { RiskManager } from "./risk-manager.js";
import type { PortfolioRiskManagerOptions } from "./risk-parts.js";

/** The named risk presets, as the CLI's `--risk` takes them. */
export const RISK_PRESETS = ["fixed", "fractional", "kelly"] as const;
/** A risk preset name. */
export type RiskPreset = (typeof RISK_PRESETS)[number];

/** Options of {@link riskPreset}: `fraction` for "fixed", the PortfolioRiskManager options for the others. */
export type RiskPresetOptions = FixedFractionRiskOptions & Omit<PortfolioRiskManagerOptions, "sizing">;

/**
 * Returns a risk manager by preset name: "fixed" sizes each position at `fraction` of equity in value
 * (FixedFractionRisk, default 10%, the engine's default); "fractional" risks `riskFraction` of equity to
 * the stop per trade (FixedFractionalRisk, default 1%, no drawdown scaling); "kelly" is
 * PortfolioRiskManager with its defaults (half Kelly capped at 2% after 30 trades, drawdown scaling, 6%
 * heat, 2% daily budget, 10 positions). Options a preset does not use are ignored. Throws
 * InvalidOptionError for an unknown name.
 * @example riskPreset("kelly", { maxHeat: 0.05 });
 */
export function riskPreset(name: RiskPreset, options: RiskPresetOptions = {}): RiskManager {
  const preset = check.keyword("risk", name, RISK_PRESETS);
  const { fraction, ...rest } = options;
  if (preset === "fixed") return new FixedFractionRisk({ fraction });
  if (preset === "fractional") {
    const { kelly: _kelly, ...fractional } = rest;
    return new FixedFractionalRisk(fractional);
  }
  return new PortfolioRiskManager({ ...rest, sizing: "kelly" });
}
