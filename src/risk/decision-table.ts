import * as arrow from "apache-arrow";
import { float64Vector } from "../core/arrow-vectors.js";
import type { RiskExplanation } from "./risk-explanation.js";

type NumberColumn = (e: RiskExplanation) => number | null | undefined;
type TextColumn = (e: RiskExplanation) => string | null | undefined;

const NUMBERS: Readonly<Record<string, NumberColumn>> = {
  ts: (e) => e.ts,
  quantity: (e) => e.quantity,
  stopPrice: (e) => e.stopPrice,
  stopDistance: (e) => e.stop?.distance,
  price: (e) => e.price,
  equity: (e) => e.equity,
  baseRiskFraction: (e) => e.base?.riskFraction,
  kellyTrades: (e) => e.base?.kelly?.trades,
  winRate: (e) => e.base?.kelly?.winRate,
  payoffRatio: (e) => e.base?.kelly?.payoffRatio,
  rawKelly: (e) => e.base?.kelly?.rawKelly,
  drawdown: (e) => e.drawdown?.drawdown,
  scale: (e) => e.drawdown?.scale,
  riskFraction: (e) => e.riskFraction,
  riskAmount: (e) => e.riskAmount,
  rawQuantity: (e) => e.rawQuantity,
  positionRisk: (e) => (e.allowed ? e.heat?.positionRisk : null),
  heatBefore: (e) => e.heat?.before,
  heatAfter: (e) => e.heat?.after,
  maxHeat: (e) => e.heat?.max,
  dailyUsedBefore: (e) => e.daily?.usedBefore,
  dailyUsedAfter: (e) => e.daily?.usedAfter,
  dailyLimit: (e) => e.daily?.limit,
  openPositions: (e) => e.openPositions?.count,
};

const TEXTS: Readonly<Record<string, TextColumn>> = {
  symbol: (e) => e.symbol,
  direction: (e) => e.direction,
  decision: (e) => e.decision,
  code: (e) => e.code,
  rule: (e) => e.rule,
  stopSource: (e) => e.stop?.source,
  baseMethod: (e) => e.base?.kelly?.method ?? e.base?.method,
  day: (e) => e.daily?.day,
  bindingCap: (e) => e.bindingCap,
  message: (e) => e.message,
};

/** The column names of a decision table, in order. */
export const DECISION_COLUMNS = ["ts", "symbol", "direction", "decision", "allowed", "code", "rule", ...Object.keys(NUMBERS).slice(1), ...Object.keys(TEXTS).slice(5)] as const;

/**
 * Returns risk decisions as an Arrow table, one row per signal: ts (epoch ms UTC), symbol, direction,
 * decision ("approved" | "resized" | "denied"), allowed, code, rule, quantity, the stop (price, distance,
 * source), price, equity, base risk (fraction and method: "fixed-fractional", or Kelly's "base" | "kelly"
 * | "floor" | "deny" with its trades, win rate, payoff ratio and raw f*), drawdown and scale, risk
 * fraction and amount, raw quantity, the approved position's risk, heat before/after and its max, the
 * daily budget used before/after, its limit and day, open positions, the binding cap and the message.
 * Steps a decision did not reach are null.
 * @example decisionTable(riskManager.decisions()).getChild("code");
 */
export function decisionTable(decisions: readonly RiskExplanation[]): arrow.Table {
  const n = decisions.length;
  const columns: Record<string, arrow.Vector> = {};
  const number = (name: string): void => {
    const values = new Float64Array(n);
    const get = NUMBERS[name]!;
    for (let i = 0; i < n; i++) values[i] = get(decisions[i]!) ?? Number.NaN;
    columns[name] = float64Vector(values, name !== "ts");
  };
  const text = (name: string): void => {
    const get = TEXTS[name]!;
    columns[name] = arrow.vectorFromArray(decisions.map((e) => get(e) ?? null), new arrow.Utf8());
  };
  for (const name of DECISION_COLUMNS) {
    if (name === "allowed") columns.allowed = arrow.vectorFromArray(decisions.map((e) => e.allowed), new arrow.Bool());
    else if (name in NUMBERS) number(name);
    else text(name);
  }
  return new arrow.Table(columns);
}
