import { describe, expect, it } from "vitest";
import { isPlainInstance } from "../../src/engine/plain-instance.js";
import { BpsSlippage } from "../../src/execution/bps-slippage.js";
import { FixedFractionRisk } from "../../src/risk/fixed-fraction-risk.js";

const FIELDS = ["name", "fraction"];

describe("isPlainInstance", () => {
  it("is true for an instance of exactly the class, with only its own fields", () => {
    expect(isPlainInstance(new FixedFractionRisk({ fraction: 0.2 }), FixedFractionRisk.prototype, FIELDS)).toBe(true);
    expect(isPlainInstance(new BpsSlippage({ bps: 3 }), BpsSlippage.prototype, ["bps", "up", "down", "name"])).toBe(true);
  });

  it("is false for a subclass, an overridden method, another class or a non-object", () => {
    class Custom extends FixedFractionRisk {}
    const patched = new FixedFractionRisk();
    (patched as { canTrade: unknown }).canTrade = () => ({ allowed: true });
    expect(isPlainInstance(new Custom(), FixedFractionRisk.prototype, FIELDS)).toBe(false);
    expect(isPlainInstance(patched, FixedFractionRisk.prototype, FIELDS)).toBe(false);
    expect(isPlainInstance(Object.create(new FixedFractionRisk()), FixedFractionRisk.prototype, FIELDS)).toBe(false);
    expect(isPlainInstance(new BpsSlippage(), FixedFractionRisk.prototype, FIELDS)).toBe(false);
    expect(isPlainInstance(null, FixedFractionRisk.prototype, FIELDS)).toBe(false);
    expect(isPlainInstance(3, FixedFractionRisk.prototype, FIELDS)).toBe(false);
  });
});
