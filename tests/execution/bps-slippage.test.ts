import { describe, expect, it } from "vitest";
import { BpsSlippage } from "../../src/execution/bps-slippage.js";

describe("BpsSlippage", () => {
  it("moves buys up and sells down by the basis points", () => {
    const model = new BpsSlippage({ bps: 25 });
    expect(model.fillPrice("buy", 200)).toBeCloseTo(200.5, 12);
    expect(model.fillPrice("sell", 200)).toBeCloseTo(199.5, 12);
    expect(model.name).toBe("25 bps");
  });

  it("leaves the price alone at 0 bps", () => {
    expect(new BpsSlippage().fillPrice("buy", 123.45)).toBe(123.45);
  });

  it("rejects 10000 bps or more, which would make sell prices non-positive", () => {
    expect(() => new BpsSlippage({ bps: 10_000 })).toThrow(/invalid bps: 10000/);
  });
});
