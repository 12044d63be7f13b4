import { describe, expect, it } from "vitest";
import { LinearCommission } from "../../src/execution/linear-commission.js";

describe("LinearCommission", () => {
  it.each([
    [{}, 100, 50, 0, "no commission"],
    [{ perShare: 0.005 }, 100, 50, 0.5, "0.005/unit"],
    [{ fraction: 0.001 }, 100, 50, 5, "0.1% of value"],
    [{ perShare: 0.005, minimum: 1 }, 100, 50, 1, "0.005/unit, min 1"],
    [{ perShare: 0.005, minimum: 1 }, 1000, 50, 5, "0.005/unit, min 1"],
  ])("charges %j on %i units at %i: %f", (options, quantity, price, expected, name) => {
    const model = new LinearCommission(options);
    expect(model.commission(quantity, price)).toBeCloseTo(expected, 12);
    expect(model.name).toBe(name);
  });

  it("rejects a fraction given as a percent", () => {
    expect(() => new LinearCommission({ fraction: 5 })).toThrow(/invalid fraction: 5 .*0.01 for 1%/);
  });
});
