import type * as arrow from "apache-arrow";
import { toIso } from "../core/time.js";
import type { SignalDirection } from "../engine/events.js";

/** What the risk step made of one signal, in the CLI's JSON (`decisions[]`). */
export interface SignalDecision {
  /** When the signal was made (the close of its bar), ISO 8601 UTC. */
  readonly time: string;
  readonly symbol: string;
  readonly direction: SignalDirection;
  readonly strength: number;
  readonly reason: string;
  /** "order": it became an order; "denied": the risk step refused it (see code); "ignored": an exit with nothing to close. */
  readonly outcome: "order" | "denied" | "ignored";
  /** "OK" for an order, the denial code, or null when ignored. */
  readonly code: string | null;
  /** The denial's message, or null. */
  readonly message: string | null;
  /** Units ordered, 0 otherwise. */
  readonly quantity: number;
  /** The order's protective stop, or null. */
  readonly stopPrice: number | null;
  /** The risk manager's step-by-step explanation (RiskExplanation) when it keeps one (PortfolioRiskManager), else null. */
  readonly explanation: unknown;
}

/** A risk manager's explanation record, as far as matching goes. */
interface Explained {
  readonly ts: number;
  readonly symbol: string;
  readonly direction: string;
}

/**
 * Returns one decision per signal of a run, from its journal: each signal paired with the order or
 * denial the risk step made of it at the same step (same symbol and direction, in order), or "ignored"
 * when there was none (an exit while flat); with the risk manager's explanation of the same signal
 * when `explanations` are given (PortfolioRiskManager.decisions()).
 * @example signalDecisions(result.journal, riskManager.decisions())
 */
export function signalDecisions(journal: arrow.Table, explanations: readonly Explained[] = []): SignalDecision[] {
  const col = (name: string) => journal.getChild(name)!;
  const ts = col("ts"), type = col("type"), symbol = col("symbol"), direction = col("direction"), strength = col("strength");
  const quantity = col("quantity"), stopPrice = col("stopPrice"), orderId = col("orderId"), code = col("code"), reason = col("reason");
  const n = journal.numRows;
  const used = new Uint8Array(n);
  const explainedUsed = new Uint8Array(explanations.length);
  const out: SignalDecision[] = [];
  let e0 = 0;
  for (let i = 0; i < n; i++) {
    if (type.get(i) !== "signal") continue;
    const t = Number(ts.get(i)), s = symbol.get(i) as string, d = direction.get(i) as SignalDirection;
    let outcome: SignalDecision["outcome"] = "ignored", j = -1;
    for (let k = i + 1; k < n && Number(ts.get(k)) === t; k++) {
      const kind = type.get(k);
      if (used[k] || (kind !== "order" && kind !== "denied") || symbol.get(k) !== s || direction.get(k) !== d) continue;
      if (kind === "denied" && orderId.get(k) != null) continue; // denied at a fill, not by the risk step
      j = k;
      outcome = kind === "order" ? "order" : "denied";
      used[k] = 1;
      break;
    }
    while (e0 < explanations.length && explanations[e0]!.ts < t) e0++;
    let explanation: unknown = null;
    for (let k = e0; k < explanations.length && explanations[k]!.ts === t; k++) {
      const x = explanations[k]!;
      if (!explainedUsed[k] && x.symbol === s && x.direction === d) {
        explainedUsed[k] = 1;
        // The record's epoch-ms `ts` is left out: its `at` gives the same time as ISO text, like every time in the JSON.
        const { ts: _ts, ...rest } = x as Explained & Record<string, unknown>;
        explanation = rest;
        break;
      }
    }
    const stop = j >= 0 && outcome === "order" ? (stopPrice.get(j) as number | null) : null;
    out.push({
      time: toIso(t), symbol: s, direction: d, strength: Number(strength.get(i)), reason: String(reason.get(i) ?? ""),
      outcome,
      code: outcome === "order" ? "OK" : outcome === "denied" ? String(code.get(j)) : null,
      message: outcome === "denied" ? String(reason.get(j) ?? "") : null,
      quantity: outcome === "order" ? Number(quantity.get(j)) : 0,
      stopPrice: stop ?? null,
      explanation,
    });
  }
  return out;
}
