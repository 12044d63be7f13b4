import { describe, expect, it } from "vitest";
import { barColumns, barInfo } from "../../src/data/bar-table.js";
import { parseBarsCsv, type ParseBarsCsvOptions } from "../../src/data/parse-bars-csv.js";

const NY = { symbol: "SPX", timeZone: "America/New_York" } as const;
const SESSION = { open: "09:30", close: "16:00" } as const;
const HEADER = "date,open,high,low,close,volume";
const iso = (ms: number) => new Date(ms).toISOString();

/** Parses rows "time" (each given the same valid prices) and returns [tsOpen, tsClose] as ISO strings per row. */
function times(timesText: readonly string[], options: Partial<ParseBarsCsvOptions> = {}, header = HEADER): string[][] {
  const text = [header, ...timesText.map((t) => `${t},10,11,9,10.5,100`)].join("\n");
  const c = barColumns(parseBarsCsv(text, { ...NY, ...options }).table);
  return [...c.tsClose].map((_, i) => [iso(c.tsOpen[i]!), iso(c.tsClose[i]!)]);
}

describe("parseBarsCsv: date-only daily rows", () => {
  it("spans the session in the exchange zone, following daylight saving (EST before 2020-03-08, EDT after)", () => {
    expect(times(["2020-03-06", "2020-03-09"], { session: SESSION })).toEqual([
      ["2020-03-06T14:30:00.000Z", "2020-03-06T21:00:00.000Z"],
      ["2020-03-09T13:30:00.000Z", "2020-03-09T20:00:00.000Z"],
    ]);
  });

  it("covers the whole local calendar day without a session, the change day having 23 hours", () => {
    expect(times(["2020-03-06", "2020-03-08", "2020-03-09"])).toEqual([
      ["2020-03-06T05:00:00.000Z", "2020-03-07T05:00:00.000Z"],
      ["2020-03-08T05:00:00.000Z", "2020-03-09T04:00:00.000Z"],
      ["2020-03-09T04:00:00.000Z", "2020-03-10T04:00:00.000Z"],
    ]);
  });

  it("treats a zone-less local midnight (as pandas writes dates) like a bare date", () => {
    expect(times(["2020-03-06 00:00:00", "2020-03-09T00:00"], { session: SESSION })).toEqual([
      ["2020-03-06T14:30:00.000Z", "2020-03-06T21:00:00.000Z"],
      ["2020-03-09T13:30:00.000Z", "2020-03-09T20:00:00.000Z"],
    ]);
  });

  it("opens an overnight session the evening before (close not after open), as futures trade", () => {
    const cme = { symbol: "ES", timeZone: "America/Chicago", session: { open: "17:00", close: "16:00" } };
    expect(times(["2020-03-09"], cme)).toEqual([["2020-03-08T22:00:00.000Z", "2020-03-09T21:00:00.000Z"]]);
  });

  it("spans interval days from the stamped date for weekly bars, forward when stamped at open and back at close", () => {
    expect(times(["2020-03-02"], { interval: "1w", session: SESSION })).toEqual([["2020-03-02T14:30:00.000Z", "2020-03-08T20:00:00.000Z"]]);
    expect(times(["2020-03-06"], { interval: "1w", timestampAt: "close" })).toEqual([["2020-02-29T05:00:00.000Z", "2020-03-07T05:00:00.000Z"]]);
  });

  it("reads the symbol, zone and interval into the table metadata", () => {
    const { table } = parseBarsCsv(`${HEADER}\n2020-03-06,10,11,9,10.5,100`, { ...NY, session: SESSION });
    expect(barInfo(table)).toEqual({ symbol: "SPX", timeZone: "America/New_York", interval: "1d" });
  });
});

