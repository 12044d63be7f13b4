import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BAR_FIELDS } from "../../src/core/types.js";
import { barColumns } from "../../src/data/bar-table.js";
import { parseBarsCsv } from "../../src/data/parse-bars-csv.js";

const FIVE_MINUTES = 300_000;
const price = fc.double({ min: 1e-4, max: 1e7, noNaN: true, noDefaultInfinity: true });
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Valid five-minute bars: strictly increasing times, low <= open, close <= high, volume >= 0. */
const bars = fc
  .record({
    start: fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
    rows: fc.array(
      fc.record({ gap: fc.integer({ min: 1, max: 500 }), low: price, span: unit, o: unit, c: unit, volume: fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e12, noNaN: true })) }),
      { minLength: 1, maxLength: 40 },
    ),
  })
  .map(({ start, rows }) => {
    let t = start;
    return rows.map(({ gap, low, span, o, c, volume }) => {
      t += gap * FIVE_MINUTES;
      const high = low * (1 + span);
      return { tsOpen: t, tsClose: t + FIVE_MINUTES, open: clamp(low + (high - low) * o, low, high), high, low, close: clamp(low + (high - low) * c, low, high), volume };
    });
  });

describe("parseBarsCsv round trip", () => {
  it.each(["epoch-ms", "iso-z", "iso-offset"] as const)("gives back the columns of valid bars written as CSV text (%s times)", (style) => {
    fc.assert(
      fc.property(bars, (input) => {
        const stamp = (t: number) =>
          style === "epoch-ms" ? String(t) : style === "iso-z" ? new Date(t).toISOString() : `${new Date(t + 5.5 * 3_600_000).toISOString().slice(0, -1)}+05:30`;
        const text = ["time,open,high,low,close,volume", ...input.map((b) => [stamp(b.tsOpen), b.open, b.high, b.low, b.close, b.volume].join(","))].join("\n");
        const options = { symbol: "P", timeZone: "America/New_York", interval: "5m", timeFormat: style === "epoch-ms" ? "epoch-ms" : "auto" } as const;
        const c = barColumns(parseBarsCsv(text, options).table);
        for (const f of BAR_FIELDS) expect([...c[f]]).toEqual(input.map((b) => b[f]));
      }),
      { numRuns: 200 },
    );
  });
});
