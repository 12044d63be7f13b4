import { ExecutionHandler } from "../execution/execution-handler.js";
import { RuleBasedClassifier } from "../regime/rule-based-classifier.js";
import type { Regime } from "../regime/regimes.js";
import { riskPreset, type RiskPreset } from "../risk/risk-preset.js";
import type { RiskManager } from "../risk/risk-manager.js";
import { BuyAndHoldStrategy } from "../strategy/buy-and-hold-strategy.js";
import { RegimeGatedStrategy } from "../strategy/regime-gated-strategy.js";
import { SmaCrossStrategy } from "../strategy/sma-cross-strategy.js";
import { SmcStrategy } from "../strategy/smc-strategy.js";
import type { Strategy } from "../strategy/strategy.js";
import type { SweepStrategyName } from "./sweep-parameters.js";
import type { SweepSettings } from "./sweep-plan.js";
import type { SweepValue } from "./sweep-spec.js";

/** The engine parts one sweep run is made of. */
export interface RunParts {
  readonly strategy: Strategy;
  readonly riskManager: RiskManager;
  readonly execution: ExecutionHandler;
  readonly allowShort: boolean;
}

const GATE_REGIMES: Readonly<Record<string, readonly Regime[]>> = {
  up: ["trending-up"],
  "up-or-ranging": ["trending-up", "ranging"],
  "not-down": ["trending-up", "ranging", "high-volatility"],
};

/**
 * Returns the gate's classifier for a run's trendThreshold and highVolPercentile: it exits a trend 5
 * ADX points below the threshold and high volatility 0.1 below the percentile, as the classifier's
 * defaults do (25/20, 0.9/0.8).
 */
export function gateClassifier(trendThreshold: number, highVolPercentile: number): RuleBasedClassifier {
  return new RuleBasedClassifier({
    trendThreshold, trendExitThreshold: Math.max(0, trendThreshold - 5),
    highVolPercentile, highVolExitPercentile: Math.max(0, highVolPercentile - 0.1),
  });
}

/**
 * Returns a fresh strategy, risk manager and execution handler for one run's parameters (see
 * SWEEP_PARAMETERS); the gate's classifier is {@link gateClassifier}.
 */
export function buildRunParts(strategy: SweepStrategyName, p: Readonly<Record<string, SweepValue>>, settings: SweepSettings): RunParts {
  const allowShort = strategy !== "buy-and-hold" && p.allowShort === true;
  let inner: Strategy;
  if (strategy === "sma-cross") inner = new SmaCrossStrategy({ fast: p.fast as number, slow: p.slow as number, allowShort });
  else if (strategy === "smc") inner = new SmcStrategy({ swingLength: p.swingLength as number, zones: p.zones as "fvg" | "order-block" | "both", stopBufferAtr: p.stopBufferAtr as number, allowShort });
  else inner = new BuyAndHoldStrategy();
  const gate = p.gate as string;
  const trendThreshold = p.trendThreshold as number, highVolPercentile = p.highVolPercentile as number;
  const gated = gate === "none" || gate === undefined ? inner : new RegimeGatedStrategy({
    inner,
    classifier: () => gateClassifier(trendThreshold, highVolPercentile),
    allow: GATE_REGIMES[gate]!,
  });
  const preset = p.risk as RiskPreset;
  const riskManager = preset === "fixed"
    ? riskPreset("fixed", { fraction: p.fraction as number })
    : preset === "fractional"
      ? riskPreset("fractional", { riskFraction: p.riskFraction as number, maxHeat: p.maxHeat as number, stopMult: p.stopMult as number })
      : riskPreset("kelly", { riskFraction: p.riskFraction as number, maxHeat: p.maxHeat as number, stopMult: p.stopMult as number, kelly: { fraction: p.kellyFraction as number } });
  const execution = new ExecutionHandler({ commission: { fraction: settings.commissionPercent / 100 }, slippage: { bps: settings.slippageBps } });
  return { strategy: gated, riskManager, execution, allowShort };
}
