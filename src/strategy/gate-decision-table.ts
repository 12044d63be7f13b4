import * as arrow from "apache-arrow";
import type { GateDecision, SuppressedSignal } from "./gate-decision.js";

const utf8 = <T>(rows: readonly T[], field: (row: T) => string | null) => arrow.vectorFromArray(rows.map(field), new arrow.Utf8());
const float64 = <T>(rows: readonly T[], field: (row: T) => number | null) => arrow.vectorFromArray(rows.map(field), new arrow.Float64());

/** The columns shared by decision and suppressed-signal tables. */
function signalColumns(rows: readonly GateDecision[]): Record<string, arrow.Vector> {
  return {
    ts: float64(rows, (r) => r.ts),
    symbol: utf8(rows, (r) => r.symbol),
    direction: utf8(rows, (r) => r.direction),
    strength: float64(rows, (r) => r.strength),
    stopPrice: float64(rows, (r) => r.stopPrice),
    reason: utf8(rows, (r) => r.reason),
    regime: utf8(rows, (r) => r.regime),
  };
}

/**
 * Returns a regime gate's decisions as an Arrow table, one row per inner signal: ts (Float64, epoch
 * ms UTC), symbol, direction, strength, stopPrice (null without a stop), reason, regime (null while
 * warming up), regimeAllowed (Bool), action ("passed", "suppressed", "reduced-to-exit") and code
 * (null when passed). An empty list gives an empty table with the same columns.
 * @example gateDecisionTable(gate.decisions()).getChild("action")?.toArray()
 */
export function gateDecisionTable(decisions: readonly GateDecision[]): arrow.Table {
  return new arrow.Table({
    ...signalColumns(decisions),
    regimeAllowed: arrow.vectorFromArray(decisions.map((d) => d.regimeAllowed), new arrow.Bool()),
    action: utf8(decisions, (d) => d.action),
    code: utf8(decisions, (d) => d.code),
  });
}

/**
 * Returns withheld signals as an Arrow table: ts (Float64, epoch ms UTC), symbol, direction,
 * strength, stopPrice (null without a stop), reason, regime (null while warming up), action, code, and
 * inspection (the classifier's `inspect()` snapshot as JSON text; null when there was none). An empty
 * list gives an empty table with the same columns.
 * @example JSON.parse(suppressedSignalTable(gate.suppressedList()).getChild("inspection")!.get(0)).rule
 */
export function suppressedSignalTable(signals: readonly SuppressedSignal[]): arrow.Table {
  return new arrow.Table({
    ...signalColumns(signals),
    action: utf8(signals, (s) => s.action),
    code: utf8(signals, (s) => s.code),
    inspection: utf8(signals, (s) => (s.inspection === null ? null : JSON.stringify(s.inspection))),
  });
}
