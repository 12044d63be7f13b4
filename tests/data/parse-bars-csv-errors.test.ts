import { describe, expect, it } from "vitest";
import { SchemaError } from "../../src/core/errors.js";
import { parseBarsCsv, type ParseBarsCsvOptions } from "../../src/data/parse-bars-csv.js";

const OPTIONS: ParseBarsCsvOptions = { symbol: "X", timeZone: "America/New_York", source: "data/x.csv", session: { open: "09:30", close: "16:00" } };
const HEADER = "date,open,high,low,close,volume";
/** Twelve valid daily rows (lines 2-13), then whatever rows a test appends from line 14 on. */
const valid = Array.from({ length: 12 }, (_, i) => `2020-01-${String(i + 2).padStart(2, "0")},10,11,9,10.5,100`);
const csv = (...rows: string[]) => [HEADER, ...valid, ...rows].join("\n");

function schemaError(fn: () => unknown): SchemaError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SchemaError) return e;
    throw e;
  }
  throw new Error("expected a SchemaError");
}

describe("parseBarsCsv errors", () => {
  it("names file, line, row and column of a bar rule broken (high below low)", () => {
    expect(() => parseBarsCsv(csv("2020-01-14,10.5,10,11,10.5,100"), OPTIONS)).toThrow(/data\/x\.csv line 14 \(row 13\), column "high": high 10 is below low 11/);
  });

  it("names the missing column and lists the header found", () => {
    const text = "date,open,high,low,price\n2020-01-02,10,11,9,10.5\n";
    const e = schemaError(() => parseBarsCsv(text, OPTIONS));
    expect(e.message).toMatch(/data\/x\.csv line 1 \(header\): missing column close \("close"\); the header has "date", "open", "high", "low", "price"/);
    expect(e.message).toMatch(/missing column volume \("volume" or "vol"\)/);
    expect(e.message).toMatch(/columns: \{ volume: null \}/);
    expect(e.issues.map((i) => [i.code, i.column])).toEqual([["MISSING_COLUMN", "close"], ["MISSING_COLUMN", "volume"]]);
  });

  it("names a column given in the options that the header lacks", () => {
    expect(() => parseBarsCsv(`${HEADER}\n`, { ...OPTIONS, columns: { close: "Adj Close" } })).toThrow(/missing column close \("Adj Close"\); the header has "date", "open"/);
  });

  it.each([
    ["abc", /line 14 \(row 13\), column "open": "abc" is not a number/],
    ["", /line 14 \(row 13\), column "open": empty value \(expected a number\)/],
    ["NaN", /line 14 \(row 13\), column "open": "NaN" is not a number/],
    ["Infinity", /line 14 \(row 13\), column "open": "Infinity" is not a number/],
  ])("rejects the number %j", (open, message) => {
    const e = schemaError(() => parseBarsCsv(csv(`2020-01-14,${open},11,9,10.5,100`), OPTIONS));
    expect(e.message).toMatch(message);
    expect(e.issues).toEqual([expect.objectContaining({ code: "NOT_A_NUMBER", source: "data/x.csv", line: 14, row: 13, column: "open", value: open })]);
  });

  it("reports a missing cell in a short row as empty", () => {
    expect(() => parseBarsCsv(csv("2020-01-14,10,11,9,10.5"), OPTIONS)).toThrow(/line 14 \(row 13\), column "volume": empty value/);
  });

  it.each([
    ["2020-13-01", /column "date": "2020-13-01" is not a timestamp \(expected "YYYY-MM-DD"/],
    ["2021-02-30", /column "date": "2021-02-30" is not a timestamp/],
    ["01/14/2020", /column "date": "01\/14\/2020" is not a timestamp/],
    ["", /column "date": empty timestamp/],
    ["1578978000000", /is not a timestamp .*pass timeFormat: "epoch-ms" or "epoch-s"/],
  ])("rejects the timestamp %j with INVALID_TIMESTAMP", (date, message) => {
    const e = schemaError(() => parseBarsCsv(csv(`${date},10,11,9,10.5,100`), OPTIONS));
    expect(e.code).toBe("INVALID_TIMESTAMP");
    expect(e.message).toMatch(/data\/x\.csv line 14 \(row 13\)/);
    expect(e.message).toMatch(message);
  });

  it("rejects a date without a time for an intraday interval, and a non-number epoch", () => {
    expect(() => parseBarsCsv(csv(), { ...OPTIONS, interval: "5m" })).toThrow(/line 2 \(row 1\), column "date": "2020-01-02" is a date without a time of day \(expected a time for interval "5m"\)/);
    expect(() => parseBarsCsv(csv(), { ...OPTIONS, timeFormat: "epoch-ms" })).toThrow(/"2020-01-02" is not an epoch number \(timeFormat "epoch-ms"\)/);
  });

  it("rejects an unknown time zone with UNKNOWN_TIME_ZONE", () => {
    const e = schemaError(() => parseBarsCsv(csv(), { ...OPTIONS, timeZone: "America/NewYork" }));
    expect(e.code).toBe("UNKNOWN_TIME_ZONE");
    expect(e.message).toMatch(/data\/x\.csv: invalid timeZone: "America\/NewYork" \(expected an IANA time zone/);
  });

  it.each([
    ["", /data\/x\.csv: no header and no rows/],
    [" \n\n", /data\/x\.csv: no header and no rows/],
    [`${HEADER}\n`, /data\/x\.csv: a header but no rows of data/],
    [`${HEADER}\n\n  \n`, /data\/x\.csv: a header but no rows of data/],
  ])("rejects an empty file %j with EMPTY_DATA", (text, message) => {
    const e = schemaError(() => parseBarsCsv(text, OPTIONS));
    expect(e.code).toBe("EMPTY_DATA");
    expect(e.message).toMatch(message);
  });

  it("reports unsorted and duplicate times with the repair that would fix them", () => {
    const e = schemaError(() => parseBarsCsv(csv("2020-01-05,10,11,9,10.5,100", "2020-01-05,10,11,9,10.5,100"), OPTIONS));
    expect(e.message).toMatch(/line 14 \(row 13\), column "tsClose": close time 2020-01-05T21:00:00\.000Z is before the previous row's/);
    expect(e.message).toMatch(/line 15 \(row 14\), column "tsClose": close time 2020-01-05T21:00:00\.000Z repeats the previous row's/);
    expect(e.message).toMatch(/hint: pass \{ repair: \{ \.\.\. \} \}.*\{ sort: true, dropDuplicates: "first" \| "last" \}/);
  });

  it("lists every issue of every row, each once, in row order", () => {
    const e = schemaError(() => parseBarsCsv(csv("2020-01-14,x,11,9,,100", "2020-01-15,10,11,9,12,-1"), OPTIONS));
    expect(e.issues.map((i) => `${i.line}:${i.column}:${i.code}`)).toEqual([
      "14:open:NOT_A_NUMBER", "14:close:NOT_A_NUMBER", "15:close:CLOSE_OUTSIDE_RANGE", "15:volume:NEGATIVE_VOLUME",
    ]);
  });

  it("counts the lines of quoted cells that span lines", () => {
    const text = `${HEADER},note\n2020-01-02,10,11,9,10.5,100,"two\nlines"\n2020-01-03,10,9,11,10.5,100,x\n`;
    expect(() => parseBarsCsv(text, OPTIONS)).toThrow(/line 4 \(row 2\), column "high": high 9 is below low 11/);
  });

  it("rejects a missing symbol or a bad option by name", () => {
    expect(() => parseBarsCsv(csv(), { ...OPTIONS, symbol: "" })).toThrow(/invalid symbol: "" \(expected a non-empty string\); a CSV file does not name its symbol/);
    expect(() => parseBarsCsv(csv(), { ...OPTIONS, timestampAt: "middle" as "open" })).toThrow(/invalid timestampAt: "middle" \(expected one of "open", "close"\)/);
    expect(() => parseBarsCsv(csv(), { ...OPTIONS, session: { open: "9.30", close: "16:00" } })).toThrow(/invalid session\.open: "9\.30"/);
    expect(() => parseBarsCsv(csv(), { ...OPTIONS, interval: "36h" })).toThrow(/invalid interval: "36h" \(expected whole days/);
  });
});
