import type * as arrow from "apache-arrow";
import { toIso } from "../core/time.js";
import type { RegimeClassifier, RegimeInspection } from "../regime/regime-classifier.js";
import { regimeRuns } from "../regime/regime-runs.js";
import { REGIMES, type Regime } from "../regime/regimes.js";
import type { LoadedFile } from "./load-cli-data.js";

/** The format tag of {@link RegimesReport}. */
export const REGIMES_REPORT_FORMAT = "regime-lab.regimes/1";

/**
 * The JSON document of `regime-lab regimes --json`, a public interface: fields are only ever added,
 * never renamed or removed, within one `format` version.
 */
export interface RegimesReport {
  /** "regime-lab.regimes/1". */
  readonly format: string;
  readonly classifier: { readonly name: string; readonly parameters: Record<string, number | string | boolean> };
  readonly data: LoadedFile;
  readonly summary: {
    readonly bars: number;
    /** Bars before the first classification (regime null). */
    readonly warmUpBars: number;
    /** Bars per regime, and the number of runs (stretches of consecutive bars) per regime. */
    readonly barsByRegime: Record<Regime, number>;
    readonly runsByRegime: Record<Regime, number>;
  };
  /** The classifier's explanation of the last bar's regime. */
  readonly current: RegimeInspection;
  /** One entry per bar, in time order: its close time (ISO 8601 UTC) and regime (null while warming up). */
  readonly regimes: readonly { readonly time: string; readonly regime: Regime | null }[];
}

/**
 * Returns the JSON document of a classified file: the classifier and its parameters, what was read,
 * counts per regime, the explanation of the last bar and the regime of every bar.
 * @example JSON.stringify(regimesReport(classifier, history, loaded))
 */
export function regimesReport(classifier: RegimeClassifier, history: arrow.Table, loaded: LoadedFile): RegimesReport {
  const ts = history.getChild("ts")!, regime = history.getChild("regime")!;
  const regimes = Array.from({ length: history.numRows }, (_, i) => ({ time: toIso(Number(ts.get(i))), regime: (regime.get(i) as Regime | null) ?? null }));
  const zero = () => Object.fromEntries(REGIMES.map((r) => [r, 0])) as Record<Regime, number>;
  const bars = zero(), runs = zero();
  for (const r of regimes) if (r.regime !== null) bars[r.regime]++;
  for (const run of regimeRuns(history)) runs[run.regime]++;
  return {
    format: REGIMES_REPORT_FORMAT,
    classifier: { name: classifier.name, parameters: classifier.parameters() },
    data: loaded,
    summary: { bars: regimes.length, warmUpBars: regimes.filter((r) => r.regime === null).length, barsByRegime: bars, runsByRegime: runs },
    current: classifier.inspect(),
    regimes,
  };
}
