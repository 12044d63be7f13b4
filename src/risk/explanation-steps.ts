import type { RiskExplanation } from "./risk-explanation.js";

/** One readable row of a risk decision: the step, its output value, the quantity after it, and a note with the inputs. */
export interface ExplanationStep {
  readonly step: string;
  /** The step's output (a fraction, money, price units or units; see the note), null when none. */
  readonly value: number | null;
  /** Units after this step (fractional until whole-units), null before the raw quantity exists. */
  readonly quantity: number | null;
  readonly note: string;
}

const pct = (x: number): string => `${String(Math.round(x * 1e4) / 1e2)}%`;
const num = (x: number | null): string => (x === null ? "none" : String(Math.round(x * 1e4) / 1e4));

/**
 * Returns a risk decision as rows a person reads top to bottom (base risk, drawdown scale, strength, risk
 * amount, stop, raw quantity, each cap, decision), for a notebook table or a sizing waterfall: the
 * `quantity` column is the size after each step. Steps the decision did not reach are left out.
 * @example explanationSteps(riskManager.explain(signal));
 */
export function explanationSteps(e: RiskExplanation): ExplanationStep[] {
  const rows: ExplanationStep[] = [];
  const add = (step: string, value: number | null, quantity: number | null, note: string) => rows.push({ step, value, quantity, note });
  if (e.base !== null) {
    const k = e.base.kelly;
    const note = k === null ? "fixed-fractional risk per trade"
      : `Kelly (${k.method}): ${k.trades} trades, W ${k.winRate === null ? "none" : pct(k.winRate)}, R ${num(k.payoffRatio)}, f* ${num(k.rawKelly)}, x${k.fraction}, cap ${pct(k.cap)}; ${k.note}`;
    add("base risk", e.base.riskFraction, null, note);
  }
  if (e.drawdown !== null) {
    const d = e.drawdown;
    add("drawdown scale", d.scale, null, d.enabled ? `drawdown ${pct(d.drawdown)} from peak ${num(d.peakEquity)} (floor ${d.floor} at ${pct(d.floorAt!)}, halt at ${pct(d.haltAt!)})` : "drawdown scaling off");
  }
  if (e.riskFraction !== null) {
    add("signal strength", e.strength, null, `risk fraction = base x scale x strength = ${pct(e.riskFraction)}`);
    add("risk amount", e.riskAmount, null, `equity ${num(e.equity)} x ${pct(e.riskFraction)}`);
  }
  if (e.stop !== null) add("stop distance", e.stop.distance, null, `${e.stop.source}: stop ${num(e.stop.stopPrice)} from price ${num(e.price)}${e.stop.atr === null ? "" : ` (ATR ${num(e.stop.atr)} x ${e.stop.stopMult})`}`);
  if (e.rawQuantity !== null) add("raw quantity", e.rawQuantity, e.rawQuantity, "risk amount / stop distance");
  for (const c of e.caps) {
    add(c.rule, c.maxQuantity, c.quantityAfter, `${c.binding ? "binding" : "not binding"}: limit ${num(c.limit)}, used before ${num(c.usedBefore)}, after ${num(c.usedAfter)}, allows ${c.maxQuantity === null ? "any" : num(c.maxQuantity)} units`);
  }
  add("decision", e.quantity, e.quantity, `${e.decision} (${e.code}, rule ${e.rule}): ${e.message}`);
  return rows;
}
