import { describe, expect, it } from "vitest";
import { csvBarColumnIndex } from "../../src/data/csv-bar-columns.js";

describe("csvBarColumnIndex", () => {
  it("finds default names case-insensitively, ignoring spaces, and keeps the header as written", () => {
    const index = csvBarColumnIndex([" Timestamp ", "OPEN", "High", "low", "Close", "Vol"], {}, "x.csv");
    expect(index).toEqual({ time: 0, open: 1, high: 2, low: 3, close: 4, volume: 5, names: ["Timestamp", "OPEN", "High", "low", "Close", "Vol"] });
  });

  it("takes the first default time name in the order date, time, timestamp, datetime", () => {
    expect(csvBarColumnIndex(["time", "date", "open", "high", "low", "close", "volume"], {}, "x.csv").time).toBe(1);
  });

  it("uses only the given name for a mapped column, and -1 for a volume mapped to null", () => {
    const index = csvBarColumnIndex(["date", "open", "high", "low", "close", "adj close"], { close: "Adj Close", volume: null }, "x.csv");
    expect([index.close, index.volume]).toEqual([5, -1]);
  });

  it("throws MISSING_COLUMN on line 1 for each column missing", () => {
    expect(() => csvBarColumnIndex(["when", "open", "high", "low", "close", "volume"], {}, "x.csv")).toThrow(
      /x\.csv line 1 \(header\): missing column time \("date" or "time" or "timestamp" or "datetime"\); the header has "when", "open"/,
    );
  });
});
