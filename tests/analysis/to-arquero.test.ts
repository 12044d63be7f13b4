import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { toArquero } from "../../src/analysis/to-arquero.js";
import { barColumns } from "../../src/data/bar-table.js";
import { randomWalkBars } from "../fixtures/random-walk-bars.js";

const bars = randomWalkBars(50);
const c = barColumns(bars);
const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;

describe("toArquero", () => {
  it("keeps every column and row of the Arrow table", () => {
    const t = toArquero(bars);
    expect(t.columnNames()).toEqual(["tsOpen", "tsClose", "open", "high", "low", "close", "volume"]);
    expect(t.numRows()).toBe(50);
    expect(t.get("close", 7)).toBe(c.close[7]);
    expect(t.get("tsClose", 0)).toBe(c.tsClose[0]);
  });

  it("computes the same summary statistics as the typed arrays", () => {
    const s = toArquero(bars)
      .rollup({ mean: aq.op.mean("close"), min: aq.op.min("low"), max: aq.op.max("high"), volume: aq.op.sum("volume") })
      .object() as Record<string, number>;
    expect(s.mean).toBeCloseTo(mean(c.close), 10);
    expect(s.min).toBe(Math.min(...c.low));
    expect(s.max).toBe(Math.max(...c.high));
    expect(s.volume).toBe(c.volume.reduce((a, v) => a + v, 0));
  });

  it("supports derive, filter and orderby over the bars", () => {
    const up = toArquero(bars)
      .derive({ change: (d: { close: number; open: number }) => d.close - d.open })
      .filter((d: { change: number }) => d.change > 0)
      .orderby(aq.desc("change"));
    const expected = Array.from(c.close, (v, i) => v - c.open[i]!).filter((v) => v > 0).sort((a, b) => b - a);
    expect(up.array("change")).toEqual(expected);
  });
});
