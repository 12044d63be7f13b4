import type * as arrow from "apache-arrow";
import { UnsortedStreamError } from "../core/errors.js";
import { toIso } from "../core/time.js";
import type { Bar } from "../core/types.js";
import { ADX } from "../indicators/adx.js";
import { ATR } from "../indicators/atr.js";
import { LinearSlope } from "../indicators/linear-slope.js";
import { PercentileRank } from "../indicators/percentile-rank.js";
import { RealizedVolatility } from "../indicators/realized-volatility.js";
import type { RegimeClassifier, RegimeInspection } from "./regime-classifier.js";
import { RegimeHistory } from "./regime-history.js";
import { applyRegimeRules, type RegimeRuleFeatures } from "./regime-rules.js";
import { ruleBasedSettings, ruleBasedWarmUpBars, type RuleBasedClassifierOptions, type RuleBasedSettings } from "./rule-based-options.js";
import type { Regime } from "./regimes.js";

/** The feature columns of a RuleBasedClassifier's history, in order. */
export const RULE_BASED_FEATURES = ["adx", "plusDi", "minusDi", "volatility", "volPercentile", "slope"] as const;

/** What RuleBasedClassifier.inspect() returns: a RegimeInspection plus the candidate waiting out its dwell. */
export interface RuleBasedInspection extends RegimeInspection {
  /** The regime the rules gave on the last bar (it differs from `regime` while its dwell is pending); null while warming up. */
  readonly candidate: Regime | null;
  /** Consecutive bars the candidate has held, when it differs from the adopted regime; else 0. */
  readonly candidateBars: number;
}

/**
 * A rule-based regime classifier: Wilder's ADX with +DI/-DI for trend, the percentile rank of
 * volatility over a long lookback for stress, and the least-squares slope of log close to break DI
 * ties (and, optionally, to confirm trends). The rules, in order of precedence (see applyRegimeRules):
 * vol percentile >= highVolPercentile gives "high-volatility"; else ADX >= trendThreshold with +DI > -DI
 * gives "trending-up", with -DI > +DI "trending-down"; else "ranging".
 *
 * Two things keep it from flipping every bar. Hysteresis: an adopted high-volatility regime holds while
 * the percentile stays >= highVolExitPercentile, an adopted trend while ADX stays >= trendExitThreshold
 * with the same DI lead. Dwell: a new candidate is adopted only after it has come out of the rules on
 * `minDwell` consecutive bars; `regimeSince` is the bar where it was adopted. The first regime after
 * warm-up is adopted at once.
 *
 * Causal: `update(bar)` reads only that bar and the state left by earlier ones. The regime is null for
 * the first `warmUpBars - 1` bars (realized volatility needs volWindow + 1 closes and its percentile
 * volLookback of them: 272 bars by default). Cost per bar: O(1) amortized for ADX, volatility, slope,
 * dwell and the history row; the percentile rank is O(log volLookback) binary searches plus a shift of
 * the sorted window, at worst volLookback doubles but usually a few (see PercentileRank).
 * @example
 * const classifier = new RuleBasedClassifier({ minDwell: 5 });
 * for (const bar of handler.bars()) classifier.update(bar);
 * classifier.inspect().rule; // "vol percentile 0.42 < 0.9; ADX 31.2 >= 25 and +DI 28 > -DI 12.1: trending-up"
 */
export class RuleBasedClassifier implements RegimeClassifier {
  readonly name: string;
  /** Bars needed before the first regime. */
  readonly warmUpBars: number;
  private readonly settings: RuleBasedSettings;
  private readonly timeline = new RegimeHistory(RULE_BASED_FEATURES);
  private readonly row = new Float64Array(RULE_BASED_FEATURES.length);
  private readonly features: RegimeRuleFeatures = { adx: NaN, plusDi: NaN, minusDi: NaN, volatility: NaN, volPercentile: NaN, slope: NaN };
  private adx!: ADX;
  private realized: RealizedVolatility | undefined;
  private atr: ATR | undefined;
  private rank!: PercentileRank;
  private trend!: LinearSlope;
  private count = 0;
  private last: Bar | undefined = undefined;
  private adopted: Regime | null = null;
  /** The adopted regime before the last bar's rules ran (the hysteresis they used). */
  private decidedFrom: Regime | null = null;
  private since = NaN;
  private inRegime = 0;
  private candidate: Regime | null = null;
  private candidateBars = 0;

  constructor(options: RuleBasedClassifierOptions = {}) {
    const s = (this.settings = ruleBasedSettings(options));
    this.warmUpBars = ruleBasedWarmUpBars(s);
    this.name = `rules(adx ${s.adxPeriod} ${s.trendThreshold}/${s.trendExitThreshold}, vol ${s.volMeasure} ${s.volWindow}/${s.volLookback} ${s.highVolPercentile}/${s.highVolExitPercentile}, dwell ${s.minDwell})`;
    this.reset();
  }

