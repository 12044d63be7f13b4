import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { renderSvg } from "../../src/charts/render-svg.js";
import { xmlProblems } from "./xml-check.js";

const regimes = Array.from({ length: 30 }, (_, i) => ({ x: i, y: 10 + Math.sin(i / 3) * 5, regime: ["bull", "bear", "chop"][i % 3] }));
const spec = (): Plot.PlotOptions => ({
  title: "Regimes & <returns>",
  subtitle: "daily, UTC",
  caption: "source: synthetic",
  color: { legend: true },
  marks: [Plot.dot(regimes, { x: "x", y: "y", fill: "regime", clip: true }), Plot.frame()],
});

describe("renderSvg", () => {
  const svg = renderSvg(spec());

  it("returns one standalone <svg> root with the SVG namespace", () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(xmlProblems(svg)).toEqual([]);
  });

  it("draws title, subtitle, caption and legend as SVG text, without HTML", () => {
    expect(svg).toContain(">Regimes &amp; &lt;returns&gt;</text>");
    expect(svg).toContain(">daily, UTC</text>");
    expect(svg).toContain(">source: synthetic</text>");
    for (const label of ["bull", "bear", "chop"]) expect(svg).toContain(`>${label}</text>`);
    expect(svg).not.toMatch(/<(figure|div|span|h2|h3|figcaption|style)\b/);
  });

  it("colors each legend swatch as the scale colors its value", () => {
    const [bear, bull] = [...svg.matchAll(/<rect x="\d+" y="\d+" width="11" height="11" fill="([^"]+)"\/><text[^>]*>(\w+)</g)]
      .map((m) => [m[2], m[1]]);
    expect(bear).toEqual(["bear", "#4269d0"]);
    expect(bull).toEqual(["bull", "#efb118"]);
  });

  it("returns the same string for the same chart, even as Plot's id counter moves on", () => {
    expect(renderSvg(spec())).toBe(svg);
    expect(svg).toMatch(/clip-path="url\(#rl-[0-9a-f]{8}-clip-1\)"/);
    expect(svg).not.toMatch(/plot-clip-\d/);
  });

  it("gives different charts different clip ids, so they can share a page", () => {
    const other = renderSvg({ ...spec(), title: "Other" });
    const id = (s: string) => /id="(rl-[0-9a-f]{8}-clip-1)"/.exec(s)?.[1];
    expect(id(other)).toBeDefined();
    expect(id(other)).not.toBe(id(svg));
  });

  it("draws a continuous color legend as an SVG ramp, or none on request", () => {
    const continuous: Plot.PlotOptions = { color: { legend: true, label: "level" }, marks: [Plot.dot(regimes, { x: "x", y: "y", fill: "y" })] };
    const ramp = renderSvg(continuous);
    expect(xmlProblems(ramp)).toEqual([]);
    expect(ramp).toContain(">level</text>");
    expect(ramp.match(/<rect x="[\d.]+" y="\d+" width="[\d.]+" height="10"/g)).toHaveLength(64);
    const none = renderSvg(continuous, { continuousLegend: "none" });
    expect(none).not.toContain('aria-label="color legend"');
  });

  it("labels threshold legends with their bounds", () => {
    const svg = renderSvg({ color: { legend: true, type: "threshold", domain: [0, 10] }, marks: [Plot.dot(regimes, { x: "x", y: "y", fill: "y" })] });
    for (const label of ["&lt; 0", "0–10", "≥ 10"]) expect(svg).toContain(`>${label}</text>`);
  });

  it("has no legend unless the color option asks for one", () => {
    const { color: _color, ...rest } = spec();
    expect(renderSvg(rest)).not.toContain('aria-label="color legend"');
  });

  it("uses a sans-serif font and a white background by default", () => {
    expect(svg).toMatch(/^<svg [^>]*font-family="[^"]*sans-serif"/);
    expect(svg).toContain('<rect width="100%" height="100%" fill="white"/>');
    expect(renderSvg(spec(), { background: null })).not.toContain('fill="white"/>');
  });

  it("stacks title, legend, plot and caption in its height", () => {
    const height = Number(/^<svg [^>]*height="(\d+)"/.exec(svg)?.[1]);
    expect(height).toBeGreaterThan(400 + 16 + 12 + 11 + 11);
    expect(svg).toMatch(new RegExp(`viewBox="0 0 640 ${height}"`));
  });

  it("writes well-formed XML even for links and labels holding & and <", () => {
    const data = [{ x: 1, y: 1, url: "https://example.com/?a=1&b=2", label: "a<b" }];
    const out = renderSvg({ marks: [Plot.dot(data, { x: "x", y: "y", href: "url" }), Plot.text(data, { x: "x", y: "y", text: "label" })] });
    expect(xmlProblems(out)).toEqual([]);
    expect(out).toContain('href="https://example.com/?a=1&amp;b=2"');
    expect(out).toContain(">a&lt;b</text>");
  });

  it("rejects an unknown continuousLegend option", () => {
    expect(() => renderSvg(spec(), { continuousLegend: "canvas" as "ramp" })).toThrow(/invalid continuousLegend: "canvas"/);
  });
});
