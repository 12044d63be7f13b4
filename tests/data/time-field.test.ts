import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { barSchema } from "../../src/data/bar-schema.js";
import { isTimeField } from "../../src/data/time-field.js";

describe("isTimeField", () => {
  it.each(["ts", "tsOpen", "tsClose", "ts_close", "time", "entryTime", "exitTs", "entryTs", "exit_time", "entry_ts", "knownAt", "mitigatedAt"])("takes %s for a time column", (name) => {
    expect(isTimeField({ name })).toBe(true);
  });

  it.each(["close", "tsunami", "timeframe", "runtimes", "status", "flat", "At"])("does not take %s for a time column", (name) => {
    expect(isTimeField({ name })).toBe(false);
  });

  it("recognises Arrow timestamp and date columns whatever their name", () => {
    expect(isTimeField({ name: "at", type: new arrow.TimestampMillisecond("UTC") })).toBe(true);
    expect(isTimeField({ name: "day", type: new arrow.DateMillisecond() })).toBe(true);
    expect(isTimeField({ name: "close", type: new arrow.Float64() })).toBe(false);
  });

  it("recognises the bar schema's time columns by their metadata", () => {
    const fields = barSchema({ symbol: "X", timeZone: "UTC", interval: "1d" }).fields;
    expect(fields.filter(isTimeField).map((f) => f.name)).toEqual(["tsOpen", "tsClose"]);
  });
});
