import { describe, expect, it } from "vitest";
import { GrowableFloat64 } from "../../src/core/growable-float64.js";
import { GrowableInt32 } from "../../src/core/growable-int32.js";

describe("GrowableFloat64 and GrowableInt32", () => {
  it("append values past their capacity and keep earlier views valid", () => {
    const f = new GrowableFloat64(16);
    for (let i = 0; i < 10; i++) f.push(i + 0.5);
    const view = f.values();
    for (let i = 10; i < 100; i++) f.push(i + 0.5);
    expect(Array.from(view)).toEqual(Array.from({ length: 10 }, (_, i) => i + 0.5));
    expect(f.length).toBe(100);
    expect(f.at(99)).toBe(99.5);
    expect(f.at(100)).toBeUndefined();
    expect(f.copy().length).toBe(100);
    const n = new GrowableInt32(16);
    for (let i = 0; i < 50; i++) n.push(-i);
    expect(n.values()[49]).toBe(-49);
    n.clear();
    expect(n.length).toBe(0);
  });
});
