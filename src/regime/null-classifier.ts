import type * as arrow from "apache-arrow";
import { invalid } from "../core/check.js";
import { toIso } from "../core/time.js";
import type { Bar } from "../core/types.js";
import type { RegimeClassifier, RegimeInspection } from "./regime-classifier.js";
import { RegimeHistory } from "./regime-history.js";
import { isRegime, REGIMES, type Regime } from "./regimes.js";

/** Options of {@link NullClassifier}. */
export interface NullClassifierOptions {
  /** The regime it always reports. Default "ranging". */
  readonly regime?: Regime;
}

/**
 * A classifier that calls every bar the same regime, from the first bar on (no warm-up): for wiring
 * and tests, and as the "no regime filter" baseline of a gated strategy.
 * @example new RegimeGatedStrategy({ inner, classifier: () => new NullClassifier(), allow: ["ranging"] })
 */
export class NullClassifier implements RegimeClassifier {
  readonly name: string;
  private readonly regime: Regime;
  private readonly timeline = new RegimeHistory([]);
  private last: Bar | undefined = undefined;
  private first: Bar | undefined = undefined;
  private count = 0;

  constructor(options: NullClassifierOptions = {}) {
    const regime = options.regime ?? "ranging";
    if (!isRegime(regime)) invalid("regime", regime, `one of ${REGIMES.join(", ")}`);
    this.regime = regime;
    this.name = `null(${regime})`;
  }

  update(bar: Bar): Regime {
    this.first ??= bar;
    this.last = bar;
    this.count++;
    this.timeline.push(bar.tsClose, this.regime, []);
    return this.regime;
  }

  current(): Regime | null {
    return this.count > 0 ? this.regime : null;
  }

  inspect(): RegimeInspection {
    return {
      classifier: this.name,
      regime: this.current(),
      warm: this.count > 0,
      barsSeen: this.count,
      warmUpBars: 1,
      lastBar: this.last === undefined ? null : { tsClose: toIso(this.last.tsClose), close: this.last.close },
      regimeSince: this.first === undefined ? null : toIso(this.first.tsClose),
      barsInRegime: this.count,
      features: {},
      thresholds: {},
      rule: `always ${this.regime}`,
      probabilities: null,
    };
  }

  history(): arrow.Table {
    return this.timeline.toTable();
  }

  parameters(): Record<string, string> {
    return { classifier: "null", regime: this.regime };
  }

  reset(): void {
    this.timeline.clear();
    this.last = this.first = undefined;
    this.count = 0;
  }
}
