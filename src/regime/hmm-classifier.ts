import type * as arrow from "apache-arrow";
import { invalid } from "../core/check.js";
import { UnsortedStreamError } from "../core/errors.js";
import { toIso } from "../core/time.js";
import type { Bar } from "../core/types.js";
import { fitGaussianHmm } from "./hmm/fit-gaussian-hmm.js";
import { checkGaussianHmmModel, type GaussianHmmModel } from "./hmm/gaussian-hmm-model.js";
import { resolveHmmClassifierOptions, type HmmClassifierOptions, type ResolvedHmmClassifierOptions } from "./hmm/hmm-classifier-options.js";
import { hmmRule, hmmThresholds, jsonNumber } from "./hmm/hmm-explanation.js";
import { HmmFeatures } from "./hmm/hmm-features.js";
import { HmmFilter } from "./hmm/hmm-filter.js";
import { ObservationWindow } from "./hmm/observation-window.js";
import { stateRegimes } from "./hmm/state-regimes.js";
import type { RegimeClassifier, RegimeInspection } from "./regime-classifier.js";
import { RegimeHistory } from "./regime-history.js";
import { REGIMES, type Regime } from "./regimes.js";

const RULE = "highest return variance -> high-volatility; the rest by mean return: highest trending-up, lowest trending-down, between ranging";

/**
 * A regime classifier driven by a Gaussian hidden Markov model: each bar gives an observation (the log
 * return and, by default, the log of a 10-bar realized volatility; diagonal covariance, i.e. the
 * features are independent given the state), the forward filter turns it into filtered state
 * probabilities P(state_t | bars up to t), and the regime reported is the one whose states have the
 * largest summed probability. States are named by `stateRegimes` (highest return variance
 * high-volatility, then by mean return) unless `stateRegimes` is given.
 *
 * Causal by construction. Built with `new`, it collects the observations of its first `trainBars`
 * bars, fits the model by Baum-Welch on them at that bar, runs the filter through them and reports from
 * that bar on (warm-up: trainBars + the feature warm-up - 1 bars); with `refitEvery` it refits on past
 * observations only. `HmmClassifier.fromModel(model)` filters with a model fitted elsewhere from the
 * first bar with features. Probabilities are filtered, never smoothed: smoothing uses the future.
 * `reset()` forgets the bars and any model fitted from them (a model given to `fromModel` stays), so
 * a replay never uses a model fitted on later bars.
 * @see Hamilton (1989), Econometrica 57(2); Rabiner (1989), Proc. IEEE 77(2).
 * @example
 * const hmm = new HmmClassifier({ states: 4, trainBars: 500, seed: 1 });
 * for (const bar of handler.bars()) hmm.update(bar);
 * hmm.inspect().probabilities; // { "trending-up": 0.71, ... }
 */
export class HmmClassifier implements RegimeClassifier {
  readonly name: string;
  private readonly options: ResolvedHmmClassifierOptions;
  private readonly given: GaussianHmmModel | null;
  private readonly features: HmmFeatures;
  private readonly window: ObservationWindow;
  private readonly timeline: RegimeHistory;
  private readonly regimeProbabilities = new Float64Array(REGIMES.length);
  private fitted: GaussianHmmModel | null = null;
  private filter: HmmFilter | null = null;
  private regimeOfState: Int8Array = new Int8Array(0);
  private regimes: Regime[] = [];
  private regime: Regime | null = null;
  private leader: Regime | null = null;
  private leaderBars = 0;
  private since: number | undefined = undefined;
  private inRegime = 0;
  private last: Bar | undefined = undefined;
  private count = 0;
  private sinceFit = 0;

