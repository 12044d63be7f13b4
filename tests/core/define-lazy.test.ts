import { describe, expect, it } from "vitest";
import { defineLazy } from "../../src/core/define-lazy.js";

describe("defineLazy", () => {
  it("computes on first read, once, and then holds a plain value", () => {
    let calls = 0;
    const o = defineLazy({ a: 1 }, "b", () => ++calls * 10);
    expect(calls).toBe(0);
    expect(o.b).toBe(10);
    expect(o.b).toBe(10);
    expect(calls).toBe(1);
    expect(Object.getOwnPropertyDescriptor(o, "b")).toMatchObject({ value: 10, enumerable: true });
    expect(JSON.parse(JSON.stringify(o))).toEqual({ a: 1, b: 10 });
  });
});
