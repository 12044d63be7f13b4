import * as Plot from "@observablehq/plot";
import { afterEach, describe, expect, it } from "vitest";
import { priceChart } from "../../src/charts/price-chart.js";
import { currentDisplay, setDisplay } from "../../src/notebook/display-sink.js";
import { show } from "../../src/notebook/show.js";
import { randomWalkBars } from "../fixtures/random-walk-bars.js";
import { recordingSink } from "./recording-sink.js";

const bars = randomWalkBars(25, "SPX");

describe("show", () => {
  afterEach(() => setDisplay(undefined));

  it("sends a chart as one SVG to the display set with setDisplay", () => {
    const sink = recordingSink();
    setDisplay(sink);
    show(priceChart(bars));
    expect(sink.outputs).toHaveLength(1);
    const [kind, content] = sink.outputs[0]!;
    expect(kind).toBe("svg");
    expect(content).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(content).toBe(show.render(priceChart(bars)).content);
  });

  it("sends an Arrow table as an HTML table", () => {
    const sink = recordingSink();
    show(bars, { display: sink, rows: 3 });
    expect(sink.outputs.map(([kind]) => kind)).toEqual(["html"]);
    expect(sink.outputs[0]![1]).toContain("<p>25 rows × 7 columns</p>");
  });

  it("prefers the display passed as an option over the one set globally", () => {
    const global = recordingSink();
    const local = recordingSink();
    setDisplay(global);
    show({ marks: [Plot.lineY([1, 2, 3])] }, { display: local });
    expect(global.outputs).toEqual([]);
    expect(local.outputs[0]![0]).toBe("svg");
  });

  it("sends markdown as is", () => {
    const sink = recordingSink();
    setDisplay(sink);
    show.markdown("## Regimes\n*bull* and *bear*");
    expect(sink.outputs).toEqual([["markdown", "## Regimes\n*bull* and *bear*"]]);
  });

  it("returns nothing, so tslab does not print the markup again as the cell's value", () => {
    expect(show(bars, { display: recordingSink() })).toBeUndefined();
  });

  it("runs outside a tslab kernel without a display set, sending output nowhere", () => {
    // vitest has `require`, so tslab's display loads, but it is not connected to a kernel
    expect(() => show(bars)).not.toThrow();
    expect(() => currentDisplay()?.html("<p>x</p>")).not.toThrow();
  });
});
