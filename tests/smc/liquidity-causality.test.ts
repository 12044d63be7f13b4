import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EqualLevelDetector } from "../../src/smc/equal-level-detector.js";
import type { SmcDetector } from "../../src/smc/smc-structure.js";
import { SweepDetector } from "../../src/smc/sweep-detector.js";
import { runIncremental, walkWithTwoFutures } from "./smc-bars.js";

const DETECTORS: [string, () => SmcDetector][] = [
  ["EqualLevelDetector", () => new EqualLevelDetector({ swingLength: 2, tolerance: 0.004 })],
  ["EqualLevelDetector (atr)", () => new EqualLevelDetector({ swingLength: 2, toleranceBasis: "atr", atrPeriod: 5 })],
  ["SweepDetector", () => new SweepDetector({ swingLength: 2, tolerance: 0.004 })],
];

describe("liquidity detectors are causal", () => {
  it.each(DETECTORS)("%s: changing the bars after t changes nothing reported up to t, and reports survive JSON", (_, create) => {
    fc.assert(fc.property(walkWithTwoFutures, ({ cut, first, second }) => {
      const a = runIncremental(create(), first), b = runIncremental(create(), second);
      expect(b.perBar.slice(0, cut + 1)).toEqual(a.perBar.slice(0, cut + 1));
      for (const [t, found] of a.perBar.entries()) for (const s of found) expect(s.index <= t && s.knownIndex === t && s.ts <= s.knownAt).toBe(true);
      expect(JSON.parse(JSON.stringify(a.all))).toEqual(a.all);
    }), { numRuns: 200 });
  });
});
