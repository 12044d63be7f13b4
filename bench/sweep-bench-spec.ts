import type { SweepSpec } from "../src/sweep/sweep-spec.js";

/** The sweep bench's grid: 16 x 16 = 256 runs of SMA cross on 5,105 daily bars (every fast < every slow). */
export const SWEEP_BENCH_SPEC: SweepSpec = { strategy: "sma-cross", grid: { fast: { from: 2, to: 17, step: 1 }, slow: { from: 20, to: 170, step: 10 } }, fixed: { fraction: 0.5 } };
