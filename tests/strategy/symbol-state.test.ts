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
});
