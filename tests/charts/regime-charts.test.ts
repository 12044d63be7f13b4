import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { regimePriceChart } from "../../src/charts/regime-price-chart.js";
import { regimeProbabilityChart } from "../../src/charts/regime-probability-chart.js";
import { regimeTimelineChart } from "../../src/charts/regime-timeline-chart.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import { RegimeHistory } from "../../src/regime/regime-history.js";
import { regimeRuns } from "../../src/regime/regime-runs.js";
import { trueRegimeTimeline } from "../../src/regime/true-regime-timeline.js";
import { REGIMES } from "../../src/regime/regimes.js";
import { regimeSwitchingBars } from "../../src/synthetic/regime-switching-bars.js";
import { countTags, groupOf, texts } from "./svg-parts.js";
import { xmlProblems } from "./xml-check.js";

const { table, labels } = regimeSwitchingBars({ n: 400, seed: 3 });
const truth = trueRegimeTimeline(labels);

describe("regimePriceChart", () => {
  const svg = renderSvg(regimePriceChart(table, truth, { title: "truth" }));

  it("draws one band per regime run under the close line, with a legend of the four regimes", () => {
    expect(xmlProblems(svg)).toEqual([]);
    const runs = regimeRuns(truth).filter((r) => r.end > r.start);
    expect(runs.length).toBeGreaterThan(3);
    expect(countTags(groupOf(svg, 'aria-description="regime bands"'), "rect")).toBe(runs.length);
    expect(svg.indexOf('aria-description="regime bands"')).toBeLessThan(svg.indexOf('aria-description="close"'));
    for (const regime of REGIMES) expect(texts(svg)).toContain(regime);
  });

  it("renders the same SVG for the same input", () => {
    expect(renderSvg(regimePriceChart(table, truth, { title: "truth" }))).toBe(svg);
  });

  it("names a missing column", () => {
    expect(() => regimePriceChart(arrow.tableFromArrays({ x: [1] }), truth)).toThrow(/bars: column "tsClose" is missing/);
  });
});

describe("regimeProbabilityChart", () => {
  it("stacks the filtered probabilities of the four regimes, skipping warm-up rows", () => {
    const h = new RegimeHistory([], true);
    h.push(Date.UTC(2024, 0, 1), null, []);
    h.push(Date.UTC(2024, 0, 2), "ranging", [], [0.1, 0.1, 0.7, 0.1]);
    h.push(Date.UTC(2024, 0, 3), "high-volatility", [], [0.05, 0.15, 0.2, 0.6]);
    const options = regimeProbabilityChart(h.toTable());
    const svg = renderSvg(options);
    expect(xmlProblems(svg)).toEqual([]);
    expect(countTags(groupOf(svg, 'aria-description="regime probabilities"'), "path")).toBe(4);
    const rows = (options.marks![0] as unknown as { data: { ts: number; p: number }[] }).data;
    expect(rows).toHaveLength(8);
  });

  it("asks for a probabilistic classifier's history when the columns are missing", () => {
    expect(() => regimeProbabilityChart(new RegimeHistory([]).toTable())).toThrow(/p:trending-up" is missing; pass the history\(\) of a probabilistic classifier/);
  });
});

describe("regimeTimelineChart", () => {
  it("draws one row of runs per named timeline", () => {
    const shifted = truth.map((r, i) => ({ ts: r.ts, regime: i < 50 ? null : r.regime }));
    const svg = renderSvg(regimeTimelineChart({ truth, "after warm-up": shifted }));
    expect(xmlProblems(svg)).toEqual([]);
    const bars = countTags(groupOf(svg, 'aria-description="regime runs"'), "rect");
    expect(bars).toBe(regimeRuns(truth).length + regimeRuns(shifted).length);
    expect(texts(svg)).toEqual(expect.arrayContaining(["truth", "after warm-up"]));
  });

  it("rejects an empty set of timelines", () => {
    expect(() => regimeTimelineChart({})).toThrow(/invalid timelines/);
  });
});
