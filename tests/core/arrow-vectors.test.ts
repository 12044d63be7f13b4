import { describe, expect, it } from "vitest";
import { dictionaryVector, float64Vector, int32Vector } from "../../src/core/arrow-vectors.js";

describe("arrow vectors", () => {
  it("turn NaN, negative codes and negative ints into nulls when asked", () => {
    expect(float64Vector(new Float64Array([1, NaN]), true).toArray().length).toBe(2);
    expect([...float64Vector(new Float64Array([1, NaN]), true)]).toEqual([1, null]);
    expect([...float64Vector(new Float64Array([1, NaN]))]).toEqual([1, NaN]);
    expect([...int32Vector(new Int32Array([3, -1]), true)]).toEqual([3, null]);
    expect([...dictionaryVector(new Int32Array([0, 1, 0, -1]), ["x", "y"])]).toEqual(["x", "y", "x", null]);
  });
});
