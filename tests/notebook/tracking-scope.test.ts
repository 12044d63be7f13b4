import { describe, expect, it } from "vitest";
import { trackingScope } from "../../src/notebook/tracking-scope.js";

const values: Record<string, number> = { fast: 10, slow: 30, other: 1 };
const make = () => trackingScope("chart", () => Object.keys(values), (name) => values[name]);

describe("trackingScope", () => {
  it("records the names a destructuring reads, in order", () => {
    const scope = make();
    const pick = ({ slow, fast }: Record<string, unknown>) => [slow, fast];
    expect(pick(scope.values)).toEqual([30, 10]);
    expect([...scope.reads]).toEqual(["slow", "fast"]);
  });

  it("records every name when all values are spread", () => {
    const scope = make();
    expect({ ...scope.values }).toEqual(values);
    expect([...scope.reads].sort()).toEqual(["fast", "other", "slow"]);
  });

  it("throws on a read after close, with a hint to read in the argument list", () => {
    const scope = make();
    scope.close();
    expect(() => scope.values.fast).toThrow(/invalid read in "chart": "fast" \(expected values read before the first await\); read them in the argument list/);
  });

  it("rejects writes", () => {
    const scope = make();
    expect(() => {
      scope.values.fast = 3;
    }).toThrow(/invalid write in "chart": "fast"/);
  });

  it("does not treat symbols or then as names, so the object can pass through await", async () => {
    const scope = make();
    expect(await Promise.resolve(scope.values)).toBe(scope.values);
    expect(String(Object.prototype.toString.call(scope.values))).toBe("[object Object]");
    expect([...scope.reads]).toEqual([]);
  });
});
