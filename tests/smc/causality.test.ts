import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FairValueGapDetector } from "../../src/smc/fair-value-gap-detector.js";
import { OrderBlockDetector } from "../../src/smc/order-block-detector.js";
import type { SmcDetector, SmcStructure, SmcZone } from "../../src/smc/smc-structure.js";
import { StructureBreakDetector } from "../../src/smc/structure-break-detector.js";
import { SwingDetector } from "../../src/smc/swing-detector.js";
import { runIncremental, walkWithTwoFutures } from "./smc-bars.js";

const DETECTORS: [string, () => SmcDetector][] = [
  ["SwingDetector", () => new SwingDetector({ length: 3 })],
  ["FairValueGapDetector", () => new FairValueGapDetector({ mitigation: "fill" })],
  ["StructureBreakDetector (wick)", () => new StructureBreakDetector({ length: 2, breakBy: "wick" })],
  ["OrderBlockDetector", () => new OrderBlockDetector({ length: 2, zone: "body" })],
];

/** What was known at bar t: the structures known by then, with mitigations after t undone. */
const knownBy = (all: readonly SmcStructure[], t: number) =>
  all.filter((s) => s.knownIndex <= t).map((s) => {
    const z = s as SmcZone;
    return z.mitigatedIndex !== undefined && z.mitigatedIndex !== null && z.mitigatedIndex > t ? { ...z, mitigatedAt: null, mitigatedIndex: null } : s;
  });

describe("SMC detectors are causal", () => {
  it.each(DETECTORS)("%s: changing the bars after t changes nothing known at t, and reports refer to past bars only", (_, create) => {
    fc.assert(fc.property(walkWithTwoFutures, ({ cut, first, second }) => {
      const a = runIncremental(create(), first), b = runIncremental(create(), second);
      expect(knownBy(b.all, cut)).toEqual(knownBy(a.all, cut));
      expect(b.perBar.slice(0, cut + 1)).toEqual(a.perBar.slice(0, cut + 1));
      for (const [t, found] of a.perBar.entries()) for (const s of found) expect(s.index <= t && s.knownIndex === t).toBe(true);
    }), { numRuns: 200 });
  });

  it.each(DETECTORS)("%s: reports survive a JSON round trip", (_, create) => {
    fc.assert(fc.property(walkWithTwoFutures, ({ first }) => {
      const { all } = runIncremental(create(), first);
      expect(JSON.parse(JSON.stringify(all))).toEqual(all);
      expect(structuredClone(all)).toEqual(all);
    }), { numRuns: 30 });
  });
});
