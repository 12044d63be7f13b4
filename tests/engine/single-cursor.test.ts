import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateBarColumns, makeBarTable } from "../../src/data/bar-table.js";
import { DataHandler } from "../../src/data/data-handler.js";
import { MergeCursor } from "../../src/data/merge-bars.js";
import { SingleCursor } from "../../src/engine/single-cursor.js";

const DAY = 86_400_000;

/** A handler over the given close times (in days; not necessarily sorted). */
function handler(days: number[]): DataHandler {
  const c = allocateBarColumns(days.length);
  days.forEach((d, i) => {
    c.tsClose[i] = d * DAY;
    c.tsOpen[i] = d * DAY - 1;
    c.open[i] = c.high[i] = c.low[i] = c.close[i] = 1;
    c.volume[i] = 1;
  });
  return DataHandler.fromTable(makeBarTable(c, { symbol: "A", timeZone: "UTC", interval: "1d" }, { validate: false }));
}

/** Everything a merge yields, with its pending heads after each bar, and the error it ends with. */
function trace(merge: { next(): number; row: number; pending(): unknown }): unknown[] {
  const out: unknown[] = [merge.pending()];
  try {
    for (let h = merge.next(); h >= 0; h = merge.next()) out.push(h, merge.row, merge.pending());
    out.push("end", merge.next());
  } catch (error) {
    out.push(String(error));
  }
  return out;
}

describe("SingleCursor", () => {
  it("yields the bars, pending heads and errors of MergeCursor over one handler, sorted or not", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 14 }), fc.boolean(), (days, sorted) => {
        const h = handler(sorted ? [...days].sort((a, b) => a - b) : days);
        expect(trace(new SingleCursor(h))).toEqual(trace(new MergeCursor([h])));
      }),
      { numRuns: 300 },
    );
  });
});

describe("SingleCursor.seek", () => {
  it("goes on from a row taken past it as if it had yielded the rows before", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 14 }), fc.nat(), (days, k) => {
        const h = handler([...days].sort((a, b) => a - b)), at = k % (days.length + 1);
        const walked = new SingleCursor(h);
        for (let i = 0; i < at; i++) walked.next();
        const sought = new SingleCursor(h);
        sought.seek(Int32Array.of(at));
        expect(trace(sought)).toEqual(trace(walked));
      }),
    );
  });
});
