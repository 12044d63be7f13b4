import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawdownScaleFactor, resolveDrawdownScaleOptions } from "../../src/risk/drawdown-scale-factor.js";

describe("drawdownScaleFactor", () => {
  it.each([
    [0, 1],
    [0.1, 0.625],
    [0.19999, 1 - (0.75 * 0.19999) / 0.2],
    [0.2, 0.25],
    [0.25, 0.25],
    [0.29999, 0.25],
    [0.3, 0],
    [0.5, 0],
    [1.5, 0],
  ])("scales new risk at drawdown %f by %f with the defaults (floor 0.25 at 20%, halt at 30%)", (drawdown, scale) => {
    expect(drawdownScaleFactor(drawdown)).toBeCloseTo(scale, 12);
  });

  it("follows its options: no floor before the halt when floorAt equals haltAt", () => {
    expect(drawdownScaleFactor(0.05, { floor: 0.5, floorAt: 0.1, haltAt: 0.1 })).toBeCloseTo(0.75, 12);
    expect(drawdownScaleFactor(0.1, { floor: 0.5, floorAt: 0.1, haltAt: 0.1 })).toBe(0);
    expect(drawdownScaleFactor(0.99, { haltAt: 1 })).toBe(0.25);
  });

  it.each([
    [{ floor: 1.5 }, /invalid floor/],
    [{ floorAt: 0 }, /invalid floorAt/],
    [{ floorAt: 1.2 }, /invalid floorAt/],
    [{ floorAt: 0.3, haltAt: 0.2 }, /invalid haltAt: 0.2 \(expected a drawdown in \[floorAt, 1\]/],
    [{ haltAt: Number.NaN }, /invalid haltAt/],
  ])("rejects options %o", (options, message) => {
    expect(() => drawdownScaleFactor(0, options)).toThrow(message);
  });

  it.each([-0.01, Number.NaN])("rejects drawdown %f", (drawdown) => {
    expect(() => drawdownScaleFactor(drawdown)).toThrow(/invalid drawdown/);
  });

  it("defaults haltAt to at least floorAt", () => {
    expect(resolveDrawdownScaleOptions({ floorAt: 0.4 })).toEqual({ floor: 0.25, floorAt: 0.4, haltAt: 0.4 });
  });

  it("is monotone non-increasing in the drawdown, between 0 and 1, for any valid options (property)", () => {
    const options = fc.record({ floor: fc.double({ min: 0, max: 1, noNaN: true }), floorAt: fc.double({ min: 1e-6, max: 1, noNaN: true }), extra: fc.double({ min: 0, max: 1, noNaN: true }) })
      .map(({ floor, floorAt, extra }) => ({ floor, floorAt, haltAt: floorAt + (1 - floorAt) * extra }));
    fc.assert(fc.property(options, fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), (o, a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const sLo = drawdownScaleFactor(lo, o), sHi = drawdownScaleFactor(hi, o);
      expect(sHi).toBeLessThanOrEqual(sLo);
      expect(sLo).toBeLessThanOrEqual(1);
      expect(sHi).toBeGreaterThanOrEqual(0);
      expect(drawdownScaleFactor(0, o)).toBe(o.haltAt === 0 ? 0 : 1);
    }), { numRuns: 500 });
  });
});
