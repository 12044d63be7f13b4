import { describe, expect, it } from "vitest";
import { NullRisk } from "../../src/risk/null-risk.js";

describe("NullRisk", () => {
  it("allows everything and sizes a fixed quantity", () => {
    const risk = new NullRisk({ quantity: 7 });
    expect(risk.canTrade().allowed).toBe(true);
    expect(risk.computeQuantity()).toBe(7);
    expect(new NullRisk().computeQuantity()).toBe(1);
  });
});
