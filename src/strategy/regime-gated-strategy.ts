import type * as arrow from "apache-arrow";
import { invalid } from "../core/check.js";
import { EngineStateError } from "../core/errors.js";
import { toIso } from "../core/time.js";
import type { MarketEvent, SignalEvent } from "../engine/events.js";
import type { PortfolioView } from "../portfolio/portfolio-view.js";
import type { RegimeClassifier } from "../regime/regime-classifier.js";
import type { Regime } from "../regime/regimes.js";
import { ClassifierPool, type ClassifierSource } from "./classifier-pool.js";
import type { GateAction, GateCode, GateDecision, SuppressedSignal } from "./gate-decision.js";
import { gateDecisionTable, suppressedSignalTable } from "./gate-decision-table.js";
import { resolveAllowList, type RegimeAllowList, type ResolvedAllowList } from "./regime-allow-list.js";
import type { Strategy } from "./strategy.js";

/** Options of {@link RegimeGatedStrategy}. */
export interface RegimeGatedStrategyOptions {
  /** The strategy whose signals are gated; it sees every bar, whatever the regime. Required. */
  readonly inner: Strategy;
  /**
   * The regime classifier: a factory `(symbol) => RegimeClassifier`, called on each symbol's first bar
   * (one classifier per symbol), or one classifier instance for a one-symbol run (a second symbol then
   * throws InvalidOptionError). Required.
   */
  readonly classifier: ClassifierSource;
  /** The regimes in which entries ("long", "short") pass: one list for both directions, or `{ long, short }`. Required. */
  readonly allow: RegimeAllowList;
  /**
   * Gate exits too: an "exit" passes only in a regime approved for some entry direction, and a
   * reversal in a regime not approved is suppressed whole. Default false: exits always pass, and a
   * reversal whose new entry is not approved is reduced to an exit, so the gate never traps a position.
   */
  readonly gateExits?: boolean;
  /** Let entries through while the classifier is warming up (no regime yet). Default false: warm-up counts as not approved. */
  readonly allowWarmUp?: boolean;
}

interface Counts {
  signals: number;
  passed: number;
  suppressed: number;
  reducedToExit: number;
}

/**
 * A strategy that wraps another and lets its signals through only in approved market regimes. On
 * each bar it first feeds the bar to the symbol's classifier, then asks the inner strategy, and
 * checks each signal against the regime of the signal's symbol after that bar: a regime computed on
 * bar N gates only orders decided after bar N, which fill at bar N+1 or later. The engine is
 * unchanged: a regime is a classification, not an event. Every inner signal is logged with its
 * regime and the gate's action (`decisions()`); withheld ones also with the classifier's `inspect()`
 * snapshot (`suppressed()`), so that `shadowTrades` can show what they would have done. The gate has
 * no fast path (the classifier needs each bar), and calls the inner strategy's general path.
 * @example
 * const gate = new RegimeGatedStrategy({ inner: new SmaCrossStrategy(), classifier: () => new RuleBasedClassifier(), allow: ["trending-up"] });
 * const result = new BacktestEngine({ handlers: [spx], strategy: gate }).run();
 * gate.suppressed(); // Arrow table of the withheld signals
 */
export class RegimeGatedStrategy implements Strategy {
  readonly name: string;
  readonly inner: Strategy;
  readonly allow: ResolvedAllowList;
  readonly gateExits: boolean;
  readonly allowWarmUp: boolean;
  private readonly classifiers: ClassifierPool;
  private readonly log: GateDecision[] = [];
  private readonly withheld: SuppressedSignal[] = [];
  private readonly counts = new Map<string, Counts>();
  private bars = 0;

  constructor(options: RegimeGatedStrategyOptions) {
    if (options === null || typeof options !== "object") invalid("options", options, "{ inner, classifier, allow }");
    const inner = options.inner;
    if (inner === null || typeof inner !== "object" || typeof inner.calculateSignals !== "function") invalid("inner", inner, "a Strategy with calculateSignals(event, portfolio)");
    this.inner = inner;
    this.classifiers = new ClassifierPool(options.classifier);
    this.allow = resolveAllowList(options.allow);
    this.gateExits = flag("gateExits", options.gateExits, false);
    this.allowWarmUp = flag("allowWarmUp", options.allowWarmUp, false);
    const same = this.allow.long.join() === this.allow.short.join();
    const regimes = (list: readonly Regime[]) => (list.length === 0 ? "none" : list.join(", "));
    this.name = `${inner.name}, gated (${same ? `entries in ${regimes(this.allow.long)}` : `long in ${regimes(this.allow.long)}; short in ${regimes(this.allow.short)}`})`;
  }

  /** Updates the symbol's classifier with the bar, then returns the inner strategy's signals that the regime lets through. */
  calculateSignals(event: MarketEvent, portfolio?: PortfolioView): SignalEvent | readonly SignalEvent[] | undefined {
    this.classifiers.get(event.symbol).update(event.bar);
    this.bars++;
    const out = this.inner.calculateSignals(event, portfolio as PortfolioView);
    if (out === undefined) return undefined;
    if (!Array.isArray(out)) return this.decide(out as SignalEvent, portfolio);
    const kept: SignalEvent[] = [];
    for (const signal of out as readonly SignalEvent[]) {
      const s = this.decide(signal, portfolio);
      if (s !== undefined) kept.push(s);
    }
    return kept.length === 0 ? undefined : kept;
  }

  /** Returns the inner strategy's average true range of a symbol, or undefined (warming up, or the inner strategy has none). */
  currentAtr(symbol: string): number | undefined {
    return this.inner.currentAtr?.(symbol);
  }

