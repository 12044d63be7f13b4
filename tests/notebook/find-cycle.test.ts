import { describe, expect, it } from "vitest";
import { findCycle } from "../../src/notebook/find-cycle.js";

const graph = (edges: Record<string, string[]>) => (name: string) => edges[name] ?? [];

describe("findCycle", () => {
  it("returns the path back to the start", () => {
    expect(findCycle("a", graph({ a: ["x", "b"], b: ["c"], c: ["a"] }))).toEqual(["a", "b", "c", "a"]);
  });

  it("finds a name that reads itself", () => {
    expect(findCycle("a", graph({ a: ["a"] }))).toEqual(["a", "a"]);
  });

  it("returns undefined for a diamond, which is not a cycle", () => {
    expect(findCycle("d", graph({ d: ["b", "c"], b: ["a"], c: ["a"] }))).toBeUndefined();
  });

  it("returns undefined when the cycle does not pass through the start", () => {
    expect(findCycle("a", graph({ a: ["b"], b: ["c"], c: ["b"] }))).toBeUndefined();
  });
});