  constructor(options: HmmClassifierOptions = {}, model?: GaussianHmmModel) {
    this.options = resolveHmmClassifierOptions(options);
    this.features = new HmmFeatures(this.options);
    const d = this.features.names.length;
    this.given = model === undefined ? null : checkGaussianHmmModel(model);
    if (this.given !== null && this.given.dimensions !== d) {
      invalid("model.dimensions", this.given.dimensions, `${d}, the features of options.features (${this.features.names.join(", ")})`, 'fit on hmmObservations with the same options, or pass features: "return" for a 1-feature model');
    }
    const refits = this.options.refitEvery > 0;
    this.window = new ObservationWindow(d, refits && this.options.refitWindow === "expanding" ? Infinity : this.options.trainBars);
    this.timeline = new RegimeHistory(this.features.names, true);
    const o = this.options;
    const source = this.given === null ? `train ${o.trainBars}${refits ? `, refit ${o.refitEvery} ${o.refitWindow}` : ""}` : "given model";
    this.name = `hmm(${this.given?.states ?? o.states} states, ${o.features === "return" ? "return" : `return+vol ${o.volatilityWindow}`}, ${source})`;
    if (this.given !== null) this.useModel(this.given);
  }

  /**
   * Returns a classifier that filters with a model fitted elsewhere (e.g. by `fitGaussianHmm` on
   * `hmmObservations` of other bars), from the first bar with features on, without training.
   * @example const hmm = HmmClassifier.fromModel(fitGaussianHmm(hmmObservations(closes).observations));
   */
  static fromModel(model: GaussianHmmModel, options: HmmClassifierOptions = {}): HmmClassifier {
    return new HmmClassifier({ ...options, states: model.states }, model);
  }

  /** Takes the next bar and returns the regime after it, or null while warming up. */
  update(bar: Bar): Regime | null {
    if (this.last !== undefined && !(bar.tsClose > this.last.tsClose)) {
      throw new UnsortedStreamError(`invalid bar: tsClose ${toIso(bar.tsClose)} is not after ${toIso(this.last.tsClose)} (expected bars in time order); feed one symbol's bars sorted by tsClose`, { tsClose: bar.tsClose });
    }
    this.last = bar;
    this.count++;
    if (this.features.update(bar.close)) this.observe();
    if (this.filter !== null) this.classify(bar.tsClose);
    this.timeline.push(bar.tsClose, this.regime, this.features.values, this.regime === null ? undefined : this.regimeProbabilities);
    return this.regime;
  }

  /** Feeds this bar's observation to the training window, the refit window and the filter. */
  private observe(): void {
    const x = this.features.values;
    const o = this.options;
    const training = this.filter === null;
    if (training || o.refitEvery > 0) this.window.push(x);
    if (training) {
      if (this.window.length >= o.trainBars) this.refit();
    } else if (o.refitEvery > 0 && ++this.sinceFit >= o.refitEvery && this.window.length >= o.trainBars) this.refit();
    else this.filter!.update(x);
  }

  /** Fits on the window of past observations (this bar's included) and filters through it. */
  private refit(): void {
    const o = this.options;
    const model = fitGaussianHmm(this.window.toArrays(), {
      states: this.model()?.states ?? o.states, start: this.model() ?? undefined, seed: o.seed, restarts: o.restarts, maxIterations: o.maxIterations, tolerance: o.tolerance, varianceFloor: o.varianceFloor,
    });
    this.fitted = model;
    this.useModel(model);
    const rows = this.window.rows();
    const d = this.window.dimensions;
    for (let r = 0; r < rows.length / d; r++) this.filter!.update(rows, r * d);
    this.sinceFit = 0;
    if (o.refitEvery === 0) this.window.clear();
  }

  private useModel(model: GaussianHmmModel): void {
    const mapped = this.options.stateRegimes ?? stateRegimes(model);
    if (mapped.length !== model.states) invalid("stateRegimes", mapped, `one regime per state (${model.states})`);
    this.regimes = [...mapped];
    this.regimeOfState = Int8Array.from(mapped, (r) => REGIMES.indexOf(r));
    this.filter = new HmmFilter(model);
  }