describe("parseBarsCsv: intraday rows", () => {
  const m5 = { interval: "5m", session: undefined } as const;

  it("reads zone-less text as wall time in the symbol's zone, across the March change", () => {
    expect(times(["2020-03-06 09:30", "2020-03-09 09:30:00", "2020-03-09T09:35:00.250"], m5)).toEqual([
      ["2020-03-06T14:30:00.000Z", "2020-03-06T14:35:00.000Z"],
      ["2020-03-09T13:30:00.000Z", "2020-03-09T13:35:00.000Z"],
      ["2020-03-09T13:35:00.250Z", "2020-03-09T13:40:00.250Z"],
    ]);
  });

  it("moves a wall time skipped by spring-forward past the gap, and takes the earlier of a repeated one", () => {
    expect(times(["2020-03-08 02:30", "2020-11-01 01:30"], { ...m5, timeZone: "America/New_York" })).toEqual([
      ["2020-03-08T07:30:00.000Z", "2020-03-08T07:35:00.000Z"],
      ["2020-11-01T05:30:00.000Z", "2020-11-01T05:35:00.000Z"],
    ]);
  });

  it("takes text with Z or an offset as that instant, whatever the symbol's zone", () => {
    expect(times(["2020-03-06T14:30:00Z", "2020-03-06 15:40+01:00", "2020-03-06T09:45:00-0500"], m5)).toEqual([
      ["2020-03-06T14:30:00.000Z", "2020-03-06T14:35:00.000Z"],
      ["2020-03-06T14:40:00.000Z", "2020-03-06T14:45:00.000Z"],
      ["2020-03-06T14:45:00.000Z", "2020-03-06T14:50:00.000Z"],
    ]);
  });

  it("stamps the close when timestampAt is close, the open then one interval earlier", () => {
    expect(times(["2020-03-06 09:35"], { ...m5, timestampAt: "close" })).toEqual([["2020-03-06T14:30:00.000Z", "2020-03-06T14:35:00.000Z"]]);
    expect(times(["2020-03-06 10:00"], { interval: "1h", timestampAt: "close" })).toEqual([["2020-03-06T14:00:00.000Z", "2020-03-06T15:00:00.000Z"]]);
  });

  it("reads epoch milliseconds and epoch seconds", () => {
    const t = Date.UTC(2020, 2, 6, 14, 30);
    expect(times([String(t)], { ...m5, timeFormat: "epoch-ms" })).toEqual([["2020-03-06T14:30:00.000Z", "2020-03-06T14:35:00.000Z"]]);
    expect(times([String(t / 1000)], { ...m5, timeFormat: "epoch-s", timestampAt: "close" })).toEqual([["2020-03-06T14:25:00.000Z", "2020-03-06T14:30:00.000Z"]]);
  });

  it("keeps local wall time for daily bars stamped with a time, so a 23-hour day stays one local day", () => {
    const close = Date.UTC(2020, 2, 8, 20); // Sunday 16:00 EDT; the bar opened Saturday 16:00 EST
    expect(times([String(close)], { timeFormat: "epoch-ms", timestampAt: "close" })).toEqual([["2020-03-07T21:00:00.000Z", "2020-03-08T20:00:00.000Z"]]);
  });
});

describe("parseBarsCsv: columns and text", () => {
  it("finds the default columns case-insensitively, ignores extra columns and reads the values", () => {
    const text = "Date,Open,High,Low,Close,Adj Close,Volume\n2020-03-06,10,11.5,9.25,10.5,99,1234\n";
    const c = barColumns(parseBarsCsv(text, { ...NY, session: SESSION }).table);
    expect([c.open[0], c.high[0], c.low[0], c.close[0], c.volume[0]]).toEqual([10, 11.5, 9.25, 10.5, 1234]);
  });

  it("maps columns named in the options, and reads volume as 0 when it is null", () => {
    const text = "Datetime,o,h,l,Adj Close\n2020-03-06 09:30,10,11,9,10.5\n";
    const { table } = parseBarsCsv(text, { ...NY, interval: "5m", columns: { time: "datetime", open: "o", high: "h", low: "l", close: "adj close", volume: null } });
    const c = barColumns(table);
    expect([c.close[0], c.volume[0]]).toEqual([10.5, 0]);
  });

  it("skips a byte-order mark, CRLF line ends and blank lines", () => {
    const text = "\ufeffdate,open,high,low,close,volume\r\n2020-03-06,10,11,9,10.5,1\r\n\r\n  \r\n2020-03-09,10,11,9,10.5,2\r\n";
    expect(barColumns(parseBarsCsv(text, NY).table).volume).toEqual(new Float64Array([1, 2]));
  });

  it("keeps the original text of quoted cells", () => {
    const text = 'date,open,high,low,close,volume\n"2020-03-06","10","11","9","10.5","1,000"\n';
    expect(() => parseBarsCsv(text, NY)).toThrow(/line 2 \(row 1\), column "volume": "1,000" is not a number/);
  });

  it("returns no repairs when none were needed", () => {
    expect(parseBarsCsv(`${HEADER}\n2020-03-06,10,11,9,10.5,100`, { ...NY, repair: { sort: true, dropInvalid: true } }).repairs).toEqual([]);
  });
});

describe("parseBarsCsv: line ends", () => {
  it("reads old Mac line ends (a lone CR) and counts their lines", () => {
    const text = "date,open,high,low,close,volume\r2020-03-06,10,11,9,10.5,1\r2020-03-09,10,11,9,10.5,2\r2020-03-10,10,9,11,10.5,3";
    expect(() => parseBarsCsv(text, NY)).toThrow(/csv line 4 \(row 3\), column "high": high 9 is below low 11/);
    expect(parseBarsCsv(text.slice(0, text.lastIndexOf("\r")), NY).table.numRows).toBe(2);
  });
});
