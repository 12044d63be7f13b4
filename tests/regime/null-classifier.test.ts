import { describe, expect, it } from "vitest";
import { NullClassifier } from "../../src/regime/null-classifier.js";
import { randomWalkBars } from "../fixtures/random-walk-bars.js";

describe("NullClassifier", () => {
  it("calls every bar the configured regime, explains itself in JSON-safe terms, and records the timeline", () => {
    const c = new NullClassifier({ regime: "trending-up" });
    expect(c.current()).toBeNull();
    const bars = randomWalkBars(5);
    for (let i = 0; i < bars.numRows; i++) expect(c.update({ symbol: "TEST", ...bars.get(i)!.toJSON() } as never)).toBe("trending-up");
    const inspection = c.inspect();
    expect(JSON.parse(JSON.stringify(inspection))).toStrictEqual(inspection);
    expect(inspection).toMatchObject({ regime: "trending-up", warm: true, barsSeen: 5, barsInRegime: 5, rule: "always trending-up" });
    expect(c.history().getChild("regime")!.toArray()).toEqual(Array(5).fill("trending-up"));
    c.reset();
    expect(c.history().numRows).toBe(0);
    expect(c.inspect().lastBar).toBeNull();
  });

  it("rejects an unknown regime, naming it", () => {
    expect(() => new NullClassifier({ regime: "bull" as never })).toThrow(/invalid regime: "bull"/);
  });
});
