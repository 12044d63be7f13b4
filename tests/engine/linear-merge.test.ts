import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateBarColumns, makeBarTable } from "../../src/data/bar-table.js";
import { DataHandler } from "../../src/data/data-handler.js";
import { MergeCursor } from "../../src/data/merge-bars.js";
import { LinearMerge } from "../../src/engine/linear-merge.js";

const DAY = 86_400_000;

/** Handlers over the given close times (in days; not necessarily sorted). */
const handlers = (times: number[][]) =>
  times.map((days, s) => {
    const c = allocateBarColumns(days.length);
    days.forEach((d, i) => {
      c.tsClose[i] = d * DAY;
      c.tsOpen[i] = d * DAY - 1;
      c.open[i] = c.high[i] = c.low[i] = c.close[i] = 1;
      c.volume[i] = 1;
    });
    return DataHandler.fromTable(makeBarTable(c, { symbol: `S${s}`, timeZone: "UTC", interval: "1d" }, { validate: false }));
  });

/** Everything a merge yields, with its pending heads after each bar, and the error it ends with. */
function trace(merge: { next(): number; row: number; pending(): unknown }): unknown[] {
  const out: unknown[] = [];
  try {
    for (let h = merge.next(); h >= 0; h = merge.next()) out.push(h, merge.row, merge.pending());
    out.push("end", merge.next());
  } catch (error) {
    out.push(String(error));
  }
  return out;
}

describe("LinearMerge", () => {
  it("yields the bars, pending heads and errors of MergeCursor, for sorted and unsorted handlers", () => {
    const times = fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 12 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(times, fc.boolean(), (days, sorted) => {
        const input = sorted ? days.map((d) => [...d].sort((a, b) => a - b)) : days;
        const hs = handlers(input);
        let cursorError: unknown, linearError: unknown;
        try { new MergeCursor(hs); } catch (e) { cursorError = String(e); }
        try { new LinearMerge(hs); } catch (e) { linearError = String(e); }
        expect(linearError).toEqual(cursorError);
        if (cursorError === undefined) expect(trace(new LinearMerge(hs))).toEqual(trace(new MergeCursor(hs)));
      }),
      { numRuns: 400 },
    );
  });

  it("fits only handlers whose first times are numbers", () => {
    expect(LinearMerge.fits(handlers([[1, 2], []]))).toBe(true);
  });
});

describe("LinearMerge.seek", () => {
  it("goes on from the rows taken past it as if it had yielded the bars before, in merge order", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 8 }), { minLength: 1, maxLength: 4 }), fc.nat(), (times, k) => {
        const hs = handlers(times.map((t) => [...t].sort((a, b) => a - b)));
        const total = times.reduce((n, t) => n + t.length, 0), at = k % (total + 1);
        const walked = new LinearMerge(hs), taken = new Int32Array(hs.length);
        for (let i = 0; i < at; i++) taken[walked.next()]!++;
        const sought = new LinearMerge(hs);
        sought.seek(taken);
        expect(trace(sought)).toEqual(trace(walked));
      }),
    );
  });
});
