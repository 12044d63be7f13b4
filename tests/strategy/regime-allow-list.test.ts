import { describe, expect, it } from "vitest";
import { resolveAllowList } from "../../src/strategy/regime-allow-list.js";

describe("resolveAllowList", () => {
  it("applies one list to both directions, in REGIMES order without duplicates", () => {
    expect(resolveAllowList(["ranging", "trending-up", "ranging"])).toEqual({ long: ["trending-up", "ranging"], short: ["trending-up", "ranging"] });
  });

  it("gives a direction left out of a per-direction list no regime", () => {
    expect(resolveAllowList({ long: ["trending-up"] })).toEqual({ long: ["trending-up"], short: [] });
  });

  it.each([
    [["Trending-Up"], /invalid allow\[0\]: "Trending-Up"/],
    [{ long: "trending-up" }, /invalid allow.long: "trending-up" \(expected an array of regimes/],
    [{ exit: [] }, /invalid allow: "exit" \(expected the keys long and short\)/],
    ["trending-up", /invalid allow: "trending-up"/],
  ])("rejects %j", (allow, message) => {
    expect(() => resolveAllowList(allow as never)).toThrow(message);
  });
});
