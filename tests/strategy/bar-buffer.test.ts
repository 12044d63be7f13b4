import { describe, expect, it } from "vitest";
import type { Bar } from "../../src/core/types.js";
import { BarBuffer } from "../../src/strategy/bar-buffer.js";

const bar = (i: number): Bar => ({ symbol: "A", tsOpen: i * 10, tsClose: i * 10 + 5, open: i, high: i + 1, low: i - 1, close: i + 0.5, volume: 100 + i });

describe("BarBuffer", () => {
  it("keeps the last `capacity` bars and reads them back from the newest", () => {
    const buffer = new BarBuffer(3);
    expect(buffer.get("close")).toBeUndefined();
    for (let i = 1; i <= 5; i++) buffer.push(bar(i));
    expect([buffer.length, buffer.full]).toEqual([3, true]);
    expect(buffer.get("close", 0)).toBe(5.5);
    expect(buffer.get("high", 2)).toBe(4);
    expect(buffer.get("close", 3)).toBeUndefined();
    expect(Array.from(buffer.values("volume"))).toEqual([103, 104, 105]);
    expect(buffer.toBars("A")).toEqual([bar(3), bar(4), bar(5)]);
    buffer.clear();
    expect(buffer.length).toBe(0);
  });

  it("rejects a capacity that is not a positive integer", () => {
    expect(() => new BarBuffer(0)).toThrow(/invalid capacity: 0/);
  });
});
