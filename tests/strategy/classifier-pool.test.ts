import { describe, expect, it } from "vitest";
import { NullClassifier } from "../../src/regime/null-classifier.js";
import { ClassifierPool } from "../../src/strategy/classifier-pool.js";

describe("ClassifierPool", () => {
  it("makes one classifier per symbol on first use and keeps the same instances across reset()", () => {
    const made: string[] = [];
    const pool = new ClassifierPool((symbol) => (made.push(symbol), new NullClassifier()));
    const a = pool.get("A");
    expect(pool.get("B")).not.toBe(a);
    expect(pool.get("A")).toBe(a);
    expect(pool.peek("C")).toBeUndefined();
    expect(made).toEqual(["A", "B"]);
    a.update({ symbol: "A", tsOpen: 0, tsClose: 1, open: 1, high: 1, low: 1, close: 1, volume: 0 });
    pool.reset();
    expect(pool.get("A")).toBe(a);
    expect(a.current()).toBeNull();
    expect(pool.symbols()).toEqual(["A", "B"]);
  });

  it("binds a single classifier to the first symbol, and frees it on reset()", () => {
    const single = new NullClassifier();
    const pool = new ClassifierPool(single);
    expect(pool.get("A")).toBe(single);
    expect(() => pool.get("B")).toThrow(/classifies "A" and was handed a bar of "B"/);
    pool.reset();
    expect(pool.get("B")).toBe(single);
  });

  it("rejects a factory that returns something else than a classifier", () => {
    expect(() => new ClassifierPool((() => ({})) as never).get("A")).toThrow(/invalid classifier\("A"\)/);
  });
});
