import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY } from "../../src/core/time.js";
import { drawdownSpells } from "../../src/metrics/drawdown-spells.js";

const T0 = Date.UTC(2024, 0, 1);
const days = (n: number) => Array.from({ length: n }, (_, i) => T0 + i * DAY);

describe("drawdownSpells", () => {
  it("lists each fall below a running peak with its trough and recovery, in time order", () => {
    // 100 → 120 (peak) → 90 (-25%) → 100 → 125 (recovers 120) → 110 (-12%, still under water at the end)
    const spells = drawdownSpells(days(6), [100, 120, 90, 100, 125, 110]);
    expect(spells).toEqual([
      {
        depth: -0.25, peakEquity: 120, troughEquity: 90, peakIndex: 1, troughIndex: 2, recoveryIndex: 4,
        peakAt: "2024-01-02T00:00:00.000Z", troughAt: "2024-01-03T00:00:00.000Z", recoveryAt: "2024-01-05T00:00:00.000Z",
        recovered: true, durationMs: 3 * DAY, durationBars: 3,
      },
      {
        depth: 110 / 125 - 1, peakEquity: 125, troughEquity: 110, peakIndex: 4, troughIndex: 5, recoveryIndex: null,
        peakAt: "2024-01-05T00:00:00.000Z", troughAt: "2024-01-06T00:00:00.000Z", recoveryAt: null,
        recovered: false, durationMs: DAY, durationBars: 1,
      },
    ]);
  });

  it("ends a spell when the equity touches the old peak again, and starts the next from there", () => {
    const spells = drawdownSpells(days(4), [100, 90, 100, 95]);
    expect(spells.map((s) => [s.peakIndex, s.troughIndex, s.recoveryIndex])).toEqual([[0, 1, 2], [2, 3, null]]);
  });

  it.each([
    ["an empty curve", [], []],
    ["one point", [T0], [100]],
    ["a rising curve", days(3), [100, 100, 101]],
    ["a curve that starts at 0", days(3), [0, 10, 5]],
  ])("is empty for %s", (_, ts, equity) => {
    expect(drawdownSpells(ts, equity)).toEqual([]);
  });

  it("has disjoint spells whose recoveries reach their peaks and whose troughs are their lowest points", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { maxLength: 60 }), (equity) => {
        const spells = drawdownSpells(days(equity.length), equity);
        let lastEnd = -1;
        for (const s of spells) {
          expect(s.peakIndex).toBeGreaterThanOrEqual(lastEnd);
          const end = s.recoveryIndex ?? equity.length - 1;
          expect(Math.min(...equity.slice(s.peakIndex + 1, end + 1))).toBe(s.troughEquity);
          if (s.recoveryIndex !== null) expect(equity[s.recoveryIndex]).toBeGreaterThanOrEqual(s.peakEquity);
          lastEnd = end;
        }
      }),
    );
  });
});
