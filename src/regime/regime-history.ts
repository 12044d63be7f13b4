import * as arrow from "apache-arrow";
import { dictionaryVector, float64Vector } from "../core/arrow-vectors.js";
import { GrowableFloat64 } from "../core/growable-float64.js";
import { GrowableInt32 } from "../core/growable-int32.js";
import { REGIMES, type Regime } from "./regimes.js";

/**
 * Records a classifier's timeline, one row per bar, without allocating per row: the close time, the
 * regime (or none while warming up), the feature values and, for probabilistic classifiers, the
 * probability of each regime. `toTable()` gives the Arrow table that `RegimeClassifier.history()`
 * returns.
 * @example
 * const history = new RegimeHistory(["adx", "volPercentile"]);
 * history.push(bar.tsClose, "ranging", [18.2, 0.41]);
 * history.toTable().numRows; // 1
 */
export class RegimeHistory {
  private readonly featureNames: readonly string[];
  private readonly withProbabilities: boolean;
  private readonly ts = new GrowableFloat64();
  private readonly regimes = new GrowableInt32();
  private readonly features: GrowableFloat64[];
  private readonly probabilities: GrowableFloat64[];

  constructor(featureNames: readonly string[], withProbabilities = false) {
    this.featureNames = [...featureNames];
    this.withProbabilities = withProbabilities;
    this.features = featureNames.map(() => new GrowableFloat64());
    this.probabilities = withProbabilities ? REGIMES.map(() => new GrowableFloat64()) : [];
  }

  /** The number of rows. */
  get length(): number {
    return this.ts.length;
  }

  /**
   * Appends one bar: its close time, its regime (null while warming up), the feature values in the
   * order of the names given to the constructor (NaN when undefined), and the probability of each
   * regime in REGIMES order (probabilistic classifiers only; NaN while warming up).
   */
  push(ts: number, regime: Regime | null, features: ArrayLike<number>, probabilities?: ArrayLike<number>): void {
    this.ts.push(ts);
    this.regimes.push(regime === null ? -1 : REGIMES.indexOf(regime));
    for (let i = 0; i < this.features.length; i++) this.features[i]!.push(features[i]!);
    for (let i = 0; i < this.probabilities.length; i++) this.probabilities[i]!.push(probabilities === undefined ? NaN : probabilities[i]!);
  }

  /** Drops every row. */
  clear(): void {
    this.ts.clear();
    this.regimes.clear();
    for (const f of this.features) f.clear();
    for (const p of this.probabilities) p.clear();
  }

  /**
   * Returns the rows as an Arrow table: ts (Float64, epoch ms UTC), regime (dictionary of REGIMES,
   * null while warming up), one Float64 column per feature and `p:<regime>` per regime (NaN as null).
   * The columns are copies: later pushes do not change the table.
   */
  toTable(): arrow.Table {
    const columns: Record<string, arrow.Vector> = {
      ts: float64Vector(this.ts.copy()),
      regime: dictionaryVector(this.regimes.copy(), REGIMES),
    };
    this.featureNames.forEach((name, i) => (columns[name] = float64Vector(this.features[i]!.copy(), true)));
    if (this.withProbabilities) REGIMES.forEach((r, i) => (columns[`p:${r}`] = float64Vector(this.probabilities[i]!.copy(), true)));
    return new arrow.Table(columns);
  }
}

/** Returns the column name of a regime's probability in a history table, e.g. "p:trending-up". */
export function probabilityColumn(regime: Regime): string {
  return `p:${regime}`;
}
