import { toIso } from "../core/time.js";
import type { SignalEvent } from "../engine/events.js";
import { applyCaps } from "./apply-caps.js";
import { scaleAt } from "./drawdown-scale-factor.js";
import type { RiskContext, RiskView } from "./risk-context.js";
import type { BaseRiskStep, DailyStep, DrawdownStep, HeatStep, RiskExplanation, RiskRule } from "./risk-explanation.js";
import type { RiskParts } from "./risk-parts.js";
import { stopDistance } from "./stop-distance.js";

type Details = Record<string, number | string>;

const pct = (x: number): string => `${String(Math.round(x * 1e4) / 1e2)}%`;
const num = (x: number): string => String(Math.round(x * 1e4) / 1e4);

/**
 * Returns the risk decision for one signal with every step that led to it (see RiskExplanation). Exits
 * are always allowed. An entry goes through: equity and price, base risk (fixed-fractional or Kelly),
 * drawdown scale, risk amount = equity x base x scale x strength, stop distance and source, raw quantity
 * = risk amount / distance, then the caps (per-position risk, heat, daily budget, cash, max positions,
 * whole units). It reads the view and the parts and changes nothing: recording the decision (the daily
 * budget) is the caller's job.
 * @example explainSignal(signal, view, riskParts(), context).quantity;
 */
