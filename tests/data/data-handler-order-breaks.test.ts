import { describe, expect, it } from "vitest";
import { allocateBarColumns, makeBarTable } from "../../src/data/bar-table.js";
import { DataHandler } from "../../src/data/data-handler.js";
import { closeOf, flatBars, handHandler } from "../fixtures/hand-bars.js";

/** A handler over daily bars closing on `days` as given, in or out of order (the table is not validated). */
function unvalidated(days: readonly number[]): DataHandler {
  const c = allocateBarColumns(days.length);
  days.forEach((d, i) => {
    c.tsOpen[i] = closeOf(d) - 3_600_000;
    c.tsClose[i] = Number.isNaN(d) ? Number.NaN : closeOf(d);
    c.open[i] = c.high[i] = c.low[i] = c.close[i] = 10;
    c.volume[i] = 1;
  });
  return DataHandler.fromTable(makeBarTable(c, { symbol: "X", timeZone: "UTC", interval: "1d" }, { validate: false }));
}

describe("DataHandler.orderBreaks", () => {
  it("lists the rows whose next bar does not close strictly after them: a repeated time, an earlier one, a NaN", () => {
    const handler = unvalidated([0, 1, 2, 2, 3, 5, 4, 6, Number.NaN, 8]);
    expect([...handler.orderBreaks()]).toEqual([2, 5, 7, 8]);
    expect(handler.orderBreaks()).toBe(handler.orderBreaks()); // found once
  });

  it("is empty for bars in strict order, a single bar, no bars, and a handler without a table", () => {
    expect(handHandler("X", flatBars([1, 2, 3, 4])).orderBreaks().length).toBe(0);
    expect(handHandler("X", flatBars([1])).orderBreaks().length).toBe(0);
    expect(unvalidated([]).orderBreaks().length).toBe(0);
    const lazy = DataHandler.fromBars({ symbol: "L", timeZone: "UTC", interval: "1d" }, []);
    expect(lazy.orderBreaks().length).toBe(0);
  });
});

describe("DataHandler.sharesCalendarWith", () => {
  it("is true for bars closing at the same times row for row, and false for another length, time or a NaN", () => {
    const a = unvalidated([0, 1, 2, 5]), b = unvalidated([0, 1, 2, 5]);
    expect(a.sharesCalendarWith(b)).toBe(true);
    expect(a.sharesCalendarWith(a)).toBe(true);
    expect(a.sharesCalendarWith(unvalidated([0, 1, 2]))).toBe(false);
    expect(a.sharesCalendarWith(unvalidated([0, 1, 3, 5]))).toBe(false);
    expect(unvalidated([0, Number.NaN]).sharesCalendarWith(unvalidated([0, Number.NaN]))).toBe(false);
    expect(a.sharesCalendarWith(DataHandler.fromBars({ symbol: "L", timeZone: "UTC", interval: "1d" }, []))).toBe(false);
  });
});

/** A handler like `unvalidated`, with bar i opening at `opens[i]` (ms). */
function withOpens(days: readonly number[], opens: readonly number[]): DataHandler {
  const h = unvalidated(days);
  opens.forEach((o, i) => (h.columns!.tsOpen[i] = o));
  return h;
}

describe("DataHandler.sharesTimesWith", () => {
  it("is true only for the same open and close times to the bit, row for row", () => {
    const a = unvalidated([0, 1, 2, 5]);
    expect(a.sharesTimesWith(unvalidated([0, 1, 2, 5]))).toBe(true);
    expect(a.sharesTimesWith(a)).toBe(true);
    // same closes, one open an hour later: a shared calendar, not shared times
    const later = withOpens([0, 1, 2, 5], [...a.columns!.tsOpen].map((t, i) => (i === 2 ? t + 3_600_000 : t)));
    expect(a.sharesCalendarWith(later)).toBe(true);
    expect(a.sharesTimesWith(later)).toBe(false);
    expect(a.sharesTimesWith(unvalidated([0, 1, 2]))).toBe(false);
    expect(a.sharesTimesWith(unvalidated([0, 1, 3, 5]))).toBe(false);
    expect(unvalidated([0, Number.NaN]).sharesTimesWith(unvalidated([0, Number.NaN]))).toBe(false);
    expect(withOpens([0], [0]).sharesTimesWith(withOpens([0], [-0]))).toBe(false);
    expect(a.sharesTimesWith(DataHandler.fromBars({ symbol: "L", timeZone: "UTC", interval: "1d" }, []))).toBe(false);
  });
});
