// HMM benchmark (issue 4): Baum-Welch fit time on a 1,000-bar window, and the bare forward filter's
// observations/s (no Bar objects, no history), next to the classifier rows of regime-bench.ts.
import { barColumns } from "../src/data/bar-table.js";
import { fitGaussianHmm } from "../src/regime/hmm/fit-gaussian-hmm.js";
import { hmmObservations } from "../src/regime/hmm/hmm-features.js";
import { HmmFilter } from "../src/regime/hmm/hmm-filter.js";
import { regimeSwitchingBars } from "../src/synthetic/regime-switching-bars.js";
import { type BenchRow, medianSeconds } from "./harness.js";

const FIT_BARS = 1000;
const FILTER_STEPS = 1_000_000;

export function runHmmBench(): BenchRow[] {
  const { table } = regimeSwitchingBars({ n: FIT_BARS + 10, seed: 1 });
  const { observations } = hmmObservations(barColumns(table).close);
  const window = observations.slice(0, FIT_BARS);
  let iterations = 0;
  const fitSeconds = medianSeconds(() => {
    const model = fitGaussianHmm(window, { states: 4, restarts: 4 });
    iterations = model.fit!.iterations;
  }, 5);
  const oneStartSeconds = medianSeconds(() => fitGaussianHmm(window, { states: 4, restarts: 1 }), 5);

  const model = fitGaussianHmm(window, { states: 4 });
  const x = new Float64Array(FILTER_STEPS * 2);
  for (let i = 0; i < FILTER_STEPS; i++) x.set(window[i % FIT_BARS]!, 2 * i);
  let check = 0;
  const filterSeconds = medianSeconds(() => {
    const filter = new HmmFilter(model);
    for (let i = 0; i < FILTER_STEPS; i++) check += filter.update(x, 2 * i)[0]!;
  });
  if (!(check > 0)) throw new Error("filter produced nothing");
  const extra = { fitBars: FIT_BARS, states: 4, features: 2 };
  return [
    {
      suite: "hmm", case: "fitGaussianHmm, 1,000 bars, 4 states, 4 restarts", items: FIT_BARS, unit: "bars", seconds: fitSeconds, perSecond: FIT_BARS / fitSeconds,
      target: "<= 1 s", met: fitSeconds <= 1, note: `${iterations} EM iterations (winning start); 1 restart: ${(oneStartSeconds * 1000).toFixed(0)} ms`, extra,
    },
    {
      suite: "hmm", case: "HmmFilter.update (bare forward filter, 4 states, 2 features)", items: FILTER_STEPS, unit: "observations", seconds: filterSeconds,
      perSecond: FILTER_STEPS / filterSeconds, target: ">= 1M/s", met: FILTER_STEPS / filterSeconds >= 1e6, extra,
    },
  ];
}
