import { describe, expect, it } from "vitest";
import type { BarColumns } from "../../src/core/types.js";
import type { SignalEvent } from "../../src/engine/events.js";
import { SmaCrossStrategy } from "../../src/strategy/sma-cross-strategy.js";
import { markViewFree, usesViewFreeFastPath, viewFreeScan, type ScanStop } from "../../src/strategy/view-free-fast-path.js";

class Overriding extends SmaCrossStrategy {
  override calculateSignalsAt(columns: BarColumns, row: number, symbol: string, symbolIndex: number): SignalEvent | undefined {
    return super.calculateSignalsAt(columns, row, symbol, symbolIndex);
  }
}

class OwnScan extends SmaCrossStrategy {
  override scanSignalsAt(columns: BarColumns, from: number, to: number, symbol: string, symbolIndex: number, stop: ScanStop): void {
    super.scanSignalsAt(columns, from, to, symbol, symbolIndex, stop);
  }
}

describe("usesViewFreeFastPath", () => {
  it("holds for SmaCrossStrategy, whose fast path is declared view-free", () => {
    expect(usesViewFreeFastPath(new SmaCrossStrategy())).toBe(true);
  });

  it("does not hold for a subclass that overrides the fast path, nor for a strategy without one", () => {
    expect(usesViewFreeFastPath(new Overriding())).toBe(false);
    expect(usesViewFreeFastPath({ name: "x", calculateSignals: () => undefined })).toBe(false);
  });

  it("holds for a fast path declared with markViewFree", () => {
    class Quiet {
      readonly name = "quiet";
      calculateSignals(): undefined { return undefined; }
      calculateSignalsAt(): undefined { return undefined; }
    }
    expect(usesViewFreeFastPath(new Quiet())).toBe(false);
    markViewFree(Quiet.prototype.calculateSignalsAt);
    expect(usesViewFreeFastPath(new Quiet())).toBe(true);
    expect(viewFreeScan(new Quiet())).toBeUndefined();
  });
});

describe("viewFreeScan", () => {
  it("returns SmaCrossStrategy's scan, and nothing when a subclass overrides the scan or the fast path", () => {
    expect(viewFreeScan(new SmaCrossStrategy())).toBe(SmaCrossStrategy.prototype.scanSignalsAt);
    expect(viewFreeScan(new OwnScan())).toBeUndefined();
    expect(viewFreeScan(new Overriding())).toBeUndefined();
  });
});
