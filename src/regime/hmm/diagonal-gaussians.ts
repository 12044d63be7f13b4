import type { HmmArrays } from "./hmm-arrays.js";

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * The emission densities of a Gaussian HMM with diagonal covariance: `logDensities` returns, for one
 * observation x, log N(x; mean_k, diag(variance_k)) = -1/2 sum_d [log(2 pi var_kd) + (x_d - mean_kd)^2 / var_kd]
 * for every state k. Constants and inverse variances are computed once, so a call allocates nothing.
 * @example
 * const gaussians = new DiagonalGaussians(hmmArrays(model));
 * gaussians.logDensities(observations, t * model.dimensions, logB, t * model.states);
 */
export class DiagonalGaussians {
  /** Number of states K and of features D. */
  readonly states: number;
  readonly dimensions: number;
  private readonly means: Float64Array;
  private readonly inverseVariances: Float64Array;
  private readonly constants: Float64Array;

  constructor(arrays: Pick<HmmArrays, "states" | "dimensions" | "means" | "variances">) {
    const k = (this.states = arrays.states);
    const d = (this.dimensions = arrays.dimensions);
    this.means = arrays.means.slice();
    this.inverseVariances = new Float64Array(k * d);
    this.constants = new Float64Array(k);
    for (let s = 0; s < k; s++) {
      let c = 0;
      for (let f = 0; f < d; f++) {
        const v = arrays.variances[s * d + f]!;
        this.inverseVariances[s * d + f] = 1 / v;
        c -= 0.5 * (LOG_2PI + Math.log(v));
      }
      this.constants[s] = c;
    }
  }

  /** Writes the K log densities of the observation at `x[xOffset .. xOffset + D)` into `out[outOffset .. outOffset + K)`. */
  logDensities(x: ArrayLike<number>, xOffset: number, out: Float64Array, outOffset: number): void {
    const d = this.dimensions;
    for (let s = 0; s < this.states; s++) {
      let q = 0;
      for (let f = 0; f < d; f++) {
        const z = x[xOffset + f]! - this.means[s * d + f]!;
        q += z * z * this.inverseVariances[s * d + f]!;
      }
      out[outOffset + s] = this.constants[s]! - 0.5 * q;
    }
  }

  /** Returns the T x K log densities of T observations stored row-major in `x` (T x D). */
  logDensityMatrix(x: ArrayLike<number>, t: number): Float64Array {
    const out = new Float64Array(t * this.states);
    for (let i = 0; i < t; i++) this.logDensities(x, i * this.dimensions, out, i * this.states);
    return out;
  }
}
