import { describe, expect, it } from "vitest";
import { dependentsOrder } from "../../src/notebook/dependents-order.js";

const graph = (edges: Record<string, string[]>) => (name: string) => edges[name] ?? [];

describe("dependentsOrder", () => {
  it("lists each downstream name once, after everything it depends on, in a diamond", () => {
    expect(dependentsOrder("a", graph({ a: ["b", "c"], b: ["d"], c: ["d"] }))).toEqual(["b", "c", "d"]);
  });

  it("puts a name after a longer path to it", () => {
    // d depends on a directly and through b → c.
    expect(dependentsOrder("a", graph({ a: ["d", "b"], b: ["c"], c: ["d"] }))).toEqual(["b", "c", "d"]);
  });

  it("leaves out names that do not depend on the start, and the start itself", () => {
    expect(dependentsOrder("b", graph({ a: ["b", "c"], b: ["d"] }))).toEqual(["d"]);
  });

  it("ends on a cycle, listing each name once", () => {
    expect(dependentsOrder("a", graph({ a: ["b"], b: ["c"], c: ["b"] }))).toEqual(["b", "c"]);
  });
});