  update(bar: Bar): Regime | null {
    if (this.last !== undefined && !(bar.tsClose > this.last.tsClose)) {
      throw new UnsortedStreamError(
        `invalid bar: tsClose ${toIso(bar.tsClose)} is not after the previous bar's ${toIso(this.last.tsClose)} (expected strictly increasing close times); feed one symbol's bars in time order`,
        { tsClose: bar.tsClose, previousTsClose: this.last.tsClose },
      );
    }
    this.last = bar;
    this.count++;
    const f = this.features;
    const { high, low, close } = bar;
    f.adx = this.adx.update(high, low, close) ?? NaN;
    f.plusDi = this.adx.plusDI ?? NaN;
    f.minusDi = this.adx.minusDI ?? NaN;
    f.volatility = this.realized !== undefined ? (this.realized.update(close) ?? NaN) : (this.atr!.update(high, low, close) ?? NaN) / close;
    f.volPercentile = this.rank.update(f.volatility) ?? NaN;
    f.slope = this.trend.update(Math.log(close)) ?? NaN;
    // Bars with a NaN price are skipped by the indicators, so "every feature defined" is the warm test.
    if (f.adx === f.adx && f.plusDi === f.plusDi && f.volPercentile === f.volPercentile && f.slope === f.slope) this.decide(bar);
    const row = this.row;
    row[0] = f.adx; row[1] = f.plusDi; row[2] = f.minusDi; row[3] = f.volatility; row[4] = f.volPercentile; row[5] = f.slope;
    this.timeline.push(bar.tsClose, this.adopted, row);
    return this.adopted;
  }

  /** Runs the rules on the latest features and applies the dwell. */
  private decide(bar: Bar): void {
    const adopted = (this.decidedFrom = this.adopted);
    const next = applyRegimeRules(this.features, this.settings, adopted);
    const previous = this.candidate;
    this.candidate = next;
    if (adopted === null || next === adopted) this.candidateBars = 0;
    else this.candidateBars = this.candidateBars > 0 && previous === next ? this.candidateBars + 1 : 1;
    if (adopted === null || this.candidateBars >= this.settings.minDwell) {
      this.adopted = next;
      this.since = bar.tsClose;
      this.inRegime = 1;
      this.candidateBars = 0;
    } else {
      this.inRegime++;
    }
  }

  current(): Regime | null {
    return this.adopted;
  }

  inspect(): RuleBasedInspection {
    const s = this.settings;
    const f = this.features;
    const warm = this.adopted !== null;
    const num = (x: number) => (Number.isFinite(x) ? x : null);
    return {
      classifier: this.name,
      regime: this.adopted,
      warm,
      barsSeen: this.count,
      warmUpBars: this.warmUpBars,
      lastBar: this.last === undefined ? null : { tsClose: toIso(this.last.tsClose), close: this.last.close },
      regimeSince: warm ? toIso(this.since) : null,
      barsInRegime: warm ? this.inRegime : 0,
      features: { adx: num(f.adx), plusDi: num(f.plusDi), minusDi: num(f.minusDi), volatility: num(f.volatility), volPercentile: num(f.volPercentile), slope: num(f.slope) },
      thresholds: {
        trendThreshold: s.trendThreshold, trendExitThreshold: s.trendExitThreshold, highVolPercentile: s.highVolPercentile,
        highVolExitPercentile: s.highVolExitPercentile, minDwell: s.minDwell,
      },
      rule: this.ruleText(),
      probabilities: null,
      candidate: warm ? this.candidate : null,
      candidateBars: warm && this.candidate !== this.adopted ? this.candidateBars : 0,
    };
  }

  /** The rule that fired on the last bar, in words with its numbers, and the dwell when a candidate is pending. */
  private ruleText(): string {
    if (this.adopted === null) {
      const s = this.settings;
      const vol = (s.volMeasure === "realized" ? s.volWindow + 1 : s.volWindow) + s.volLookback - 1;
      return `warming up: ${this.count} of ${this.warmUpBars} bars seen (ADX needs ${this.adx.requiredInputs}, the volatility percentile ${vol}, the slope ${this.trend.requiredInputs})`;
    }
    const why: string[] = [];
    const candidate = applyRegimeRules(this.features, this.settings, this.decidedFrom, why);
    const text = `${why.join("; ")}: ${candidate}`;
    if (candidate === this.adopted) return text;
    return `${text} (candidate for ${this.candidateBars} of ${this.settings.minDwell} bars; keeping ${this.adopted} until it holds ${this.settings.minDwell})`;
  }

  history(): arrow.Table {
    return this.timeline.toTable();
  }

  parameters(): Record<string, number | string | boolean> {
    return { classifier: "rules", ...this.settings };
  }

  reset(): void {
    const s = this.settings;
    this.adx = new ADX(s.adxPeriod);
    this.realized = s.volMeasure === "realized" ? new RealizedVolatility(s.volWindow) : undefined;
    this.atr = s.volMeasure === "atr" ? new ATR(s.volWindow) : undefined;
    this.rank = new PercentileRank(s.volLookback);
    this.trend = new LinearSlope(s.slopeWindow);
    this.timeline.clear();
    this.count = 0;
    this.last = undefined;
    this.adopted = this.decidedFrom = this.candidate = null;
    this.since = NaN;
    this.inRegime = this.candidateBars = 0;
    const f = this.features;
    f.adx = f.plusDi = f.minusDi = f.volatility = f.volPercentile = f.slope = NaN;
  }
}