  /** Sums the filtered state probabilities by regime and applies the minimum dwell. */
  private classify(ts: number): void {
    const p = this.regimeProbabilities;
    if (this.filter!.steps === 0) return;
    p.fill(0);
    const alpha = this.filter!.probabilities;
    for (let k = 0; k < alpha.length; k++) p[this.regimeOfState[k]!]! += alpha[k]!;
    let best = 0;
    for (let r = 1; r < p.length; r++) if (p[r]! > p[best]!) best = r;
    const leader = REGIMES[best]!;
    this.leaderBars = leader === this.leader ? this.leaderBars + 1 : 1;
    this.leader = leader;
    if (this.regime !== leader && (this.regime === null || this.leaderBars >= this.options.minDwell)) {
      this.regime = leader;
      this.since = ts;
      this.inRegime = 0;
    }
    this.inRegime++;
  }

  current(): Regime | null {
    return this.regime;
  }

  inspect(): RegimeInspection {
    const warm = this.regime !== null;
    const model = this.model();
    const values: Record<string, number | null> = {};
    this.features.names.forEach((name, f) => (values[name] = this.count > 0 ? jsonNumber(this.features.values[f]!) : null));
    const probabilities = warm ? (Object.fromEntries(REGIMES.map((r, i) => [r, this.regimeProbabilities[i]! + 0])) as Record<Regime, number>) : null;
    if (warm) this.filter!.probabilities.forEach((p, k) => (values[`p:state${k}`] = p + 0));
    const o = this.options;
    const settings = { trainBars: o.trainBars, refitEvery: o.refitEvery, minDwell: o.minDwell };
    const mapping = o.stateRegimes === undefined ? RULE : "mapping given";
    return {
      classifier: this.name,
      regime: this.regime,
      warm,
      barsSeen: this.count,
      warmUpBars: this.warmUpBars(),
      lastBar: this.last === undefined ? null : { tsClose: toIso(this.last.tsClose), close: this.last.close },
      regimeSince: this.since === undefined ? null : toIso(this.since),
      barsInRegime: this.inRegime,
      features: values,
      thresholds: model === null ? settings : { ...settings, ...hmmThresholds(model, this.regimes, this.features.names) },
      rule: !warm || model === null || probabilities === null
        ? `warming up: ${this.count} of ${this.warmUpBars()} bars (${this.given === null ? `fits on the first ${o.trainBars} observations` : "needs the features"})`
        : hmmRule(this.regime!, probabilities, model, this.regimes, this.leader!, this.leaderBars, o.minDwell, mapping),
      probabilities,
    };
  }

  /** Returns the model in use (JSON-safe), or null before the first fit. */
  model(): GaussianHmmModel | null {
    return this.fitted ?? this.given;
  }

  /** Returns the regime of each state of the model in use (empty before the first fit). */
  stateRegimes(): Regime[] {
    return [...this.regimes];
  }

  /** Returns the bars needed before the first classification. */
  warmUpBars(): number {
    return this.features.warmUpBars - 1 + (this.given === null ? this.options.trainBars : 1);
  }

  history(): arrow.Table {
    return this.timeline.toTable();
  }

  parameters(): Record<string, number | string | boolean> {
    const { stateRegimes: mapping, ...o } = this.options;
    return { classifier: "hmm", ...o, states: this.model()?.states ?? o.states, model: this.given === null ? "fitted" : "given", stateRegimes: mapping === undefined ? "rule" : mapping.join(",") };
  }

  reset(): void {
    this.features.reset();
    this.window.clear();
    this.timeline.clear();
    this.fitted = null;
    this.filter = null;
    this.regimes = [];
    this.regimeOfState = new Int8Array(0);
    if (this.given !== null) this.useModel(this.given);
    this.regime = this.leader = null;
    this.leaderBars = this.inRegime = this.count = this.sinceFit = 0;
    this.since = this.last = undefined;
  }
}
