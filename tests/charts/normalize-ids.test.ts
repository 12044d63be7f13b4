import { describe, expect, it } from "vitest";
import { normalizeIds } from "../../src/charts/normalize-ids.js";

describe("normalizeIds", () => {
  const svg = '<clipPath id="plot-clip-7"/><g clip-path="url(#plot-clip-7)"/><clipPath id="plot-clip-9"/><marker id="plot-marker-3"/>';

  it("numbers ids from 1 per kind, in order of appearance, under a digest prefix", () => {
    const out = normalizeIds(svg);
    const prefix = /id="(rl-[0-9a-f]{8}-)clip-1"/.exec(out)?.[1];
    expect(prefix).toBeDefined();
    expect(out).toBe(
      `<clipPath id="${prefix}clip-1"/><g clip-path="url(#${prefix}clip-1)"/><clipPath id="${prefix}clip-2"/><marker id="${prefix}marker-1"/>`,
    );
  });

  it("gives the same output whatever Plot's counter was", () => {
    expect(normalizeIds(svg.replaceAll("plot-clip-7", "plot-clip-70").replaceAll("plot-clip-9", "plot-clip-71"))).toBe(normalizeIds(svg));
  });

  it("leaves markup without Plot ids unchanged", () => {
    expect(normalizeIds('<rect id="mine"/>')).toBe('<rect id="mine"/>');
  });
});
