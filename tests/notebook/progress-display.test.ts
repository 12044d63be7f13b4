import { describe, expect, it } from "vitest";
import type { DisplaySink } from "../../src/notebook/display-sink.js";
import { progressDisplay, progressHtml } from "../../src/notebook/progress-display.js";
import { BacktestEngine } from "../../src/engine/backtest-engine.js";
import { DataHandler } from "../../src/data/data-handler.js";
import { SmaCrossStrategy } from "../../src/strategy/sma-cross-strategy.js";
import { randomWalkBars } from "../fixtures/random-walk-bars.js";

function recorder() {
  const areas: string[][] = [];
  const top: string[] = [];
  const sink = (out: string[]): DisplaySink => ({ html: (s) => out.push(s), svg: (s) => out.push(s), markdown: (s) => out.push(s), text: (s) => out.push(s) });
  const display: DisplaySink = {
    ...sink(top),
    newDisplay() {
      const area: string[] = [];
      areas.push(area);
      return sink(area);
    },
  };
  return { display, areas, top };
}

describe("progressHtml", () => {
  it("shows the bar, the percentage, the counts and the day reached", () => {
    expect(progressHtml("SMA <cross>", { bars: 2143, totalBars: 5105, ts: "2010-05-04T20:00:00.000Z" })).toBe(
      '<div style="font:12px ui-monospace,monospace"><progress value="41" max="100" style="width:200px;vertical-align:middle"></progress> SMA &lt;cross&gt; 41% · 2,143 / 5,105 bars · at 2010-05-04</div>',
    );
  });
});

describe("progressDisplay", () => {
  it("updates one output area in place through a whole engine run, ending at 100%", () => {
    const { display, areas, top } = recorder();
    const engine = new BacktestEngine({ handlers: [DataHandler.fromTable(randomWalkBars(1000))], strategy: new SmaCrossStrategy() });
    engine.run({ onProgress: progressDisplay({ label: "walk", display }), progressEvery: 100 });
    expect(top).toEqual([]);
    expect(areas).toHaveLength(1);
    expect(areas[0]).toHaveLength(11);
    expect(areas[0]![0]).toContain("walk 10% · 100 / 1,000 bars");
    expect(areas[0]![10]).toContain("walk 100% · 1,000 / 1,000 bars · at 2026-09-27");
  });

  it("writes each report as its own output when the sink cannot update in place", () => {
    const out: string[] = [];
    const report = progressDisplay({ display: { html: (s) => out.push(s), svg: () => {}, markdown: () => {}, text: () => {} } });
    report({ bars: 1, totalBars: 2, ts: null });
    report({ bars: 2, totalBars: 2, ts: null });
    expect(out).toHaveLength(2);
    expect(out[1]).toContain("backtest 100% · 2 / 2 bars</div>");
  });
});