  /** Returns the inner strategy's view of a symbol plus `gate`: the regime, whether entries pass now, the counts and the classifier's inspection. */
  inspect(symbol: string): Record<string, unknown> {
    const classifier = this.classifiers.peek(symbol);
    const regime = classifier?.current() ?? null;
    const counts = this.counts.get(symbol) ?? { signals: 0, passed: 0, suppressed: 0, reducedToExit: 0 };
    return {
      ...(this.inner.inspect?.(symbol) ?? { symbol }),
      gate: {
        regime,
        entriesAllowed: { long: this.entryAllowed("long", regime), short: this.entryAllowed("short", regime) },
        allow: { long: [...this.allow.long], short: [...this.allow.short] },
        gateExits: this.gateExits,
        allowWarmUp: this.allowWarmUp,
        counts: { ...counts },
        classifier: classifier === undefined ? null : classifier.inspect(),
      },
    };
  }

  /** Returns the classifier of a symbol, or undefined before the symbol's first bar. */
  classifierOf(symbol: string): RegimeClassifier | undefined {
    return this.classifiers.peek(symbol);
  }

  /** Returns a symbol's regime timeline (its classifier's `history()`). Throws InvalidOptionError for a symbol not seen. */
  regimeHistory(symbol: string): arrow.Table {
    const classifier = this.classifiers.peek(symbol);
    if (classifier === undefined) return invalid("symbol", symbol, `a symbol the gate has seen (${this.classifiers.symbols().join(", ") || "none yet"})`, "run or step the engine first");
    return classifier.history();
  }

  /** Returns every inner signal so far with its regime and the gate's action, oldest first (plain objects). */
  decisions(): GateDecision[] {
    return [...this.log];
  }

  /** Returns `decisions()` as an Arrow table (see gateDecisionTable). */
  decisionTable(): arrow.Table {
    return gateDecisionTable(this.log);
  }

  /** Returns the withheld signals so far with their regime and classifier inspection, oldest first (plain objects). */
  suppressedList(): SuppressedSignal[] {
    return [...this.withheld];
  }

  /** Returns the withheld signals as an Arrow table, the inspection as a JSON text column (see suppressedSignalTable). */
  suppressed(): arrow.Table {
    return suppressedSignalTable(this.withheld);
  }

  /**
   * Resets the inner strategy, every classifier and the records, so an engine reset replays the same
   * run. Throws EngineStateError when bars were seen and the inner strategy has no `reset()`.
   */
  reset(): void {
    if (this.bars > 0 && typeof this.inner.reset !== "function") {
      throw new EngineStateError(`inner strategy "${this.inner.name}" has no reset(), so the gate cannot replay it; give it a reset() or build a new gate`);
    }
    this.inner.reset?.();
    this.classifiers.reset();
    this.log.length = this.withheld.length = 0;
    this.counts.clear();
    this.bars = 0;
  }

  private entryAllowed(direction: "long" | "short", regime: Regime | null): boolean {
    return regime === null ? this.allowWarmUp : this.allow[direction].includes(regime);
  }

  /** Returns what goes to the engine for one inner signal (itself, an exit, or nothing) and records the decision. */
  private decide(signal: SignalEvent, portfolio: PortfolioView | undefined): SignalEvent | undefined {
    const classifier = this.classifiers.peek(signal.symbol);
    const regime = classifier?.current() ?? null;
    const direction = signal.direction;
    const allowed = direction === "exit" ? this.entryAllowed("long", regime) || this.entryAllowed("short", regime) : this.entryAllowed(direction, regime);
    let action: GateAction = "passed";
    let emitted: SignalEvent | undefined = signal;
    if (!allowed && (direction !== "exit" || this.gateExits)) {
      const held = portfolio === undefined ? 0 : portfolio.quantity(signal.symbol) + portfolio.pendingQuantity(signal.symbol);
      const reverses = direction === "long" ? held < 0 : direction === "short" ? held > 0 : false;
      if (reverses && !this.gateExits) {
        action = "reduced-to-exit";
        emitted = { type: "signal", ts: signal.ts, symbol: signal.symbol, direction: "exit", strength: signal.strength, reason: `${signal.reason} (regime gate: ${direction} not allowed in ${regime ?? "warm-up"}, closing only)` };
      } else {
        action = "suppressed";
        emitted = undefined;
      }
    }
    const code: GateCode | null = action === "passed" ? null : regime === null ? "WARM_UP" : "REGIME_NOT_ALLOWED";
    const decision: GateDecision = {
      ts: signal.ts, time: toIso(signal.ts), symbol: signal.symbol, direction, strength: signal.strength,
      stopPrice: signal.stopPrice ?? null, reason: signal.reason, regime, regimeAllowed: allowed, action, code,
    };
    this.log.push(decision);
    const counts = this.countsOf(signal.symbol);
    counts.signals++;
    if (action === "passed") counts.passed++;
    else {
      if (action === "suppressed") counts.suppressed++;
      else counts.reducedToExit++;
      this.withheld.push({ ...decision, action, code: code!, inspection: classifier === undefined ? null : classifier.inspect() });
    }
    return emitted;
  }

  private countsOf(symbol: string): Counts {
    let counts = this.counts.get(symbol);
    if (counts === undefined) this.counts.set(symbol, (counts = { signals: 0, passed: 0, suppressed: 0, reducedToExit: 0 }));
    return counts;
  }
}

function flag(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") invalid(name, value, "true or false");
  return value;
}
