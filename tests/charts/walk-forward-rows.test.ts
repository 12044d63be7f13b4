import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { walkForwardRows } from "../../src/charts/walk-forward-rows.js";
import { spxBars, walkForwardOf } from "./sweep-fixture.js";

const windows = new arrow.Table({
  symbol: arrow.vectorFromArray(["B", "A", "B"], new arrow.Utf8()),
  window: arrow.vectorFromArray([1, 0, 0], new arrow.Int32()),
  trainStart: arrow.vectorFromArray([10, 0, 0], new arrow.Float64()),
  trainEnd: arrow.vectorFromArray([19, 9, 9], new arrow.Float64()),
  testStart: arrow.vectorFromArray([20, 10, 10], new arrow.Float64()),
  testEnd: arrow.vectorFromArray([24, 14, 14], new arrow.Float64()),
  trainBars: arrow.vectorFromArray([10, 10, 10], new arrow.Int32()),
  combo: arrow.vectorFromArray([0, 1, 2], new arrow.Int32()),
  gate: arrow.vectorFromArray(["up", "none", "not-down"], new arrow.Utf8()),
  riskFraction: arrow.vectorFromArray([0.01, 0.02, 0.005], new arrow.Float64()),
  eligible: arrow.vectorFromArray([true, true, false], new arrow.Bool()),
  inSample: arrow.vectorFromArray([1.5, 0.2, null], new arrow.Float64()),
  outOfSample: arrow.vectorFromArray([null, 0.1, -0.3], new arrow.Float64()),
});

describe("walkForwardRows", () => {
  it("returns the first symbol's windows in window order, labelled with the parameter columns", () => {
    const { symbol, symbols, parameters, rows } = walkForwardRows(windows);
    expect({ symbol, symbols, parameters }).toEqual({ symbol: "B", symbols: ["B", "A"], parameters: ["gate", "riskFraction"] });
    expect(rows).toEqual([
      { window: 0, trainStart: 0, trainEnd: 9, testStart: 10, testEnd: 14, label: "not-down/0.005", eligible: false, inSample: null, outOfSample: -0.3 },
      { window: 1, trainStart: 10, trainEnd: 19, testStart: 20, testEnd: 24, label: "up/0.01", eligible: true, inSample: 1.5, outOfSample: null },
    ]);
  });

  it("returns another symbol's windows when asked, and rejects an unknown symbol", () => {
    expect(walkForwardRows(windows, "A").rows.map((r) => r.label)).toEqual(["none/0.02"]);
    expect(() => walkForwardRows(windows, "C")).toThrow('invalid symbol: "C" (expected one of "B", "A"); the symbols of the walk-forward');
  });

  it("labels windows with the grid's parameters only, not those held fixed", async () => {
    const wf = await walkForwardOf([spxBars()], { train: 1500, test: 1000 }, { grid: { fast: [5, 10], slow: [50, 100] }, fixed: { fraction: 0.5 } });
    expect(wf.windows.getChild("fraction")!.get(0)).toBe(0.5);
    const { rows } = walkForwardRows(wf.windows);
    expect(rows.map((r) => r.label)).toEqual(Array.from({ length: wf.windows.numRows }, (_, i) => `${wf.windows.getChild("fast")!.get(i)}/${wf.windows.getChild("slow")!.get(i)}`));
  });
});
