import { describe, expect, it } from "vitest";
import { killZoneColorScale, killZoneMarks } from "../../src/charts/kill-zone-marks.js";
import { renderSvg } from "../../src/charts/render-svg.js";
import { KILL_ZONE_COLORS, killZoneColors } from "../../src/charts/smc-colors.js";
import { killZoneWindows } from "../../src/sessions/kill-zone-windows.js";
import { countTags, groupOf, texts } from "./svg-parts.js";
import { xmlProblems } from "./xml-check.js";

const windows = killZoneWindows({ from: "2024-03-05", to: "2024-03-07" });
const chart = (marks: ReturnType<typeof killZoneMarks>) => renderSvg({ x: { type: "utc" }, color: killZoneColorScale(), height: 120, marks });

describe("killZoneMarks", () => {
  it("shades one full-height band per kill-zone occurrence, colored by name, with a swatch legend", () => {
    const svg = chart(killZoneMarks(windows));
    expect(xmlProblems(svg)).toEqual([]);
    expect(countTags(groupOf(svg, 'aria-description="kill-zones"'), "rect")).toBe(12);
    expect(texts(groupOf(svg, 'aria-label="color legend"'))).toEqual(["asian", "london-open", "new-york-open", "london-close"]);
    expect(svg).toContain(`fill="${KILL_ZONE_COLORS["london-open"]}"`);
    expect(svg).toContain("<title>london-open (2024-03-05): 2024-03-05 07:00 UTC to 2024-03-05 10:00 UTC</title>");
    expect(chart(killZoneMarks(windows))).toBe(svg);
  });

  it("cuts the bands to the window", () => {
    const from = Date.UTC(2024, 2, 5, 8), to = Date.UTC(2024, 2, 5, 16);
    const svg = chart(killZoneMarks(windows, { from, to }));
    expect(countTags(groupOf(svg, 'aria-description="kill-zones"'), "rect")).toBe(3);
  });

  it("gives other zone names pale colors in turn", () => {
    expect(killZoneColors(["asian", "lunch", "close"])).toEqual([KILL_ZONE_COLORS.asian, "#c7e9c0", "#fcbba1"]);
  });

  it("names what is wrong", () => {
    expect(() => killZoneMarks({} as never)).toThrow(/invalid windows/);
    expect(() => killZoneMarks([{ ...windows[0]!, tsEnd: Number.NaN }])).toThrow(/invalid windows\[0\]\.tsEnd: NaN/);
    expect(() => killZoneMarks(windows, { opacity: -1 })).toThrow(/invalid opacity: -1/);
  });
});
