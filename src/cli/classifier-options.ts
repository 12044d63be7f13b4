import { HmmClassifier } from "../regime/hmm-classifier.js";
import type { RegimeClassifier } from "../regime/regime-classifier.js";
import { RuleBasedClassifier } from "../regime/rule-based-classifier.js";
import { usageError } from "./cli-error.js";
import { optionReaders } from "./option-values.js";
import type { OptionSpecs, ParsedOptions } from "./parse-options.js";

/** The options that choose and configure a regime classifier on the command line. */
export const CLASSIFIER_OPTIONS: OptionSpecs = {
  classifier: { type: "string", value: "rules|hmm", help: "rules: ADX/DI and a volatility percentile; hmm: a Gaussian hidden Markov model (default rules)" },
  "adx-period": { type: "string", value: "N", help: "rules: bars in the ADX (default 14)" },
  "trend-threshold": { type: "string", value: "X", help: "rules: ADX at or above which a market trends (default 25)" },
  "high-vol-percentile": { type: "string", value: "F", help: "rules: volatility percentile at or above which it is high-volatility, in (0, 1] (default 0.9)" },
  "vol-lookback": { type: "string", value: "N", help: "rules: bars over which the volatility percentile is ranked (default 252)" },
  states: { type: "string", value: "K", help: "hmm: hidden states, 2 to 6 (default 4)" },
  "train-bars": { type: "string", value: "N", help: "hmm: bars collected before the first fit; filtering starts after them (default 500)" },
  "refit-every": { type: "string", value: "N", help: "hmm: refit on past bars every N bars, 0 never (default 1000, so later states can be learned)" },
  seed: { type: "string", value: "N", help: "hmm: seed of the fits (default 1)" },
  "min-dwell": { type: "string", value: "N", help: "bars a new regime must hold before it is adopted (default: rules 3, hmm 1)" },
};

const RULES_ONLY = ["adx-period", "trend-threshold", "high-vol-percentile", "vol-lookback"];
const HMM_ONLY = ["states", "train-bars", "refit-every", "seed"];
const text = (x: string | boolean | string[] | undefined): string | undefined => (typeof x === "string" ? x : undefined);
/** Returns the options without the unset ones, so that the classifier applies its own defaults. */
const given = <T extends object>(options: T): T => Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as T;

/**
 * Returns the classifier the command line asks for (a fresh RuleBasedClassifier or HmmClassifier),
 * with unset options left to the classifier's defaults; throws a usage CliError for an unknown
 * classifier, a bad value, or an option of the other classifier.
 * @example makeClassifier(parseOptions(["--classifier", "hmm", "--states", "3"], CLASSIFIER_OPTIONS, "regimes"), "regimes")
 */
export function makeClassifier(values: ParsedOptions, command: string): RegimeClassifier {
  const read = optionReaders(command);
  const kind = read.keyword("classifier", text(values.classifier), "rules", ["rules", "hmm"] as const);
  for (const option of kind === "rules" ? HMM_ONLY : RULES_ONLY) {
    if (values[option] !== undefined) throw usageError(`--${option} applies to --classifier ${kind === "rules" ? "hmm" : "rules"} only`, command);
  }
  const optional = (name: string, reader: (n: string, v: string | undefined, d: number) => number) => {
    const v = text(values[name]);
    return v === undefined ? undefined : reader(name, v, 0);
  };
  const minDwell = optional("min-dwell", read.positiveInteger);
  if (kind === "rules") {
    return new RuleBasedClassifier(given({
      adxPeriod: optional("adx-period", read.positiveInteger),
      trendThreshold: optional("trend-threshold", read.positive),
      highVolPercentile: optional("high-vol-percentile", read.fraction),
      volLookback: optional("vol-lookback", read.positiveInteger),
      minDwell,
    }));
  }
  const states = optional("states", read.positiveInteger);
  if (states !== undefined && (states < 2 || states > 6)) read.bad("states", String(states), "a whole number from 2 to 6");
  return new HmmClassifier(given({
    states,
    trainBars: optional("train-bars", read.positiveInteger),
    refitEvery: optional("refit-every", read.nonNegativeInteger) ?? 1000,
    seed: optional("seed", read.nonNegativeInteger),
    minDwell,
  }));
}
