import * as arrow from "apache-arrow";
import { describe, expect, it } from "vitest";
import { collectStructures } from "../../src/smc/collect-structures.js";
import { FairValueGapDetector } from "../../src/smc/fair-value-gap-detector.js";
import { smcTable } from "../../src/smc/smc-table.js";
import { SwingDetector } from "../../src/smc/swing-detector.js";
import { handBars, tableOf } from "./smc-bars.js";

describe("smcTable", () => {
  it("types the columns and writes open zones as nulls", () => {
    const rows = [
      { kind: "fvg-bullish", ts: 1, knownAt: 2, index: 0, knownIndex: 1, top: 5, bottom: 4, mitigatedAt: null, mitigatedIndex: null },
      { kind: "fvg-bearish", ts: 3, knownAt: 4, index: 2, knownIndex: 3, top: 7, bottom: 6, mitigatedAt: 5, mitigatedIndex: 4 },
    ];
    const table = smcTable(rows);
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      "kind:Dictionary<Int32, Utf8>", "ts:Float64", "knownAt:Float64", "index:Int32", "knownIndex:Int32", "top:Float64", "bottom:Float64", "mitigatedAt:Float64", "mitigatedIndex:Int32",
    ]);
    expect(table.toArray().map((r) => ({ ...r.toJSON() }))).toEqual(rows);
    expect(smcTable([]).schema.fields.map((f) => f.name)).toEqual(["kind", "ts", "knownAt", "index", "knownIndex", "top", "bottom"]);
    expect(table.getChild("kind")!.type).toBeInstanceOf(arrow.Dictionary);
  });
});

describe("collectStructures", () => {
  it("returns the structures in report order, zones with their final mitigation, from a fresh detector", () => {
    const bars = handBars([[10, 8], [13, 9], [15, 12], [16, 13], [11.5, 11.5], [14, 12]]);
    const fvg = new FairValueGapDetector();
    fvg.update(bars[0]!); // collectStructures resets the detector first
    const zones = collectStructures(tableOf(bars), fvg);
    expect(zones.map((z) => [z.kind, z.index, z.mitigatedIndex])).toEqual([["fvg-bullish", 1, 4], ["fvg-bearish", 3, 5]]); // bar 4 high 11.5 < bar 2 low 12
    expect(collectStructures(tableOf(bars), new SwingDetector({ length: 1 })).map((s) => [s.kind, s.index])).toEqual([["swing-high", 3], ["swing-low", 4]]);
  });
});
