import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { barColumns } from "../../src/data/bar-table.js";
import { findBarIssues } from "../../src/data/validate-bars.js";
import { regimeSwitchingBars } from "../../src/synthetic/regime-switching-bars.js";
import { SYNTHETIC_REGIMES } from "../../src/synthetic/synthetic-regimes.js";

describe("regimeSwitchingBars (property)", () => {
  it("gives valid bars and one known regime label per bar for any seed, length and start date", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 1, max: 400 }),
        fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom(...SYNTHETIC_REGIMES),
        (seed, n, day, initialRegime) => {
          const start = day.toISOString().slice(0, 10);
          const r = regimeSwitchingBars({ seed, n, start, initialRegime });
          expect(findBarIssues(barColumns(r.table))).toEqual([]);
          expect(r.table.numRows).toBe(n);
          expect(r.regimes.length).toBe(n);
          expect(r.labels.numRows).toBe(n);
          expect(r.regimes[0]).toBe(initialRegime);
          expect(r.regimes.every((x) => (SYNTHETIC_REGIMES as readonly string[]).includes(x))).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
