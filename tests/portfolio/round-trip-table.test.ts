import { describe, expect, it } from "vitest";
import type { RoundTrip } from "../../src/core/types.js";
import { roundTripTable } from "../../src/portfolio/round-trip-table.js";

describe("roundTripTable", () => {
  const trip: RoundTrip = {
    symbol: "A", side: "short", quantity: 4, entryTs: 1, exitTs: 2, entryPrice: 50, exitPrice: 45, pnl: 18,
    returnFraction: 0.09, commission: 2, barsHeld: 2, mae: 0, mfe: 6, exitReason: "stop",
  };

  it("gives one row per round trip with every field", () => {
    const table = roundTripTable([trip]);
    expect(table.numRows).toBe(1);
    expect(table.toArray()[0].toJSON()).toEqual(trip);
  });

  it("gives an empty table with the same columns for no trips", () => {
    const table = roundTripTable([]);
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => f.name)).toEqual(Object.keys(trip));
  });
});
