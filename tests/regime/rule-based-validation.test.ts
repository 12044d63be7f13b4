import { describe, expect, it } from "vitest";
import { barAt, barColumns } from "../../src/data/bar-table.js";
import { confusionMatrix } from "../../src/regime/confusion-matrix.js";
import { RuleBasedClassifier } from "../../src/regime/rule-based-classifier.js";
import { regimeOfSyntheticLabel } from "../../src/regime/regimes.js";
import { regimeSwitchingBars } from "../../src/synthetic/regime-switching-bars.js";
import { sp500Daily } from "../indicators/sp500-daily.js";

const SEEDS = [1, 2, 3, 4, 5];

/** The default classifier's predictions and the true regimes on regimeSwitchingBars({ n: 5000, seed }). */
function classifySynthetic(seed: number) {
  const { table, regimes } = regimeSwitchingBars({ n: 5000, seed });
  const columns = barColumns(table);
  const classifier = new RuleBasedClassifier();
  const predicted = Array.from(columns.close, (_, i) => classifier.update(barAt(columns, i, "SYN")));
  return { truth: regimes.map(regimeOfSyntheticLabel), predicted };
}

describe("RuleBasedClassifier on synthetic regime-switching bars (default options, n = 5000)", () => {
  const runs = SEEDS.map(classifySynthetic);
  const perSeed = runs.map((r) => confusionMatrix(r.truth, r.predicted));
  const pooled = confusionMatrix(runs.flatMap((r) => r.truth), runs.flatMap((r) => r.predicted));

  // Measured (seeds 1-5): accuracy 0.482, 0.453, 0.386, 0.458, 0.498 (pooled 0.455) against majority
  // rates 0.340, 0.333, 0.406, 0.357, 0.348 (pooled 0.336); balanced accuracy 0.461, 0.456, 0.409, 0.481,
  // 0.465 (pooled 0.454) against 0.25 for any constant guess. Seed 3, long bull runs at a drift of 0.1
  // daily standard deviations, is the one where ADX misses most trends (they read as ranging) and the
  // accuracy falls below that seed's majority rate: so the floors are on the pooled figures, with per-seed
  // floors only as a guard. Floors sit 0.025-0.035 below the measured values: the data and classifier
  // are deterministic, so the margin guards against small rule changes, not randomness.
  it("reports its warm-up bars as skipped, not hidden", () => {
    for (const m of perSeed) expect(m).toMatchObject({ n: 5000 - 271, skipped: 271 });
  });

  it("beats the majority-class rate by at least 8 points and a constant guess's balanced accuracy by 17, pooled over seeds", () => {
    expect(pooled.accuracy!).toBeGreaterThanOrEqual(0.42);
    expect(pooled.accuracy! - pooled.majorityRate!).toBeGreaterThanOrEqual(0.08);
    expect(pooled.balancedAccuracy!).toBeGreaterThanOrEqual(0.42);
  });

  it.each(SEEDS.map((seed, i) => [seed, i]))("keeps accuracy >= 0.36 and balanced accuracy >= 0.38 on seed %i", (_, i) => {
    expect(perSeed[i]!.accuracy!).toBeGreaterThanOrEqual(0.36);
    expect(perSeed[i]!.balancedAccuracy!).toBeGreaterThanOrEqual(0.38);
  });

  // Pooled recall measured: trending-up 0.341, trending-down 0.199 (bear bars, at 1.4 % daily volatility,
  // often rank as high-volatility or show no ADX trend), ranging 0.704, high-volatility 0.571.
  it("finds every regime: recall of each label at least 0.17 pooled, high-volatility at least 0.5", () => {
    for (const scores of Object.values(pooled.perClass)) expect(scores.recall!).toBeGreaterThanOrEqual(0.17);
    expect(pooled.perClass["high-volatility"]!.recall!).toBeGreaterThanOrEqual(0.5);
  });
});

describe("RuleBasedClassifier on the S&P 500 daily bars, 2000-2020", () => {
  const sp = sp500Daily();
  const classifier = new RuleBasedClassifier();
  const at = new Map<string, string | null>();
  sp.close.forEach((close, i) => {
    const tsClose = Date.parse(`${sp.date[i]}T21:00:00Z`);
    at.set(sp.date[i]!, classifier.update({ symbol: "SPX", tsOpen: tsClose - 23_400_000, tsClose, open: sp.open[i]!, high: sp.high[i]!, low: sp.low[i]!, close, volume: 0 }));
  });

  it("calls the 2002, 2008 and 2020 crashes high-volatility and the 2003 and 2013 rallies trending-up", () => {
    expect(["2002-07-23", "2008-10-15", "2020-03-16"].map((d) => at.get(d))).toEqual(Array(3).fill("high-volatility"));
    expect(["2003-06-13", "2013-05-15"].map((d) => at.get(d))).toEqual(["trending-up", "trending-up"]);
  });
});
