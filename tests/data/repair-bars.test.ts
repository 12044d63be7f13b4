import { describe, expect, it } from "vitest";
import { allocateBarColumns, barColumns } from "../../src/data/bar-table.js";
import { parseBarsCsv } from "../../src/data/parse-bars-csv.js";
import { repairBars } from "../../src/data/repair-bars.js";

const OPTIONS = { symbol: "X", timeZone: "UTC", source: "data/x.csv" } as const;
const row = (date: string, volume: number, high = 11) => `2020-01-${date},10,${high},9,10.5,${volume}`;
const csv = (...rows: string[]) => ["date,open,high,low,close,volume", ...rows].join("\n");

/** Columns of valid one-minute bars closing at the given minutes. */
function minutes(closes: readonly number[]) {
  const c = allocateBarColumns(closes.length);
  closes.forEach((m, i) => {
    c.tsClose[i] = m * 60_000;
    c.tsOpen[i] = (m - 1) * 60_000;
    c.open[i] = c.close[i] = c.high[i] = c.low[i] = 10;
    c.volume[i] = i;
  });
  return c;
}

describe("repairs in parseBarsCsv", () => {
  const text = csv(row("02", 1), row("05", 2), row("03", 3), row("04", 4, 8), row("04", 5), row("xx", 6), row("04", 7));

  it("reports every changed row with its original row, line, action and code", () => {
    const { table, repairs } = parseBarsCsv(text, { ...OPTIONS, repair: { sort: true, dropInvalid: true, dropDuplicates: "last" } });
    expect(barColumns(table).volume).toEqual(new Float64Array([1, 3, 7, 2]));
    expect(repairs.map(({ action, code, row, line, toRow }) => ({ action, code, row, line, toRow }))).toEqual([
      { action: "moved", code: "UNSORTED_TIMESTAMPS", row: 2, line: 3, toRow: 4 },
      { action: "dropped", code: "HIGH_BELOW_LOW", row: 4, line: 5, toRow: undefined },
      { action: "dropped", code: "DUPLICATE_TIMESTAMP", row: 5, line: 6, toRow: undefined },
      { action: "dropped", code: "INVALID_TIMESTAMP", row: 6, line: 7, toRow: undefined },
    ]);
    expect(repairs.map((r) => r.message)).toEqual([
      "data/x.csv line 3 (row 2): close time 2020-01-06T00:00:00.000Z is out of order; moved (sort) to row 4 of the result, after line 8 (row 7)",
      "data/x.csv line 5 (row 4), column \"high\": high 8 is below low 9; dropped (dropInvalid)",
      "data/x.csv line 6 (row 5): close time 2020-01-05T00:00:00.000Z repeats line 8 (row 7), which is kept; dropped (dropDuplicates: \"last\")",
      expect.stringMatching(/^data\/x\.csv line 7 \(row 6\), column "date": "2020-01-xx" is not a timestamp .*; dropped \(dropInvalid\)$/),
    ]);
  });

  it("keeps the first of equal close times when asked", () => {
    const { table, repairs } = parseBarsCsv(text, { ...OPTIONS, repair: { sort: true, dropInvalid: true, dropDuplicates: "first" } });
    expect(barColumns(table).volume).toEqual(new Float64Array([1, 3, 5, 2]));
    expect(repairs.filter((r) => r.code === "DUPLICATE_TIMESTAMP").map((r) => r.line)).toEqual([8]);
  });

  it("throws for what the asked repairs leave, naming original rows and lines and the missing option", () => {
    expect(() => parseBarsCsv(text, { ...OPTIONS, repair: { dropInvalid: true } })).toThrow(
      /data\/x\.csv line 4 \(row 3\), column "tsClose": close time 2020-01-04T00:00:00\.000Z is before the previous row's[\s\S]*add to repair: \{ sort: true, dropDuplicates/,
    );
    expect(() => parseBarsCsv(text, { ...OPTIONS, repair: { sort: true, dropDuplicates: "first" } })).toThrow(
      /line 5 \(row 4\), column "high": high 8 is below low 9[\s\S]*line 7 \(row 6\), column "date": "2020-01-xx" is not a timestamp[\s\S]*\{ dropInvalid: true \}/,
    );
  });

  it("throws EMPTY_DATA when the repairs drop every row", () => {
    expect(() => parseBarsCsv(csv(row("02", 1, 8)), { ...OPTIONS, repair: { dropInvalid: true } })).toThrow(/data\/x\.csv: no bars left: the repairs dropped every row[\s\S]*line 2 \(row 1\), column "high": high 8 is below low 9/);
  });
});

describe("repairBars", () => {
  it("moves only the rows outside the longest run already in order", () => {
    const { columns, repairs } = repairBars(minutes([1, 2, 7, 3, 4, 5, 6]), { sort: true });
    expect([...columns.tsClose].map((t) => t / 60_000)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(repairs.map((r) => [r.row, r.toRow, r.action])).toEqual([[3, 7, "moved"]]);
  });

  it("reports all but one row of reversed input as moved", () => {
    const { repairs, origin } = repairBars(minutes([4, 3, 2, 1]), { sort: true });
    expect([...origin]).toEqual([3, 2, 1, 0]);
    expect(repairs.map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it("sorts stably, so equal close times keep their input order", () => {
    const { origin } = repairBars(minutes([2, 1, 2, 1]), { sort: true });
    expect([...origin]).toEqual([1, 3, 0, 2]);
  });

  it("leaves its input untouched and changes nothing when no repair is asked for", () => {
    const input = minutes([3, 1, 2]);
    const copy = new Float64Array(input.tsClose);
    const { columns, repairs } = repairBars(input, {});
    expect(input.tsClose).toEqual(copy);
    expect(columns.tsClose).toEqual(copy);
    expect(columns.tsClose).not.toBe(input.tsClose);
    expect(repairs).toEqual([]);
  });

  it("drops rows that break a row rule, naming rows when there are no lines", () => {
    const c = minutes([1, 2, 3]);
    c.low[1] = 11;
    const { columns, repairs } = repairBars(c, { dropInvalid: true, source: "feed" });
    expect(columns.tsClose.length).toBe(2);
    expect(repairs).toEqual([{ action: "dropped", code: "HIGH_BELOW_LOW", source: "feed", row: 2, message: "feed row 2, column \"high\": high 10 is below low 11; dropped (dropInvalid)" }]);
  });

  it("returns records that survive a JSON round trip", () => {
    const { repairs } = repairBars(minutes([2, 1, 1]), { sort: true, dropDuplicates: "first" });
    expect(JSON.parse(JSON.stringify(repairs))).toEqual(repairs);
  });
});
