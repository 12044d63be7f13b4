import { RISK_PRESETS, type RiskPreset, type RiskPresetOptions } from "../risk/risk-preset.js";
import { optionReaders } from "./option-values.js";
import { usageError } from "./cli-error.js";
import { DATA_OPTIONS, dataFiles, type DataFileOption } from "./data-options.js";
import type { OptionSpecs, ParsedOptions } from "./parse-options.js";

/** The options of `regime-lab backtest`, in help order. */
export const BACKTEST_OPTIONS: OptionSpecs = {
  ...DATA_OPTIONS,
  data: { ...DATA_OPTIONS.data!, help: "bar file (.csv, .arrow); repeat for a multi-symbol run in one portfolio (required)" },
  strategy: { type: "string", value: "NAME", help: "sma-cross or buy-and-hold (default sma-cross)" },
  fast: { type: "string", value: "N", help: "sma-cross: bars in the fast moving average (default 10)" },
  slow: { type: "string", value: "N", help: "sma-cross: bars in the slow moving average (default 30)" },
  "allow-short": { type: "boolean", help: "sma-cross: go short on a cross down instead of exiting (default off)" },
  cash: { type: "string", value: "AMOUNT", help: "starting cash (default 100000)" },
  risk: { type: "string", value: "fixed|fractional|kelly", help: "fixed: each position worth --fraction of equity; fractional: risk --risk-fraction of equity to the stop; kelly: half Kelly with drawdown scaling, heat and daily limits (default fixed)" },
  fraction: { type: "string", value: "F", help: "fixed: fraction of equity per new position, in (0, 1] (default 0.1)" },
  "risk-fraction": { type: "string", value: "F", help: "fractional, kelly: fraction of equity at risk per trade before Kelly is trusted (default 0.01)" },
  "stop-mult": { type: "string", value: "X", help: "fractional, kelly: stop distance in ATRs when a signal has no stop (default 2)" },
  "max-heat": { type: "string", value: "F", help: "fractional, kelly: most open risk to stops, as a fraction of equity (default 0.06)" },
  "max-position-risk": { type: "string", value: "F", help: "fractional, kelly: most risk in one position, as a fraction of equity (default 0.02)" },
  "max-daily-risk": { type: "string", value: "F", help: "fractional, kelly: most new risk per trading day, as a fraction of equity (default 0.02)" },
  "max-positions": { type: "string", value: "N", help: "fractional, kelly: most open positions (default 10)" },
  "kelly-fraction": { type: "string", value: "F", help: "kelly: share of the Kelly fraction used (default 0.5, half Kelly)" },
  "kelly-min-trades": { type: "string", value: "N", help: "kelly: closed trades before the Kelly estimate is trusted (default 30)" },
  "fill-at": { type: "string", value: "open|close", help: "fill orders at the next bar's open or close (default open)" },
  "commission-per-share": { type: "string", value: "X", help: "commission per unit traded (default 0)" },
  "commission-percent": { type: "string", value: "X", help: "commission in percent of traded value (default 0)" },
  "slippage-bps": { type: "string", value: "X", help: "slippage in basis points against the order (default 0)" },
  json: { type: "boolean", help: "print one JSON document (metrics, trades, ...) instead of text" },
  progress: { type: "boolean", help: "show progress on stderr even when it is not a terminal" },
  "no-progress": { type: "boolean", help: "never show progress" },
  help: { type: "boolean", help: "show this help" },
};

/** The backtest the command line asks for, checked. */
export interface BacktestCliOptions {
  readonly files: readonly DataFileOption[];
  readonly interval: string | undefined;
  readonly strategy: { readonly name: "sma-cross"; readonly fast: number; readonly slow: number; readonly allowShort: boolean } | { readonly name: "buy-and-hold" };
  readonly cash: number;
  readonly fraction: number;
  /** The risk preset and the options given for it (unset ones take the preset's defaults). */
  readonly risk: { readonly preset: RiskPreset; readonly options: RiskPresetOptions };
  readonly fillAt: "open" | "close";
  readonly commissionPerShare: number;
  readonly commissionPercent: number;
  readonly slippageBps: number;
  readonly json: boolean;
  /** true: always, false: never, undefined: when stderr is a terminal. */
  readonly progress: boolean | undefined;
}

