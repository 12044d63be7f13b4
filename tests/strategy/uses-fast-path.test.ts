import { describe, expect, it } from "vitest";
import type { MarketEvent } from "../../src/engine/events.js";
import { SmaCrossStrategy } from "../../src/strategy/sma-cross-strategy.js";
import { usesFastPath } from "../../src/strategy/uses-fast-path.js";

describe("usesFastPath", () => {
  it("is true for a strategy whose class defines both paths", () => {
    expect(usesFastPath(new SmaCrossStrategy())).toBe(true);
    expect(usesFastPath({ name: "x", calculateSignals: () => undefined, calculateSignalsAt: () => undefined })).toBe(true);
  });

  it("is false without the fast path", () => {
    expect(usesFastPath({ name: "x", calculateSignals: () => undefined })).toBe(false);
  });

  it("is false for a subclass that overrides only calculateSignals, and true when it overrides both", () => {
    class Filtered extends SmaCrossStrategy {
      override calculateSignals(event: MarketEvent) {
        return super.calculateSignals(event);
      }
    }
    class Both extends Filtered {
      override calculateSignalsAt(...args: Parameters<SmaCrossStrategy["calculateSignalsAt"]>) {
        return super.calculateSignalsAt(...args);
      }
    }
    expect(usesFastPath(new Filtered())).toBe(false);
    expect(usesFastPath(new Both())).toBe(true);
  });
});
