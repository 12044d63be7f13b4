import { describe, expect, it } from "vitest";
import { chartWindow } from "../../src/charts/chart-window.js";
import { fxBars } from "./smc-fixture.js";

const open = fxBars.getChild("tsOpen")!.toArray() as Float64Array;
const close = fxBars.getChild("tsClose")!.toArray() as Float64Array;

describe("chartWindow", () => {
  it("keeps every bar when no bound is given", () => {
    expect(chartWindow(fxBars)).toMatchObject({ start: 0, end: fxBars.numRows, first: open[0], last: close[fxBars.numRows - 1] });
  });

  it("reads bare dates in the table's time zone, a `to` date including its whole day", () => {
    const w = chartWindow(fxBars, "2024-03-05", "2024-03-06");
    expect(w.first).toBe(Date.UTC(2024, 2, 5, 5)); // midnight in New York (EST)
    expect(w.last).toBe(Date.UTC(2024, 2, 7, 5));
    expect(w.end - w.start).toBe(2 * 96);
  });

  it("takes epoch ms and times with an offset as they are", () => {
    const from = Date.UTC(2024, 2, 5, 12), to = Date.UTC(2024, 2, 5, 13);
    const w = chartWindow(fxBars, from, "2024-03-05T13:00Z");
    expect([w.first, w.last, w.end - w.start]).toEqual([from, to, 4]);
  });

  it("names a bad bound", () => {
    expect(() => chartWindow(fxBars, "March 5")).toThrow(/invalid from: "March 5" \(expected epoch ms or a date/);
    expect(() => chartWindow(fxBars, "2024-03-06", "2024-03-05")).toThrow(/invalid to: "2024-03-05"/);
  });
});
