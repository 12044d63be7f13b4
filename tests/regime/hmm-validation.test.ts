import { describe, expect, it } from "vitest";
import { barAt, barColumns } from "../../src/data/bar-table.js";
import { confusionMatrix } from "../../src/regime/confusion-matrix.js";
import { HmmClassifier } from "../../src/regime/hmm-classifier.js";
import { regimeOfSyntheticLabel } from "../../src/regime/regimes.js";
import { regimeSwitchingBars } from "../../src/synthetic/regime-switching-bars.js";

const SEEDS = [1, 2, 3, 4, 5];
// Causal setup: fit on the first 500 observations (default trainBars), then refit every 500 bars on all
// past observations (expanding), warm-starting from the previous model plus 2 seeded k-means++ starts.
const OPTIONS = { refitEvery: 500, restarts: 2 } as const;

function classifySynthetic(seed: number) {
  const { table, regimes } = regimeSwitchingBars({ n: 5000, seed });
  const columns = barColumns(table);
  const classifier = new HmmClassifier(OPTIONS);
  const predicted = Array.from(columns.close, (_, i) => classifier.update(barAt(columns, i, "SYN")));
  return { truth: regimes.map(regimeOfSyntheticLabel), predicted };
}

describe("HmmClassifier on synthetic regime-switching bars (n = 5000, refit every 500 bars)", () => {
  const runs = SEEDS.map(classifySynthetic);
  const perSeed = runs.map((r) => confusionMatrix(r.truth, r.predicted));
  const pooled = confusionMatrix(runs.flatMap((r) => r.truth), runs.flatMap((r) => r.predicted));

  // Measured (seeds 1-5): accuracy 0.637, 0.572, 0.629, 0.624, 0.431 (pooled 0.579) against majority
  // rates 0.346, 0.351, 0.393, 0.358, 0.367 (pooled 0.340); balanced accuracy 0.640, 0.616, 0.659, 0.672,
  // 0.436 (pooled 0.605) against 0.25 for any constant guess. The states the HMM finds are volatility
  // levels (0.6 %, 0.8 %, 1.4 %, 3 % a day); naming them needs each state's mean return, which 500-2000
  // bars estimate poorly (a drift of 0.08 %/day is 0.1 daily sd), so bull and sideways bars are often
  // swapped (pooled: 3380 of 7638 bull bars called ranging). Seed 5 is the worst: its first 500 bars hold
  // two high-volatility episodes and no bear market, so two states split the 3 % regime until the refits
  // catch up. The data and fit are deterministic: floors sit 0.03 below the measured values and guard
  // against changes to the model, not against randomness.
  it("reports its warm-up bars (500 observations after a 10-bar feature warm-up) as skipped", () => {
    for (const m of perSeed) expect(m).toMatchObject({ n: 5000 - 509, skipped: 509 });
  });

  it("beats the majority-class rate by at least 20 points pooled, with accuracy >= 0.55 and balanced accuracy >= 0.57", () => {
    expect(pooled.accuracy!).toBeGreaterThanOrEqual(0.55);
    expect(pooled.accuracy! - pooled.majorityRate!).toBeGreaterThanOrEqual(0.2);
    expect(pooled.balancedAccuracy!).toBeGreaterThanOrEqual(0.57);
  });

  it.each(SEEDS.map((seed, i) => [seed, i]))("beats seed %i's majority rate by 3 points, with accuracy and balanced accuracy >= 0.40", (_, i) => {
    const m = perSeed[i]!;
    expect(m.accuracy!).toBeGreaterThanOrEqual(0.4);
    expect(m.accuracy! - m.majorityRate!).toBeGreaterThanOrEqual(0.03);
    expect(m.balancedAccuracy!).toBeGreaterThanOrEqual(0.4);
  });

  // Pooled recall measured: trending-up 0.468, trending-down 0.625, ranging 0.592, high-volatility 0.736.
  it("finds every regime: pooled recall of each label at least 0.43, high-volatility at least 0.70", () => {
    for (const scores of Object.values(pooled.perClass)) expect(scores.recall!).toBeGreaterThanOrEqual(0.43);
    expect(pooled.perClass["high-volatility"]!.recall!).toBeGreaterThanOrEqual(0.7);
  });
});
