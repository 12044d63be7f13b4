import type { CapRule, CapStep } from "./risk-explanation.js";

/** What the caps on a new position's quantity read. Money in account currency, fractions of equity. */
export interface CapInputs {
  readonly equity: number;
  /** Stop distance, price units per unit (> 0). */
  readonly distance: number;
  /** Reference price per unit (> 0). */
  readonly price: number;
  readonly rawQuantity: number;
  readonly maxPositionRisk: number;
  readonly maxHeat: number;
  readonly otherRiskAmount: number;
  readonly maxDailyRisk: number;
  readonly dailyUsedBefore: number;
  readonly cashAvailable: number;
  readonly openPositions: number;
  readonly maxPositions: number;
}

/** The caps applied in order, the whole-unit quantity, the binding cap and the cap that denied (if any). */
export interface CapResult {
  readonly caps: CapStep[];
  readonly quantity: number;
  readonly bindingCap: CapRule | null;
  /** The first cap that took the quantity from one unit or more to below one, or whole-units when the raw quantity was below one. */
  readonly deniedBy: CapStep | null;
}

/**
 * Returns the largest whole number of units q >= 0 with q x perUnit <= room, exactly in floating point
 * (room / perUnit can round up to an integer the product then exceeds).
 * @example unitsWithin(0.3, 0.1); // 2 (0.3 / 0.1 is 2.9999999999999996)
 */
export function unitsWithin(room: number, perUnit: number): number {
  if (!(room > 0)) return 0;
  let q = Math.floor(room / perUnit);
  while (q > 0 && q <= Number.MAX_SAFE_INTEGER && q * perUnit > room) q--;
  return q;
}

/**
 * Returns the caps applied to a raw quantity, in order: per-position risk, portfolio heat, daily budget,
 * cash, max open positions, whole units (see CapStep for each rule's room). Each cap keeps the smaller
 * of the quantity so far and what it allows.
 * @example applyCaps(inputs).quantity; // whole units >= 0
 */
export function applyCaps(i: CapInputs): CapResult {
  const { equity, distance, price } = i;
  const caps: CapStep[] = [];
  let q = i.rawQuantity;
  const push = (rule: CapRule, code: string, limit: number | null, usedBefore: number | null, room: number | null, perUnit: number | null, maxQuantity: number | null, usedAfter: (after: number) => number | null): void => {
    const after = maxQuantity === null ? q : Math.min(q, maxQuantity);
    caps.push({ rule, code, limit, usedBefore, usedAfter: usedAfter(after), room, perUnit, maxQuantity, quantityBefore: q, quantityAfter: after, binding: Math.floor(after) < Math.floor(q) });
    q = after;
  };
  const positionRoom = i.maxPositionRisk * equity;
  push("per-position-risk", "POSITION_RISK_LIMIT", i.maxPositionRisk, null, positionRoom, distance, unitsWithin(positionRoom, distance), (a) => (a * distance) / equity);
  const otherHeat = i.otherRiskAmount / equity;
  const heatRoom = Math.max(0, i.maxHeat * equity - i.otherRiskAmount);
  push("heat", "HEAT_LIMIT", i.maxHeat, otherHeat, heatRoom, distance, unitsWithin(heatRoom, distance), (a) => (i.otherRiskAmount + a * distance) / equity);
  const dailyRoom = Math.max(0, (i.maxDailyRisk - i.dailyUsedBefore) * equity);
  push("daily-budget", "DAILY_BUDGET", i.maxDailyRisk, i.dailyUsedBefore, dailyRoom, distance, unitsWithin(dailyRoom, distance), (a) => i.dailyUsedBefore + (a * distance) / equity);
  const cashRoom = Math.max(0, i.cashAvailable);
  push("cash", "INSUFFICIENT_CASH", i.cashAvailable, null, cashRoom, price, unitsWithin(cashRoom, price), (a) => a * price);
  const full = i.openPositions >= i.maxPositions;
  push("max-positions", "MAX_POSITIONS", i.maxPositions, i.openPositions, null, null, full ? 0 : null, (a) => i.openPositions + (a >= 1 ? 1 : 0));
  push("whole-units", "ZERO_QUANTITY", null, null, null, null, Math.floor(q), () => null);
  let bindingCap: CapRule | null = null;
  for (const c of caps) if (c.binding) bindingCap = c.rule;
  const deniedBy = q >= 1 ? null : i.rawQuantity < 1 ? caps[caps.length - 1]! : caps.find((c) => c.quantityBefore >= 1 && c.quantityAfter < 1)!;
  return { caps, quantity: q, bindingCap, deniedBy };
}
