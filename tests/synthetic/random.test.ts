import { describe, expect, it } from "vitest";
import { createRng } from "../../src/synthetic/random.js";

const N = 100_000;

function moments(draw: () => number): { mean: number; variance: number; skew: number; kurtosis: number } {
  const xs = new Float64Array(N);
  for (let i = 0; i < N; i++) xs[i] = draw();
  const mean = xs.reduce((a, b) => a + b, 0) / N;
  let m2 = 0, m3 = 0, m4 = 0;
  for (const x of xs) {
    const d = x - mean;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  m2 /= N; m3 /= N; m4 /= N;
  return { mean, variance: m2, skew: m3 / m2 ** 1.5, kurtosis: m4 / (m2 * m2) };
}

describe("createRng", () => {
  it("repeats the same numbers for the same seed", () => {
    const a = createRng(42), b = createRng(42);
    for (let i = 0; i < 1000; i++) {
      expect(a.next()).toBe(b.next());
      expect(a.normal()).toBe(b.normal());
      expect(a.int(7)).toBe(b.int(7));
    }
  });

  it("keeps the sequence of seed 42 fixed across versions", () => {
    const r = createRng(42);
    expect([r.uint32(), r.uint32(), r.uint32()]).toEqual([3395606805, 1165821359, 3573552109]);
    expect(r.next()).toBe(0.9994615643764374);
    expect(r.normal()).toBe(-1.2551143930723208);
  });

  it("gives different sequences for different seeds, negative and large seeds, and streams", () => {
    const first = (seed: number, stream = 0) => {
      const r = createRng(seed, stream);
      return [r.uint32(), r.uint32(), r.uint32(), r.uint32()];
    };
    const seqs = [first(0), first(1), first(-1), first(2 ** 32), first(2 ** 32 + 1), first(Number.MAX_SAFE_INTEGER), first(1, 1), first(1, 2)];
    expect(new Set(seqs.map((s) => s.join(","))).size).toBe(seqs.length);
  });

  it("draws uniforms in [0, 1) with mean 1/2 and variance 1/12", () => {
    const r = createRng(7);
    let min = 1, max = 0;
    const m = moments(() => {
      const u = r.next();
      min = Math.min(min, u);
      max = Math.max(max, u);
      return u;
    });
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(m.mean).toBeCloseTo(0.5, 2); // standard error 0.0009
    expect(Math.abs(m.variance - 1 / 12)).toBeLessThan(0.002);
  });

  it("draws standard normals with mean 0, variance 1, no skew and kurtosis 3", () => {
    const r = createRng(11);
    const m = moments(() => r.normal());
    expect(Math.abs(m.mean)).toBeLessThan(0.015); // standard error 0.0032
    expect(Math.abs(m.variance - 1)).toBeLessThan(0.02); // standard error 0.0045
    expect(Math.abs(m.skew)).toBeLessThan(0.05); // standard error 0.0077
    expect(Math.abs(m.kurtosis - 3)).toBeLessThan(0.1); // standard error 0.015
  });

  it("draws integers in [0, n) with equal frequencies", () => {
    const r = createRng(3);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < N; i++) counts[r.int(10)]!++;
    const chi2 = counts.reduce((a, c) => a + (c - N / 10) ** 2 / (N / 10), 0);
    expect(chi2).toBeLessThan(27.9); // 99.9th percentile of chi-square with 9 degrees of freedom
    expect(r.int(1)).toBe(0);
  });

  it.each([1.5, Number.NaN, "42", 2 ** 53])("rejects the seed %s", (seed) => {
    expect(() => createRng(seed as number)).toThrow(/invalid seed/);
  });

  it("rejects a bad integer range", () => {
    const r = createRng(1);
    expect(() => r.int(0)).toThrow(/invalid n/);
    expect(() => r.int(2.5)).toThrow(/invalid n/);
  });
});
