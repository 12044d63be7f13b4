import { RuleBasedClassifier } from "../../src/regime/rule-based-classifier.js";
import { describe, expect, it } from "vitest";
import { InvalidOptionError } from "../../src/core/errors.js";
import { SWEEP_PARAMETERS } from "../../src/sweep/sweep-parameters.js";
import { comboParams, planSweep, sweepRunAt } from "../../src/sweep/sweep-plan.js";
import type { SweepSpec } from "../../src/sweep/sweep-spec.js";

/** Every combination of the axes by nested loops, the first axis outermost (the oracle of grid order). */
function nested(axes: readonly { name: string; values: readonly unknown[] }[]): Record<string, unknown>[] {
  let out: Record<string, unknown>[] = [{}];
  for (const a of axes) out = out.flatMap((p) => a.values.map((v) => ({ ...p, [a.name]: v })));
  return out;
}

const error = (spec: unknown, symbols: readonly string[] = ["SPX"]): InvalidOptionError => {
  try {
    planSweep(spec as SweepSpec, symbols);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidOptionError);
    return e as InvalidOptionError;
  }
  throw new Error("planSweep did not throw");
};

describe("planSweep grid order", () => {
  it("varies the first axis slowest, in SWEEP_PARAMETERS column order whatever the key order", () => {
    const plan = planSweep({ grid: { gate: ["none", "up"], slow: [30, 60], fast: [5, 10, 20] } }, ["AAA", "BBB"]);
    expect(plan.axes.map((a) => a.name)).toEqual(["fast", "slow", "gate"]);
    expect(plan.columns).toEqual(["fast", "slow", "gate"]);
    const expected = nested([{ name: "fast", values: [5, 10, 20] }, { name: "slow", values: [30, 60] }, { name: "gate", values: ["none", "up"] }]);
    expect(plan.gridSize).toBe(12);
    expect(plan.combos).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(plan.combos.map((c) => comboParams(plan, c))).toEqual(expected.map((p) => ({ ...plan.base, ...p })));
    expect(plan.runCount).toBe(24);
  });

  it("orders runs combination-major, then symbol in the order given", () => {
    const plan = planSweep({ grid: { fast: [5, 10], slow: [30] } }, ["BBB", "AAA", "CCC"]);
    const runs = Array.from({ length: plan.runCount }, (_, r) => sweepRunAt(plan, r));
    expect(runs.map((r) => [r.run, r.combo, r.symbol, r.params.fast])).toEqual([
      [0, 0, "BBB", 5], [1, 0, "AAA", 5], [2, 0, "CCC", 5], [3, 1, "BBB", 10], [4, 1, "AAA", 10], [5, 1, "CCC", 10],
    ]);
    expect(runs[4]!.params).toEqual({ ...plan.base, fast: 10, slow: 30 });
  });

  it("rejects a run index outside the plan instead of running made-up parameters", () => {
    const plan = planSweep({ grid: { fast: [5, 10], slow: [30] } }, ["AAA", "BBB"]);
    expect(() => sweepRunAt(plan, 4)).toThrow(/^invalid run: 4 \(expected a run index in \[0, 3\]\); the item does not belong to this plan$/);
    expect(() => sweepRunAt(plan, -1)).toThrow(/^invalid run: -1 /);
    expect(() => sweepRunAt(plan, 1.5)).toThrow(/^invalid run: 1\.5 /);
  });

  it("puts fixed parameters after the axes in the columns, and defaults every other parameter the strategy reads", () => {
    const plan = planSweep({ grid: { slow: [50] }, fixed: { fraction: 0.5, risk: "fixed", gate: "up" } }, ["SPX"]);
    expect(plan.columns).toEqual(["slow", "gate", "risk", "fraction"]);
    const defaults = Object.fromEntries(SWEEP_PARAMETERS.filter((p) => p.strategy !== "smc").map((p) => [p.name, p.default]));
    delete defaults.slow;
    expect(plan.base).toEqual({ ...defaults, gate: "up", risk: "fixed", fraction: 0.5 });
    expect(Object.keys(planSweep({ strategy: "buy-and-hold", grid: { fraction: [0.5] } }, ["SPX"]).base)).not.toContain("allowShort");
    expect(Object.keys(planSweep({ strategy: "smc", grid: { swingLength: [3] } }, ["SPX"]).base)).toEqual(
      ["allowShort", "zones", "stopBufferAtr", "gate", "trendThreshold", "highVolPercentile", "risk", "fraction", "riskFraction", "kellyFraction", "maxHeat", "stopMult"],
    );
  });

  it("warms windowed runs up for as long as the plan's longest run needs", () => {
    expect(planSweep({ grid: { slow: [60, 250] } }, ["SPX"]).settings.warmupBars).toBe(250);
    const gated = planSweep({ grid: { gate: ["none", "up"], trendThreshold: [20, 30] } }, ["SPX"]).settings.warmupBars;
    expect(gated).toBe(new RuleBasedClassifier({ trendThreshold: 20, trendExitThreshold: 15 }).warmUpBars);
    expect(gated).toBeGreaterThan(200);
    expect(planSweep({ strategy: "smc", grid: { swingLength: [3, 40] } }, ["SPX"]).settings.warmupBars).toBe(14 + 81);
  });

  it("rejects an unknown key of the spec", () => {
    expect(() => planSweep({ grid: { fast: [5] }, fixd: { slow: 40 } } as never, ["SPX"])).toThrow(/invalid sweep: "fixd" \(expected one of the keys strategy, grid, fixed/);
  });

  it("shares the settings with their defaults", () => {
    expect(planSweep({ grid: { fast: [5] } }, ["SPX"]).settings).toEqual({ cash: 100_000, commissionPercent: 0, slippageBps: 0, warmupBars: 50 });
    expect(planSweep({ grid: { fast: [5] }, cash: 5e4, commissionPercent: 0.1, slippageBps: 2, warmupBars: 0 }, ["SPX"]).settings).toEqual(
      { cash: 5e4, commissionPercent: 0.1, slippageBps: 2, warmupBars: 0 },
    );
  });
});

describe("planSweep ranges", () => {
  it("expands { from, to, step } with both ends, exact at 0.1 steps", () => {
    const axis = (spec: { from: number; to: number; step: number }, name = "fraction") => planSweep({ grid: { [name]: spec } }, ["SPX"]).axes[0]!.values;
    expect(axis({ from: 0.1, to: 0.5, step: 0.1 })).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(axis({ from: 0.1, to: 1, step: 0.1 })).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(axis({ from: 0.05, to: 0.3, step: 0.05 })).toEqual([0.05, 0.1, 0.15, 0.2, 0.25, 0.3]);
    expect(axis({ from: 50, to: 200, step: 50 }, "slow")).toEqual([50, 100, 150, 200]);
    expect(axis({ from: 10, to: 25, step: 10 }, "slow")).toEqual([10, 20]);
    expect(axis({ from: 70, to: 70, step: 3 }, "slow")).toEqual([70]);
  });
});

describe("planSweep exclusions", () => {
  it("leaves out sma-cross combinations with fast >= slow, counts them and keeps five examples", () => {
    const plan = planSweep({ grid: { fast: [5, 10, 20, 30], slow: [10, 20, 30] } }, ["SPX"]);
    const all = nested(plan.axes);
    const runnable = all.map((p, i) => ({ p, i })).filter(({ p }) => (p.fast as number) < (p.slow as number));
    expect(plan.gridSize).toBe(12);
    expect(plan.combos).toEqual(runnable.map((r) => r.i));
    expect(plan.combos).toEqual([0, 1, 2, 4, 5, 8]);
    expect(plan.excludedCount).toBe(6);
    expect(plan.excludedExamples).toHaveLength(5);
    expect(plan.excludedExamples[0]).toEqual({ params: { ...plan.base, fast: 10, slow: 10 }, reason: "fast (10) must be below slow (10)" });
    expect(plan.excludedExamples.map((e) => [e.params.fast, e.params.slow])).toEqual([[10, 10], [20, 10], [20, 20], [30, 10], [30, 20]]);
    expect(plan.runCount).toBe(6);
    expect(sweepRunAt(plan, 3).params).toMatchObject({ fast: 10, slow: 20 });
  });

  it("checks fast against the default slow when only fast varies", () => {
    const plan = planSweep({ grid: { fast: [10, 30, 40] } }, ["SPX"]);
    expect(plan.combos).toEqual([0]);
    expect(plan.excludedCount).toBe(2);
  });
});

describe("planSweep random search", () => {
  const grid = { fast: { from: 1, to: 20, step: 1 }, slow: { from: 21, to: 40, step: 1 } };

  it("draws N distinct combinations, sorted, the same for the same seed", () => {
    const a = planSweep({ grid, search: { random: 25, seed: 7 } }, ["SPX"]);
    const b = planSweep({ grid, search: { random: 25, seed: 7 } }, ["SPX"]);
    const c = planSweep({ grid, search: { random: 25, seed: 8 } }, ["SPX"]);
    expect(a.gridSize).toBe(400);
    expect(a.combos).toHaveLength(25);
    expect(a.runCount).toBe(25);
    expect(new Set(a.combos).size).toBe(25);
    expect([...a.combos].sort((x, y) => x - y)).toEqual(a.combos);
    expect(a.combos.every((i) => Number.isInteger(i) && i >= 0 && i < 400)).toBe(true);
    expect(b.combos).toEqual(a.combos);
    expect(c.combos).not.toEqual(a.combos);
    expect(a.search).toEqual({ random: 25, seed: 7 });
  });

  it("draws only runnable combinations when many are excluded, and counts the excluded draws", () => {
    const plan = planSweep({ grid: { fast: { from: 1, to: 30, step: 1 }, slow: { from: 2, to: 31, step: 1 } }, search: { random: 40, seed: 3 } }, ["SPX"]);
    expect(plan.combos).toHaveLength(40);
    expect(new Set(plan.combos).size).toBe(40);
    for (const i of plan.combos) {
      const p = comboParams(plan, i);
      expect(p.fast as number).toBeLessThan(p.slow as number);
    }
    expect(plan.excludedCount).toBeGreaterThan(0);
    expect(plan.excludedExamples.every((e) => (e.params.fast as number) >= (e.params.slow as number))).toBe(true);
  });

  it("takes the whole grid in order when N is at least its size", () => {
    const plan = planSweep({ grid: { fast: [5, 10], slow: [30, 60] }, search: { random: 10, seed: 1 } }, ["SPX"]);
    expect(plan.combos).toEqual([0, 1, 2, 3]);
  });
});

describe("planSweep errors", () => {
  it("rejects an unknown parameter and lists the known ones", () => {
    expect(() => planSweep({ grid: { fst: [5] } }, ["SPX"])).toThrow(
      /^invalid grid: "fst" \(expected a known parameter: fast, slow, allowShort, gate, trendThreshold, highVolPercentile, risk, fraction, riskFraction, kellyFraction, maxHeat, stopMult\)$/,
    );
    expect(() => planSweep({ grid: { fast: [5] }, fixed: { foo: 1 } }, ["SPX"])).toThrow(/^invalid fixed: "foo" \(expected a known parameter: fast, slow/);
  });

  it("rejects a parameter of another strategy and names its strategy", () => {
    expect(() => planSweep({ grid: { swingLength: [3, 5] } }, ["SPX"])).toThrow(/invalid grid: "swingLength" \(expected a parameter of strategy "sma-cross": .*\); "swingLength" belongs to strategy "smc"/);
    expect(() => planSweep({ strategy: "smc", grid: { fast: [5] } }, ["SPX"])).toThrow(/"fast" belongs to strategy "sma-cross"/);
    expect(() => planSweep({ strategy: "buy-and-hold", grid: { swingLength: [5] } }, ["SPX"])).toThrow(/belongs to strategy "smc"/);
  });

  it("rejects an empty grid, an empty axis and an axis that is not a list or range", () => {
    expect(() => planSweep({ grid: {} }, ["SPX"])).toThrow(/^invalid grid: \{\} \(expected at least one parameter with values\)/);
    expect(() => planSweep({ grid: { fast: [] } }, ["SPX"])).toThrow(/^invalid grid\.fast: \[\] \(expected at least one value\); an empty axis makes an empty grid$/);
    expect(() => planSweep({ grid: { fast: 5 } } as unknown as SweepSpec, ["SPX"])).toThrow(/^invalid grid\.fast: 5 \(expected a list of values or \{ from, to, step \}\)/);
    expect(() => planSweep({} as SweepSpec, ["SPX"])).toThrow(/^invalid grid: /);
  });

  it("rejects values of the wrong type or out of range, naming grid.<name>[i]", () => {
    expect(() => planSweep({ grid: { fast: [5, "10"] } }, ["SPX"])).toThrow(/^invalid grid\.fast\[1\]: "10" \(expected an integer\)$/);
    expect(() => planSweep({ grid: { fast: [2.5] } }, ["SPX"])).toThrow(/^invalid grid\.fast\[0\]: 2\.5 \(expected an integer\)$/);
    expect(() => planSweep({ grid: { fast: [0] } }, ["SPX"])).toThrow(/^invalid grid\.fast\[0\]: 0 \(expected a number in \[1, Infinity\]\)/);
    expect(() => planSweep({ grid: { fraction: [0.5, 1.5] } }, ["SPX"])).toThrow(/^invalid grid\.fraction\[1\]: 1\.5 \(expected a number in \[0, 1\]\)/);
    expect(() => planSweep({ grid: { gate: ["up", "sideways"] } }, ["SPX"])).toThrow(/^invalid grid\.gate\[1\]: "sideways" \(expected one of "none", "up", "up-or-ranging", "not-down"\)$/);
    expect(() => planSweep({ grid: { allowShort: [true, "yes"] } }, ["SPX"])).toThrow(/^invalid grid\.allowShort\[1\]: "yes" \(expected true or false\)$/);
    expect(() => planSweep({ grid: { fraction: [Number.NaN] } }, ["SPX"])).toThrow(/^invalid grid\.fraction\[0\]: .* \(expected a finite number\)$/);
  });

  it("rejects bad ranges", () => {
    expect(() => planSweep({ grid: { fast: { from: 1, to: 5, step: 0 } } }, ["SPX"])).toThrow(/^invalid grid\.fast\.step: 0 \(expected a positive number\)$/);
    expect(() => planSweep({ grid: { fast: { from: 5, to: 1, step: 1 } } }, ["SPX"])).toThrow(/^invalid grid\.fast\.to: 1 \(expected a number >= from \(5\)\)$/);
    expect(() => planSweep({ grid: { fraction: { from: 0.1, to: 0.5, step: 0.15 } } }, ["SPX"])).not.toThrow();
    expect(() => planSweep({ grid: { fast: { from: 1.5, to: 3.5, step: 1 } } }, ["SPX"])).toThrow(/^invalid grid\.fast\[0\]: 1\.5 \(expected an integer\)$/);
  });

  it("rejects a duplicate value, naming its second position", () => {
    expect(() => planSweep({ grid: { fast: [5, 10, 5] } }, ["SPX"])).toThrow(/^invalid grid\.fast\[2\]: 5 \(expected values that appear once\)/);
    expect(() => planSweep({ grid: { fraction: [0.3, { from: 0, to: 1, step: 1 }] as never } }, ["SPX"])).toThrow(/grid\.fraction\[1\]/);
  });

  it("rejects a fixed parameter that the grid also varies", () => {
    expect(() => planSweep({ grid: { fast: [5, 10] }, fixed: { fast: 5 } }, ["SPX"])).toThrow(/^invalid fixed\.fast: 5 \(expected a parameter the grid does not vary\); remove it from fixed or from grid$/);
  });

  it("rejects a grid whose every combination is excluded, with an example", () => {
    expect(() => planSweep({ grid: { fast: [50, 60], slow: [20, 30] } }, ["SPX"])).toThrow(/all 4 were left out, e\.g\. fast \(50\) must be below slow \(20\)$/);
    expect(() => planSweep({ grid: { fast: [50, 60], slow: [20, 30] }, search: { random: 2, seed: 1 } }, ["SPX"])).toThrow(/at least one combination that can run/);
  });

  it("rejects a value the risk manager rejects, naming grid.<name>[i] wherever it sits in the axis", () => {
    expect(() => planSweep({ grid: { fraction: [0.5, 0] } }, ["SPX"])).toThrow(/^invalid grid\.fraction\[1\]: 0 \(expected a number in \(0, 1\]\); invalid fraction: 0/);
    expect(() => planSweep({ grid: { fraction: [0, 0.5] } }, ["SPX"])).toThrow(/^invalid grid\.fraction\[0\]: 0 \(expected a number in \(0, 1\]\); invalid fraction: 0/);
    expect(() => planSweep({ grid: { slow: [40, 60], fraction: [0, 0.5] } }, ["SPX"])).toThrow(/^invalid grid\.fraction\[0\]: 0 /);
    expect(() => planSweep({ grid: { kellyFraction: [0.5, 0] }, fixed: { risk: "kelly" } }, ["SPX"])).toThrow(/^invalid grid\.kellyFraction\[1\]: 0 /);
    expect(() => planSweep({ grid: { maxHeat: [0] }, fixed: { risk: "fractional" } }, ["SPX"])).toThrow(/^invalid grid\.maxHeat\[0\]: 0 .*invalid maxHeat: 0/);
    expect(() => planSweep({ grid: { fast: [5] }, fixed: { fraction: 0 } }, ["SPX"])).toThrow(/^invalid fixed\.fraction: 0 .*invalid fraction: 0/);
  });

  it("rejects bad search, settings, strategy and symbols", () => {
    expect(() => planSweep({ grid: { fast: [5] }, search: { random: 0 } }, ["SPX"])).toThrow(/^invalid search\.random: 0 \(expected a positive integer\)$/);
    expect(() => planSweep({ grid: { fast: [5] }, search: "all" as never }, ["SPX"])).toThrow(/^invalid search: "all"/);
    expect(() => planSweep({ grid: { fast: [5] }, cash: 0 }, ["SPX"])).toThrow(/^invalid cash: 0 \(expected a positive number\)$/);
    expect(() => planSweep({ strategy: "macd" as never, grid: { fast: [5] } }, ["SPX"])).toThrow(/^invalid strategy: "macd"/);
    expect(() => planSweep({ grid: { fast: [5] } }, [])).toThrow(/^invalid symbols: \[\] \(expected at least one symbol\)$/);
    expect(() => planSweep({ grid: { fast: [5] } }, ["SPX", "SPX"])).toThrow(/expected distinct symbols/);
    expect(error({ grid: { fast: [5, 5] } }).details).toMatchObject({ name: "grid.fast[1]", value: 5 });
  });
});
