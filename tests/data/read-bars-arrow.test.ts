import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { barColumns, barInfo } from "../../src/data/bar-table.js";
import { readBarsArrow } from "../../src/data/read-bars-arrow.js";
import { writeBarsArrow } from "../../src/data/write-bars-arrow.js";
import { randomWalkBars } from "../fixtures/random-walk-bars.js";

const META = { "regime-lab.symbol": "SPX", "regime-lab.timeZone": "America/New_York", "regime-lab.interval": "1d" };
const CLOSES = [Date.UTC(2020, 2, 6, 21), Date.UTC(2020, 2, 9, 20)]; // 16:00 EST, then 16:00 EDT
const OPENS = [Date.UTC(2020, 2, 6, 14, 30), Date.UTC(2020, 2, 9, 13, 30)];
const iso = (ms: ArrayLike<number>) => Array.from(ms, (t) => new Date(t).toISOString());

const f64 = (values: number[]) => arrow.makeData({ type: new arrow.Float64(), length: values.length, nullCount: 0, data: Float64Array.from(values) });
const i64 = (type: arrow.Int64 | arrow.Timestamp, values: bigint[]): arrow.Data =>
  arrow.makeData({ type: type as arrow.Int64, length: values.length, nullCount: 0, data: BigInt64Array.from(values) });

/** Returns Arrow IPC stream bytes of the given column data, plain prices unless overridden, with `meta` as schema metadata. */
function ipc(columns: Record<string, arrow.Data>, meta: Record<string, string> = META): Uint8Array {
  const all: Record<string, arrow.Data> = { open: f64([10, 11]), high: f64([12, 12]), low: f64([9, 10]), close: f64([11, 11.5]), volume: f64([100, 200]), ...columns };
  const fields = Object.entries(all).map(([name, d]) => new arrow.Field(name, d.type, true));
  const schema = new arrow.Schema(fields, new Map(Object.entries(meta)));
  const struct = arrow.makeData({ type: new arrow.Struct(fields), length: 2, nullCount: 0, children: Object.values(all) });
  return arrow.tableToIPC(new arrow.Table(schema, [new arrow.RecordBatch(schema, struct)]), "stream");
}

