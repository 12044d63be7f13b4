import type * as arrow from "apache-arrow";
import type { Bar } from "../core/types.js";
import type { Regime } from "./regimes.js";

/**
 * Why a classifier calls the current regime what it does, as plain JSON-safe data (it survives
 * `JSON.parse(JSON.stringify(x))` unchanged: no NaN, no undefined, times as ISO text).
 */
export interface RegimeInspection {
  /** The classifier's name, e.g. "rules(adx 14, vol 20/252)". */
  readonly classifier: string;
  /** The regime now; null while warming up. */
  readonly regime: Regime | null;
  /** True once the classifier has seen enough bars to classify. */
  readonly warm: boolean;
  /** Bars seen so far, and how many it needs before its first classification. */
  readonly barsSeen: number;
  readonly warmUpBars: number;
  /** The last bar it used (its close time as ISO text, its close); null before the first bar. */
  readonly lastBar: { readonly tsClose: string; readonly close: number } | null;
  /** When the current regime began (ISO close time of its first bar) and how many bars it has lasted; null while warming up. */
  readonly regimeSince: string | null;
  readonly barsInRegime: number;
  /** The feature values behind the decision, by name (e.g. adx, plusDi, minusDi, volPercentile); null when not yet defined. */
  readonly features: Readonly<Record<string, number | null>>;
  /** The thresholds and settings the rules compare the features with, by name. */
  readonly thresholds: Readonly<Record<string, number>>;
  /** The rule that fired, in words, e.g. "ADX 31.2 >= 25 and +DI 28.0 > -DI 12.1: trending-up". */
  readonly rule: string;
  /** Probabilistic classifiers: the filtered probability of each regime given the bars so far (sums to 1); otherwise null. */
  readonly probabilities: Readonly<Record<Regime, number>> | null;
}

/**
 * A causal market-regime classifier for one symbol: `update(bar)` is called once per bar, in time
 * order, and may use only that bar and earlier ones; the regime it returns is the classification
 * after that bar's close. Classifiers are data, not events: the engine never sees them, strategies
 * (e.g. RegimeGatedStrategy) consult them.
 * @example
 * const classifier = new RuleBasedClassifier();
 * for (const bar of handler.bars()) classifier.update(bar);
 * classifier.inspect().rule;
 */
export interface RegimeClassifier {
  /** A short name with the main parameters. */
  readonly name: string;
  /** Feeds the next bar (tsClose strictly increasing) and returns the regime after it, or null while warming up. */
  update(bar: Bar): Regime | null;
  /** The regime after the last bar, or null while warming up (or before the first bar). */
  current(): Regime | null;
  /** Why: the features, thresholds and rule behind the current regime (see RegimeInspection). */
  inspect(): RegimeInspection;
  /**
   * The regime timeline so far as an Arrow table, one row per bar seen: `ts` (the bar's tsClose, epoch
   * ms UTC, Float64), `regime` (Utf8 dictionary, null while warming up), one Float64 column per feature
   * (NaN as null), and for probabilistic classifiers one Float64 column `p:<regime>` per regime.
   */
  history(): arrow.Table;
  /** The parameters it was built with, as plain JSON-safe data (for CLI output and notebooks). */
  parameters(): Record<string, number | string | boolean>;
  /** Forgets every bar, back to the state right after construction (a fitted model stays fitted). */
  reset(): void;
}
