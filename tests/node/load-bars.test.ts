import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BAR_FIELDS } from "../../src/core/types.js";
import { barColumns, barInfo } from "../../src/data/bar-table.js";
import { loadBars } from "../../src/node/load-bars.js";

const SPX = { symbol: "SPX", timeZone: "America/New_York", interval: "1d", session: { open: "09:30", close: "16:00" } } as const;
const iso = (ms: number) => new Date(ms).toISOString();

describe("loadBars on data/sp500-2000.csv (vega-datasets 3.2.1)", () => {
  const { table, repairs } = loadBars("data/sp500-2000.csv", SPX);
  const c = barColumns(table);

  it("reads all 5,105 rows with no repair", () => {
    expect(table.numRows).toBe(5105);
    expect(repairs).toEqual([]);
  });

  it("closes the first bar at 16:00 EST and the last at 16:00 EDT", () => {
    expect([iso(c.tsOpen[0]!), iso(c.tsClose[0]!)]).toEqual(["2000-01-03T14:30:00.000Z", "2000-01-03T21:00:00.000Z"]);
    expect(iso(c.tsClose[5104]!)).toBe("2020-04-17T20:00:00.000Z");
  });

  it("gives the last row the values of the CSV's last line", () => {
    const last = readFileSync("data/sp500-2000.csv", "utf8").trimEnd().split("\n").at(-1)!.split(",");
    expect(last[0]).toBe("2020-04-17");
    const [, open, high, low, close, , volume] = last.map(Number);
    expect([c.open[5104], c.high[5104], c.low[5104], c.close[5104], c.volume[5104]]).toEqual([open, high, low, close, volume]);
  });

  it("equals data/sp500-2000.arrow, which carries its own symbol, zone and interval", () => {
    const fromArrow = loadBars("data/sp500-2000.arrow");
    expect(barInfo(fromArrow.table)).toEqual({ symbol: "SPX", timeZone: "America/New_York", interval: "1d" });
    const a = barColumns(fromArrow.table);
    for (const f of BAR_FIELDS) expect(a[f]).toEqual(c[f]);
  });
});

describe("loadBars errors", () => {
  it("names a missing file and where it was looked for", () => {
    expect(() => loadBars("data/no-such-file.csv", SPX)).toThrow(/invalid path: "data\/no-such-file\.csv" \(expected a readable file\); no such file \(resolved to \/.*data\/no-such-file\.csv\)/);
  });

  it("refuses an extension it cannot read", () => {
    expect(() => loadBars("data/README.md")).toThrow(/invalid path: "data\/README\.md" \(expected a file ending in \.csv, \.arrow, \.feather, \.ipc\)/);
  });

  it("names the path in CSV issues, and asks for the symbol a CSV cannot carry", () => {
    expect(() => loadBars("data/sp500-2000.csv", { ...SPX, interval: "5m" })).toThrow(/data\/sp500-2000\.csv line 2 \(row 1\), column "date": "2000-01-03" is a date without a time/);
    expect(() => loadBars("data/sp500-2000.csv")).toThrow(/invalid symbol: undefined \(expected a non-empty string\); a CSV file does not name its symbol/);
  });
});
