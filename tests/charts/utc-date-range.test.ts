import { describe, expect, it } from "vitest";
import { utcDateRange } from "../../src/charts/utc-date-range.js";

describe("utcDateRange", () => {
  it("gives the UTC dates of both ends, whatever the machine's zone", () => {
    expect(utcDateRange(Date.UTC(2024, 0, 2, 23, 30), Date.UTC(2024, 5, 28, 0, 30))).toBe("2024-01-02 to 2024-06-28 (UTC)");
  });

  it("gives one date when both ends fall on the same day", () => {
    expect(utcDateRange(Date.UTC(2024, 0, 2, 1), Date.UTC(2024, 0, 2, 22))).toBe("2024-01-02 (UTC)");
  });

  it("gives nothing for a time that is not finite", () => {
    expect(utcDateRange(NaN, 0)).toBeUndefined();
  });
});
