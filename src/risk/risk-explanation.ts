import type { SignalDirection } from "../engine/events.js";
import type { KellySizing } from "./kelly-position-sizer.js";
import type { StopSource } from "./stop-distance.js";

/** The step of the chain that decided: the rule named in a decision and in each cap. */
export type RiskRule =
  | "exit" | "equity" | "price" | "base-risk" | "drawdown" | "stop"
  | "per-position-risk" | "heat" | "daily-budget" | "cash" | "max-positions" | "whole-units" | "sizing";

/** The caps applied to the raw quantity, in the order they apply. */
export type CapRule = "per-position-risk" | "heat" | "daily-budget" | "cash" | "max-positions" | "whole-units";

/**
 * One cap on the quantity, before and after. Caps on risk allow `maxQuantity` = the largest whole number
 * of units with units x `perUnit` <= `room`, where `room` is the money the cap leaves for this entry:
 * - per-position-risk: limit x equity;
 * - heat: limit x equity - the other positions' open risk (`heat.otherRiskAmount`), at least 0;
 * - daily-budget: (limit - usedBefore) x equity, at least 0;
 * - cash: the cash available (limit), at least 0, with `perUnit` the price.
 * max-positions allows nothing (0) when `usedBefore` open positions reach `limit`, else has no limit
 * (null); whole-units rounds down. Fractions are of equity; null means "does not apply".
 */
export interface CapStep {
  readonly rule: CapRule;
  /** The denial code when this cap takes the quantity below one unit. */
  readonly code: string;
  readonly limit: number | null;
  readonly usedBefore: number | null;
  readonly usedAfter: number | null;
  readonly room: number | null;
  readonly perUnit: number | null;
  readonly maxQuantity: number | null;
  readonly quantityBefore: number;
  readonly quantityAfter: number;
  /** True when this cap lowered the quantity in whole units (rounding down is never binding). */
  readonly binding: boolean;
}

/** The base risk: fixed-fractional, or Kelly with its estimate. */
export interface BaseRiskStep {
  readonly method: "fixed-fractional" | "kelly";
  /** Fraction of equity to put at risk before drawdown scaling and signal strength. */
  readonly riskFraction: number;
  readonly kelly: KellySizing | null;
}

/** The drawdown from the equity peak and the scale it puts on new risk (scale 1 when scaling is off). */
export interface DrawdownStep {
  readonly enabled: boolean;
  readonly peakEquity: number;
  readonly equity: number;
  /** (peak - equity) / peak, 0-1 (or more when equity is negative). */
  readonly drawdown: number;
  readonly scale: number;
  readonly floor: number | null;
  readonly floorAt: number | null;
  readonly haltAt: number | null;
}

/** The stop of the new position: where its distance came from. */
export interface StopStep {
  readonly source: StopSource;
  readonly distance: number;
  readonly stopPrice: number;
  readonly atr: number | null;
  readonly stopMult: number | null;
}

/** Portfolio heat around the decision (fractions of equity; after uses the decided quantity). */
export interface HeatStep {
  readonly before: number;
  readonly after: number;
  readonly max: number;
  readonly maxPositionRisk: number;
  /** Money at risk in the other positions (the symbol's own position is replaced by the new one). */
  readonly otherRiskAmount: number;
  /** The new position's risk: quantity x stop distance, and as a fraction of equity. */
  readonly positionRiskAmount: number;
  readonly positionRisk: number;
}

/** The daily risk budget of the symbol's zone and trading day (fractions of equity). */
export interface DailyStep {
  readonly zone: string;
  readonly day: string;
  readonly usedBefore: number;
  readonly usedAfter: number;
  readonly limit: number;
}

/**
 * The record of one risk decision, step by step: what was asked, the base risk (and Kelly estimate), the
 * drawdown scale, the risk amount, the stop and its source, the raw quantity, each cap before and after,
 * and the decision with the rule that made it. Steps not reached are null. It is the record the engine
 * acted on and survives a JSON round trip exactly (no NaN, no undefined, no class instances).
 */
export interface RiskExplanation {
  readonly ts: number;
  /** ts as ISO 8601 UTC. */
  readonly at: string;
  readonly symbol: string;
  readonly direction: SignalDirection;
  readonly strength: number;
  readonly reason: string;
  /** The stop the signal carried, null for none. */
  readonly signalStopPrice: number | null;
  readonly decision: "approved" | "resized" | "denied";
  readonly allowed: boolean;
  /** "OK" when allowed, else the UPPER_SNAKE denial code. */
  readonly code: string;
  readonly rule: RiskRule;
  readonly message: string;
  /** Whole units of the new position (for an exit: the units it closes); 0 when denied. */
  readonly quantity: number;
  /** The protective stop for the order, null for none (exits, denials). */
  readonly stopPrice: number | null;
  /** The numbers behind the decision, for a DeniedEvent. */
  readonly details: Readonly<Record<string, number | string>>;
  readonly equity: number;
  readonly cash: number;
  /** The reference price (last close), null before the symbol's first bar. */
  readonly price: number | null;
  /** Signed units held plus units waiting to fill. */
  readonly held: number;
  readonly base: BaseRiskStep | null;
  readonly drawdown: DrawdownStep | null;
  /** base x scale x strength. */
  readonly riskFraction: number | null;
  /** equity x riskFraction (money). */
  readonly riskAmount: number | null;
  readonly stop: StopStep | null;
  /** riskAmount / stop distance, before any cap (not rounded). */
  readonly rawQuantity: number | null;
  readonly caps: readonly CapStep[];
  readonly heat: HeatStep | null;
  readonly daily: DailyStep | null;
  readonly openPositions: { readonly count: number; readonly max: number } | null;
  /** The cap that lowered the quantity last (the binding one), null when none did. */
  readonly bindingCap: CapRule | null;
}
