import type { SignalDirection } from "../engine/events.js";
import type { RegimeInspection } from "../regime/regime-classifier.js";
import type { Regime } from "../regime/regimes.js";

/**
 * What a regime gate did with one of the inner strategy's signals:
 * - "passed": handed to the engine unchanged;
 * - "suppressed": withheld (an entry in a regime not approved, or any signal with `gateExits`);
 * - "reduced-to-exit": a reversal (e.g. "short" while long) whose new entry is not approved: only
 *   the exit part went to the engine, so the gate never traps a position.
 */
export type GateAction = "passed" | "suppressed" | "reduced-to-exit";

/**
 * Why a gate withheld a signal (UPPER_SNAKE, like the engine's denial codes):
 * - "REGIME_NOT_ALLOWED": the signal's direction is not approved in the current regime;
 * - "WARM_UP": the classifier has no regime yet (warming up), and warm-up is not approved.
 */
export type GateCode = "REGIME_NOT_ALLOWED" | "WARM_UP";

/**
 * One of the inner strategy's signals with the gate's decision, as plain JSON-safe data: the
 * signal's fields (`ts` epoch ms UTC of the bar it was decided after, `time` the same as ISO text),
 * the regime of the signal's symbol at that moment (null while warming up), whether that regime is
 * approved for the signal's direction, and what the gate did.
 */
export interface GateDecision {
  readonly ts: number;
  readonly time: string;
  readonly symbol: string;
  readonly direction: SignalDirection;
  readonly strength: number;
  /** The signal's protective stop (price units), or null without one. */
  readonly stopPrice: number | null;
  /** The inner strategy's reason. */
  readonly reason: string;
  readonly regime: Regime | null;
  /** True when the regime (or warm-up) is approved for this direction; exits count as approved only in approved regimes. */
  readonly regimeAllowed: boolean;
  readonly action: GateAction;
  /** Why the signal (or its entry part) was withheld; null when it passed. */
  readonly code: GateCode | null;
}

/**
 * A signal the gate withheld (fully, or its entry part when reduced to an exit), with the
 * classifier's `inspect()` snapshot at that moment (null when the signal's symbol has no classifier
 * yet: it was never seen).
 */
export interface SuppressedSignal extends GateDecision {
  readonly action: "suppressed" | "reduced-to-exit";
  readonly code: GateCode;
  readonly inspection: RegimeInspection | null;
}
