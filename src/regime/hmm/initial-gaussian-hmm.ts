import type { Rng } from "../../synthetic/random.js";
import type { HmmArrays } from "./hmm-arrays.js";

/** Probability of staying in the same state in the starting transition matrix. */
const STAY = 0.9;
/** Lloyd iterations after the k-means++ seeding. */
const LLOYD_ITERATIONS = 20;

/**
 * Returns starting parameters for Baum-Welch on T observations (row-major, T x D): k-means++ seeding
 * (each next centre drawn with probability proportional to the squared distance to the nearest centre
 * chosen so far, on features scaled to unit variance), 20 Lloyd iterations, then each state's means and
 * variances from its cluster (variances floored; an empty cluster takes the overall variance), a uniform
 * initial distribution and a sticky transition matrix (0.9 to stay, the rest spread evenly). The same
 * `rng` state gives the same start.
 * @see Arthur & Vassilvitskii (2007), "k-means++: the advantages of careful seeding", SODA.
 * @example const start = initialGaussianHmm(x, T, 1, 4, createRng(1), floor);
 */
export function initialGaussianHmm(x: Float64Array, t: number, d: number, k: number, rng: Rng, floor: Float64Array): HmmArrays {
  const mean = new Float64Array(d);
  const variance = new Float64Array(d);
  for (let r = 0; r < t; r++) for (let f = 0; f < d; f++) mean[f]! += x[r * d + f]! / t;
  for (let r = 0; r < t; r++) for (let f = 0; f < d; f++) variance[f]! += (x[r * d + f]! - mean[f]!) ** 2 / t;
  const scale = variance.map((v) => (v > 0 ? 1 / Math.sqrt(v) : 1));
  const distance = (r: number, centres: Float64Array, c: number): number => {
    let sum = 0;
    for (let f = 0; f < d; f++) sum += ((x[r * d + f]! - centres[c * d + f]!) * scale[f]!) ** 2;
    return sum;
  };

  const centres = new Float64Array(k * d);
  const nearest = new Float64Array(t).fill(Infinity);
  const pick = (c: number, r: number) => centres.set(x.subarray(r * d, r * d + d), c * d);
  pick(0, rng.int(t));
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let r = 0; r < t; r++) total += nearest[r] = Math.min(nearest[r]!, distance(r, centres, c - 1));
    let u = rng.next() * total;
    let chosen = t - 1;
    for (let r = 0; r < t && total > 0; r++) if ((u -= nearest[r]!) < 0) { chosen = r; break; }
    pick(c, total > 0 ? chosen : rng.int(t));
  }

  const label = new Int32Array(t);
  for (let iteration = 0; iteration < LLOYD_ITERATIONS; iteration++) {
    let changed = false;
    for (let r = 0; r < t; r++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (distance(r, centres, c) < distance(r, centres, best)) best = c;
      if (best !== label[r]) changed = true;
      label[r] = best;
    }
    const sums = new Float64Array(k * d);
    const counts = new Float64Array(k);
    for (let r = 0; r < t; r++) {
      counts[label[r]!]!++;
      for (let f = 0; f < d; f++) sums[label[r]! * d + f]! += x[r * d + f]!;
    }
    for (let c = 0; c < k; c++) if (counts[c]! > 0) for (let f = 0; f < d; f++) centres[c * d + f] = sums[c * d + f]! / counts[c]!;
    if (!changed && iteration > 0) break;
  }

  const counts = new Float64Array(k);
  const variances = new Float64Array(k * d);
  for (let r = 0; r < t; r++) {
    counts[label[r]!]!++;
    for (let f = 0; f < d; f++) variances[label[r]! * d + f]! += (x[r * d + f]! - centres[label[r]! * d + f]!) ** 2;
  }
  for (let c = 0; c < k; c++) {
    for (let f = 0; f < d; f++) {
      const v = counts[c]! > 1 ? variances[c * d + f]! / counts[c]! : variance[f]!;
      variances[c * d + f] = Math.max(v, floor[f]!);
    }
  }
  const transitions = new Float64Array(k * k).fill(k > 1 ? (1 - STAY) / (k - 1) : 1);
  if (k > 1) for (let i = 0; i < k; i++) transitions[i * k + i] = STAY;
  return { states: k, dimensions: d, initial: new Float64Array(k).fill(1 / k), transitions, means: centres, variances };
}
