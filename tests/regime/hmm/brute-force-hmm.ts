// Test oracle: exact posteriors of a small Gaussian HMM by enumerating every state path (K^T of them),
// with no recursion, scaling or log tricks, so it shares no code or idea with forward-backward.

/** A small 1-D Gaussian HMM in plain arrays. */
export interface SmallHmm {
  readonly initial: number[];
  readonly transitions: number[][];
  readonly means: number[];
  readonly variances: number[];
}

const density = (x: number, mean: number, variance: number): number => Math.exp(-((x - mean) ** 2) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance);

/** Returns P(x), the posteriors gamma[t][k] and the expected transition counts sum_t xi_t(i, j), by enumeration. */
export function bruteForcePosteriors(model: SmallHmm, x: readonly number[]) {
  const k = model.initial.length;
  const t = x.length;
  const gamma = x.map(() => new Array<number>(k).fill(0));
  const counts = model.initial.map(() => new Array<number>(k).fill(0));
  let total = 0;
  const path = new Array<number>(t).fill(0);
  for (let code = 0; code < k ** t; code++) {
    for (let s = 0, c = code; s < t; s++, c = Math.floor(c / k)) path[s] = c % k;
    let p = model.initial[path[0]!]! * density(x[0]!, model.means[path[0]!]!, model.variances[path[0]!]!);
    for (let s = 1; s < t; s++) p *= model.transitions[path[s - 1]!]![path[s]!]! * density(x[s]!, model.means[path[s]!]!, model.variances[path[s]!]!);
    total += p;
    for (let s = 0; s < t; s++) gamma[s]![path[s]!]! += p;
    for (let s = 0; s + 1 < t; s++) counts[path[s]!]![path[s + 1]!]! += p;
  }
  return {
    likelihood: total,
    gamma: gamma.map((row) => row.map((g) => g / total)),
    counts: counts.map((row) => row.map((c) => c / total)),
  };
}

/** Returns the filtered probabilities P(state_t | x_0..x_t) by enumerating the paths of each prefix. */
export function bruteForceFiltered(model: SmallHmm, x: readonly number[]): number[][] {
  return x.map((_, s) => {
    const { gamma } = bruteForcePosteriors(model, x.slice(0, s + 1));
    return gamma[s]!;
  });
}