export function explainSignal(signal: SignalEvent, view: RiskView, parts: RiskParts, context: RiskContext | undefined): RiskExplanation {
  const { symbol, direction } = signal;
  const equity = view.equity + 0, cash = view.cash + 0; // + 0 turns -0 into 0, which JSON keeps
  const held = view.quantity(symbol) + view.pendingQuantity(symbol) + 0;
  const price = view.lastPrice(symbol) ?? null;
  let e: Mutable<RiskExplanation> = {
    ts: signal.ts, at: toIso(signal.ts), symbol, direction, strength: signal.strength, reason: signal.reason,
    signalStopPrice: signal.stopPrice ?? null, decision: "denied", allowed: false, code: "", rule: "exit", message: "", quantity: 0,
    stopPrice: null, details: {}, equity, cash, price, held, base: null, drawdown: null, riskFraction: null, riskAmount: null,
    stop: null, rawQuantity: null, caps: [], heat: null, daily: null, openPositions: null, bindingCap: null,
  };
  const deny = (rule: RiskRule, code: string, message: string, details: Details): RiskExplanation =>
    ({ ...e, rule, code, message: `${direction} signal for ${symbol} denied: ${message}`, details });
  if (direction === "exit") {
    return { ...e, decision: "approved", allowed: true, code: "OK", quantity: Math.abs(held), message: `exit of ${symbol} allowed: exits are always allowed (closing a position only lowers risk)` };
  }
  if (!(equity > 0)) return deny("equity", "NO_EQUITY", `equity ${num(equity)} is not positive: no new positions`, { equity });
  if (price === null) return deny("price", "NO_PRICE", `${symbol} has no price yet: cannot size an entry`, { symbol });

  // Base risk, then drawdown.
  const kelly = parts.kelly === null ? null : parts.kelly.size(view.closedTrades());
  const base: BaseRiskStep = kelly === null ? { method: "fixed-fractional", riskFraction: parts.riskFraction, kelly: null } : { method: "kelly", riskFraction: kelly.riskFraction, kelly };
  e.base = base;
  const peak = Math.max(view.peakEquity, equity);
  const drawdownNow = peak > 0 ? (peak - equity) / peak : 0;
  const d = parts.drawdown;
  const scale = d === null ? 1 : scaleAt(drawdownNow, d);
  const drawdown: DrawdownStep = { enabled: d !== null, peakEquity: peak, equity, drawdown: drawdownNow, scale, floor: d?.floor ?? null, floorAt: d?.floorAt ?? null, haltAt: d?.haltAt ?? null };
  e.drawdown = drawdown;

  // What the caps read: heat, the day's budget, open positions.
  const otherRiskAmount = parts.heat.riskAmountExcept(view, symbol);
  const heatBefore = parts.heat.riskAmountExcept(view, undefined) / equity;
  const zone = context?.timeZones[symbol] ?? "UTC";
  const day = parts.budget.dayOf(view.now, zone);
  const usedBefore = parts.budget.used(zone, day);
  let openPositions = 0;
  for (const s of view.symbols) if (s !== symbol && view.quantity(s) + view.pendingQuantity(s) !== 0) openPositions++;
  e.openPositions = { count: openPositions, max: parts.maxPositions };
  const limits = { maxHeat: parts.heat.maxHeat, maxPositionRisk: parts.heat.maxPositionRisk };
  const heat: HeatStep = { before: heatBefore, after: otherRiskAmount / equity, max: limits.maxHeat, maxPositionRisk: limits.maxPositionRisk, otherRiskAmount, positionRiskAmount: 0, positionRisk: 0 };
  const daily: DailyStep = { zone, day, usedBefore, usedAfter: usedBefore, limit: parts.budget.maxDailyRisk };
  e.heat = heat;
  e.daily = daily;

  if (kelly?.method === "deny") {
    return deny("base-risk", "NEGATIVE_EDGE", `${kelly.note} (${kelly.trades} closed trades, win rate ${kelly.winRate === null ? "none" : pct(kelly.winRate)}, payoff ratio ${kelly.payoffRatio === null ? "none" : num(kelly.payoffRatio)})`, { trades: kelly.trades, rawKelly: kelly.rawKelly ?? "none", winRate: kelly.winRate ?? "none", payoffRatio: kelly.payoffRatio ?? "none" });
  }
  if (scale === 0) {
    return deny("drawdown", "HALTED_DRAWDOWN", `drawdown ${pct(drawdownNow)} from the peak ${num(peak)} is at or beyond haltAt ${pct(d!.haltAt)}: new risk halts until equity recovers`, { drawdown: drawdownNow, peakEquity: peak, equity, haltAt: d!.haltAt });
  }
  const riskFraction = base.riskFraction * scale * signal.strength;
  const riskAmount = equity * riskFraction;
  e.riskFraction = riskFraction;
  e.riskAmount = riskAmount;

  const stop = stopDistance(symbol, direction, price, signal.stopPrice, context?.currentAtr(symbol), parts.stopMult);
  if (stop.ok === false) return { ...e, rule: "stop", code: stop.code, message: stop.message, details: stop.details };
  const { distance } = stop;
  e.stop = { source: stop.source, distance, stopPrice: stop.stopPrice, atr: stop.atr, stopMult: stop.stopMult };
  const rawQuantity = riskAmount / distance;
  if (!Number.isFinite(rawQuantity)) return deny("stop", "STOP_TOO_CLOSE", `the stop distance ${distance} is too small to size (risk ${num(riskAmount)} / distance is not finite)`, { distance, riskAmount });
  e.rawQuantity = rawQuantity;

  const cashAvailable = direction === "long" && held < 0 ? cash + held * price : cash;
  const capped = applyCaps({
    equity, distance, price, rawQuantity, maxPositionRisk: limits.maxPositionRisk, maxHeat: limits.maxHeat, otherRiskAmount,
    maxDailyRisk: parts.budget.maxDailyRisk, dailyUsedBefore: usedBefore, cashAvailable, openPositions, maxPositions: parts.maxPositions,
  });
  const quantity = capped.quantity;
  const positionRiskAmount = quantity * distance;
  e = {
    ...e, caps: capped.caps, bindingCap: capped.bindingCap,
    heat: { ...heat, after: (otherRiskAmount + positionRiskAmount) / equity, positionRiskAmount, positionRisk: positionRiskAmount / equity },
    daily: { ...daily, usedAfter: usedBefore + positionRiskAmount / equity },
  };
  const numbers: Details = { equity, price, riskAmount, stopDistance: distance, rawQuantity, quantity };
  const denied = capped.deniedBy;
  if (denied !== null) {
    const why = denied.rule === "whole-units"
      ? `risk ${num(riskAmount)} (${pct(riskFraction)} of equity) at stop distance ${num(distance)} sizes ${num(rawQuantity)} units, below one`
      : `${denied.rule} cap allows ${num(denied.maxQuantity ?? 0)} units (limit ${num(denied.limit ?? 0)}, used ${num(denied.usedBefore ?? 0)}, room ${num(denied.room ?? 0)})`;
    return deny(denied.rule, denied.code, why, { ...numbers, limit: denied.limit ?? "none", usedBefore: denied.usedBefore ?? "none", room: denied.room ?? "none" });
  }
  const resized = capped.bindingCap !== null;
  return {
    ...e, decision: resized ? "resized" : "approved", allowed: true, code: "OK", rule: capped.bindingCap ?? "sizing", quantity, stopPrice: stop.stopPrice, details: numbers,
    message: `${direction} ${quantity} ${symbol} with stop ${num(stop.stopPrice)} (${stop.source}): risk ${num(positionRiskAmount)} = ${pct(positionRiskAmount / equity)} of equity${resized ? `, resized by the ${capped.bindingCap} cap from ${num(rawQuantity)} units` : ""}`,
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
