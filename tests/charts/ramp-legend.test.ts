import { describe, expect, it } from "vitest";
import { rampLegend } from "../../src/charts/ramp-legend.js";

const labels = (svg: string) => [...svg.matchAll(/text-anchor="\w+">([^<]+)<\/text>/g)].map((m) => m[1]);

describe("rampLegend", () => {
  const grey = (v: unknown) => `rgb(${Math.round(Number(v))}, 0, 0)`;

  it("samples the scale along the bar and ticks round values", () => {
    const { svg, height } = rampLegend({ type: "linear", domain: [0, 100], apply: grey }, { steps: 4 });
    expect([...svg.matchAll(/fill="(rgb[^"]+)"/g)].map((m) => m[1])).toEqual(["rgb(13, 0, 0)", "rgb(38, 0, 0)", "rgb(63, 0, 0)", "rgb(88, 0, 0)"]);
    expect(labels(svg)).toEqual(["0", "20", "40", "60", "80", "100"]);
    expect(height).toBeGreaterThan(10);
  });

  it("ticks log scales at 1, 2 and 5 times powers of ten, or powers of ten over wide ranges", () => {
    const { svg } = rampLegend({ type: "log", domain: [1, 1000], apply: grey });
    expect(labels(svg)).toEqual(["1", "10", "100", "1000"]);
    expect(labels(rampLegend({ type: "log", domain: [2.01, 21.95], apply: grey }).svg)).toEqual(["5", "10", "20"]);
  });

  it("labels time scales with their first and last dates", () => {
    const { svg } = rampLegend({ type: "utc", domain: [new Date("2024-01-01T00:00:00Z"), new Date("2024-03-01T00:00:00Z")], apply: () => "red" });
    expect(labels(svg)).toEqual(["2024-01-01", "2024-03-01"]);
  });

  it("draws nothing for an empty domain", () => {
    expect(rampLegend({ type: "linear", domain: [], apply: grey })).toEqual({ svg: "", height: 0 });
  });
});
