import { describe, expect, it } from "vitest";
import { SymbolState } from "../../src/strategy/symbol-state.js";

describe("SymbolState", () => {
  it("creates each symbol's state once and returns the same one after", () => {
    let made = 0;
    const states = new SymbolState((symbol) => ({ symbol, n: ++made }));
    const a = states.get("A");
    expect(states.get("B")).toEqual({ symbol: "B", n: 2 });
    expect(states.get("A")).toBe(a);
    expect(states.get("A")).toBe(a);
    expect(made).toBe(2);
    expect(states.peek("C")).toBeUndefined();
    expect(states.symbols()).toEqual(["A", "B"]);
    states.clear();
    expect(states.get("A")).not.toBe(a);
  });

  it("finds a state by index hint, and by symbol when the hint is wrong or after clear()", () => {
    let made = 0;
    const states = new SymbolState((symbol) => ({ symbol, n: ++made }));
    const a = states.at(0, "A");
    expect(states.at(1, "B")).toEqual({ symbol: "B", n: 2 });
    expect(states.at(0, "A")).toBe(a);
    expect(states.get("A")).toBe(a);
    expect(states.at(1, "A")).toBe(a);
    expect(states.at(1, "B").symbol).toBe("B");
    expect(states.at(-1, "A")).toBe(a);
    expect(made).toBe(2);
    states.clear();
    expect(states.at(0, "A")).not.toBe(a);
  });
});