const text = (x: string | boolean | string[] | undefined): string | undefined => (typeof x === "string" ? x : undefined);

/**
 * Returns the checked options of `regime-lab backtest` from its parsed command line; throws a usage
 * CliError naming the first bad option.
 * @example resolveBacktestOptions(parseOptions(["--data", "a.csv"], BACKTEST_OPTIONS, "backtest")).cash // 100000
 */
export function resolveBacktestOptions(values: ParsedOptions): BacktestCliOptions {
  const read = optionReaders("backtest");
  const files = dataFiles(values, "backtest");
  const name = read.keyword("strategy", text(values.strategy), "sma-cross", ["sma-cross", "buy-and-hold"] as const);
  if (name === "buy-and-hold") {
    for (const option of ["fast", "slow", "allow-short"]) {
      if (values[option] !== undefined) throw usageError(`--${option} applies to --strategy sma-cross only`, "backtest");
    }
  }
  const fast = read.positiveInteger("fast", text(values.fast), 10);
  const slow = read.positiveInteger("slow", text(values.slow), 30);
  if (name === "sma-cross" && !(slow > fast)) throw usageError(`invalid --slow: ${slow} (expected more bars than --fast ${fast})`, "backtest");
  const risk = resolveRisk(values, read);
  if (values.progress === true && values["no-progress"] === true) throw usageError("--progress and --no-progress contradict each other", "backtest");
  return {
    files,
    interval: text(values.interval),
    strategy: name === "sma-cross" ? { name, fast, slow, allowShort: values["allow-short"] === true } : { name },
    cash: read.positive("cash", text(values.cash), 100_000),
    fraction: read.fraction("fraction", text(values.fraction), 0.1),
    risk,
    fillAt: read.keyword("fill-at", text(values["fill-at"]), "open", ["open", "close"] as const),
    commissionPerShare: read.nonNegative("commission-per-share", text(values["commission-per-share"]), 0),
    commissionPercent: read.nonNegative("commission-percent", text(values["commission-percent"]), 0),
    slippageBps: read.nonNegative("slippage-bps", text(values["slippage-bps"]), 0),
    json: values.json === true,
    progress: values.progress === true ? true : values["no-progress"] === true ? false : undefined,
  };
}

const STOP_RISK_OPTIONS = ["risk-fraction", "stop-mult", "max-heat", "max-position-risk", "max-daily-risk", "max-positions"];
const KELLY_OPTIONS = ["kelly-fraction", "kelly-min-trades"];

/** Returns the risk preset and its options; an option of another preset is a usage error. */
function resolveRisk(values: ParsedOptions, read: ReturnType<typeof optionReaders>): BacktestCliOptions["risk"] {
  const preset = read.keyword("risk", text(values.risk), "fixed", RISK_PRESETS);
  const foreign = preset === "fixed" ? [...STOP_RISK_OPTIONS, ...KELLY_OPTIONS] : preset === "fractional" ? ["fraction", ...KELLY_OPTIONS] : ["fraction"];
  for (const option of foreign) if (values[option] !== undefined) throw usageError(`--${option} does not apply to --risk ${preset}`, "backtest");
  const optional = (name: string, reader: (n: string, v: string | undefined, d: number) => number) => {
    const v = text(values[name]);
    return v === undefined ? undefined : reader(name, v, 0);
  };
  const kellyFraction = optional("kelly-fraction", read.fraction), kellyMinTrades = optional("kelly-min-trades", read.positiveInteger);
  const options: Record<string, unknown> = {
    riskFraction: optional("risk-fraction", read.fraction),
    stopMult: optional("stop-mult", read.positive),
    maxHeat: optional("max-heat", read.fraction),
    maxPositionRisk: optional("max-position-risk", read.fraction),
    maxDailyRisk: optional("max-daily-risk", read.fraction),
    maxPositions: optional("max-positions", read.positiveInteger),
    kelly: kellyFraction === undefined && kellyMinTrades === undefined ? undefined
      : Object.fromEntries(Object.entries({ fraction: kellyFraction, minTrades: kellyMinTrades }).filter(([, v]) => v !== undefined)),
  };
  return { preset, options: Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as RiskPresetOptions };
}
