import { describe, expect, it } from "vitest";
import { confusionMatrix } from "../../src/regime/confusion-matrix.js";

describe("confusionMatrix", () => {
  // Hand count: 8 bars, 2 null predictions skipped; scored pairs (true -> predicted):
  // up->up, up->up, up->ranging, down->down, ranging->ranging, ranging->up.
  const truth = ["trending-up", "trending-up", "trending-up", "trending-down", "ranging", "ranging", "ranging", "trending-up"];
  const predicted = [null, "trending-up", "trending-up", "trending-down", "ranging", "trending-up", null, "ranging"];
  const m = confusionMatrix(truth, predicted);

  it("counts rows as true labels and columns as predictions, in REGIMES order, skipping null predictions", () => {
    expect(m.labels).toEqual(["trending-up", "trending-down", "ranging", "high-volatility"]);
    expect(m.counts).toEqual([
      [2, 0, 1, 0],
      [0, 1, 0, 0],
      [1, 0, 1, 0],
      [0, 0, 0, 0],
    ]);
    expect(m.n).toBe(6);
    expect(m.skipped).toBe(2);
  });

  it("computes accuracy, majority rate, balanced accuracy, recall and precision by hand", () => {
    expect(m.accuracy).toBeCloseTo(4 / 6, 15);
    expect(m.majorityLabel).toBe("trending-up");
    expect(m.majorityRate).toBeCloseTo(3 / 6, 15);
    expect(m.balancedAccuracy).toBeCloseTo((2 / 3 + 1 + 1 / 2) / 3, 15);
    expect(m.perClass["trending-up"]).toEqual({ recall: 2 / 3, precision: 2 / 3, support: 3, predicted: 3 });
    expect(m.perClass["trending-down"]).toEqual({ recall: 1, precision: 1, support: 1, predicted: 1 });
    expect(m.perClass["ranging"]).toEqual({ recall: 1 / 2, precision: 1 / 2, support: 2, predicted: 2 });
    expect(m.perClass["high-volatility"]).toEqual({ recall: null, precision: null, support: 0, predicted: 0 });
  });

  it("returns plain data that survives a JSON round trip", () => {
    expect(JSON.parse(JSON.stringify(m))).toStrictEqual(m);
  });

  it("appends unknown labels unless the labels are given, and reports null rates when nothing is scored", () => {
    expect(confusionMatrix(["a", "b"], ["b", "b"]).labels).toEqual(["trending-up", "trending-down", "ranging", "high-volatility", "a", "b"]);
    expect(confusionMatrix(["a", "b"], ["b", "b"], { labels: ["b", "a"] }).counts).toEqual([[1, 0], [1, 0]]);
    expect(() => confusionMatrix(["a"], ["c"], { labels: ["a", "b"] })).toThrow(/invalid predicted: "c"/);
    const empty = confusionMatrix(["ranging"], [null]);
    expect(empty).toMatchObject({ n: 0, skipped: 1, accuracy: null, majorityRate: null, balancedAccuracy: null, majorityLabel: null });
  });

  it("rejects predictions of another length, naming both lengths", () => {
    expect(() => confusionMatrix(["ranging"], [])).toThrow(/invalid predicted: "0 labels" \(expected as many labels as trueLabels \(1\)\)/);
  });
});