describe("readBarsArrow", () => {
  it("reads the stream format as well as the file format", () => {
    const table = randomWalkBars(5);
    expect(readBarsArrow(arrow.tableToIPC(table, "stream")).table.numRows).toBe(5);
    expect(readBarsArrow(writeBarsArrow(table)).table.numRows).toBe(5);
  });

  it.each([
    ["Timestamp(ms, UTC)", () => i64(new arrow.TimestampMillisecond("UTC"), CLOSES.map(BigInt))],
    ["Timestamp(s, UTC)", () => i64(new arrow.TimestampSecond("UTC"), CLOSES.map((t) => BigInt(t / 1000)))],
    ["Timestamp(us, UTC)", () => i64(new arrow.TimestampMicrosecond("UTC"), CLOSES.map((t) => BigInt(t) * 1000n + 999n))],
    ["Timestamp(ns, +09:00)", () => i64(new arrow.TimestampNanosecond("+09:00"), CLOSES.map((t) => BigInt(t) * 1_000_000n))],
    ["Int64 epoch ms", () => i64(new arrow.Int64(), CLOSES.map(BigInt))],
    ["Float64 epoch ms", () => f64(CLOSES)],
  ])("converts a %s tsClose column to Float64 epoch ms", (_, data) => {
    const { table } = readBarsArrow(ipc({ tsOpen: f64(OPENS), tsClose: data() }));
    expect(table.getChild("tsClose")!.type).toBeInstanceOf(arrow.Float64);
    expect([...barColumns(table).tsClose]).toEqual(CLOSES); // whole ms: sub-millisecond parts are floored
  });

  it("reads a Timestamp without a zone, and a Date, as wall-clock time in the exchange zone", () => {
    const days = arrow.makeData({ type: new arrow.DateDay(), length: 2, nullCount: 0, data: Int32Array.from([18327, 18330]) }); // 2020-03-06, 2020-03-09
    const wallCloses = [Date.UTC(2020, 2, 6, 16), Date.UTC(2020, 2, 9, 16)].map(BigInt);
    const c = barColumns(readBarsArrow(ipc({ tsOpen: days, tsClose: i64(new arrow.TimestampMillisecond(), wallCloses) })).table);
    expect(iso(c.tsOpen)).toEqual(["2020-03-06T05:00:00.000Z", "2020-03-09T04:00:00.000Z"]);
    expect(iso(c.tsClose)).toEqual(["2020-03-06T21:00:00.000Z", "2020-03-09T20:00:00.000Z"]);
  });

  it("takes symbol, zone and interval from the options when the metadata lacks them", () => {
    const bytes = ipc({ tsOpen: f64(OPENS), tsClose: f64(CLOSES) }, {});
    expect(() => readBarsArrow(bytes, { source: "x.arrow" })).toThrow(/x\.arrow: no symbol: the schema metadata lacks "regime-lab\.symbol" \(expected it there, or pass \{ symbol: \.\.\. \}\)/);
    const { table } = readBarsArrow(bytes, { symbol: "ES", timeZone: "America/Chicago", interval: "1d" });
    expect(barInfo(table)).toEqual({ symbol: "ES", timeZone: "America/Chicago", interval: "1d" });
  });

  it("refuses an option that contradicts the metadata", () => {
    expect(() => readBarsArrow(ipc({ tsOpen: f64(OPENS), tsClose: f64(CLOSES) }), { interval: "5m", source: "x.arrow" })).toThrow(
      /x\.arrow: option interval "5m" differs from "1d" in the schema metadata "regime-lab\.interval"/,
    );
  });

  it("rejects an unknown zone in the metadata with UNKNOWN_TIME_ZONE", () => {
    const bytes = ipc({ tsOpen: f64(OPENS), tsClose: f64(CLOSES) }, { ...META, "regime-lab.timeZone": "Mars/Olympus" });
    expect(() => readBarsArrow(bytes)).toThrow(expect.objectContaining({ code: "UNKNOWN_TIME_ZONE", message: expect.stringMatching(/arrow: invalid timeZone: "Mars\/Olympus"/) }));
  });

  it("names missing columns and lists the schema", () => {
    expect(() => readBarsArrow(ipc({ tsClose: f64(CLOSES) }), { source: "x.arrow" })).toThrow(/x\.arrow: missing column "tsOpen"; the schema has "open", "high", "low", "close", "volume", "tsClose"/);
  });

  it("rejects a column of the wrong type", () => {
    const text = arrow.vectorFromArray(["a", "b"], new arrow.Utf8()).data[0]!;
    expect(() => readBarsArrow(ipc({ tsOpen: f64(OPENS), tsClose: f64(CLOSES), close: text }))).toThrow(/arrow: column "close" has type Utf8 \(expected a number type such as Float64\)/);
  });

  it("names the row and column of nulls and broken rules, and repairs them when asked", () => {
    const close = arrow.vectorFromArray([11, null], new arrow.Float64()).data[0]!;
    const bytes = ipc({ tsOpen: f64(OPENS), tsClose: f64([CLOSES[1]!, CLOSES[0]!]), close });
    expect(() => readBarsArrow(bytes, { source: "x.arrow" })).toThrow(/x\.arrow row 2, column "close": null \(expected a value\)/);
    const sorted = ipc({ tsOpen: f64(OPENS), tsClose: f64([CLOSES[1]!, CLOSES[0]!]) });
    expect(() => readBarsArrow(sorted, { source: "x.arrow" })).toThrow(/x\.arrow row 2, column "tsClose": close time 2020-03-06T21:00:00\.000Z is before/);
    const { table, repairs } = readBarsArrow(bytes, { repair: { dropInvalid: true } });
    expect([table.numRows, repairs.map((r) => [r.row, r.code])]).toEqual([1, [[2, "NOT_A_NUMBER"]]]);
  });

  it("rejects bytes that are not Arrow, and no bytes at all", () => {
    expect(() => readBarsArrow(new TextEncoder().encode("date,open\n"), { source: "x.arrow" })).toThrow(/x\.arrow: not a readable Arrow IPC file or stream/);
    expect(() => readBarsArrow(new Uint8Array(0), { source: "x.arrow" })).toThrow(/x\.arrow: no bytes/);
  });

  it("rejects a table without rows", () => {
    expect(() => readBarsArrow(arrow.tableToIPC(randomWalkBars(3).slice(0, 0), "file"))).toThrow(/arrow: no bars/);
  });
});
