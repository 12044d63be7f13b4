import { writeFileSync } from "node:fs";
import { extname } from "node:path";
import * as arrow from "apache-arrow";
import { formatCount } from "../core/format-number.js";
import { REGIMES } from "../regime/regimes.js";
import { CLASSIFIER_OPTIONS, makeClassifier } from "./classifier-options.js";
import { CliError, usageError } from "./cli-error.js";
import type { CommandIo } from "./backtest-command.js";
import { DATA_OPTIONS, dataFiles } from "./data-options.js";
import { loadCliData } from "./load-cli-data.js";
import { optionsHelp, parseOptions, type OptionSpecs } from "./parse-options.js";
import { progressLine } from "./progress-line.js";
import { regimesReport, type RegimesReport } from "./regimes-report.js";

/** The options of `regime-lab regimes`, in help order. */
export const REGIMES_OPTIONS: OptionSpecs = {
  ...DATA_OPTIONS,
  data: { ...DATA_OPTIONS.data!, help: "bar file (.csv, .arrow) of one symbol (required)" },
  ...CLASSIFIER_OPTIONS,
  json: { type: "boolean", help: "print one JSON document with the regime of every bar instead of text" },
  out: { type: "string", value: "FILE.arrow", help: "also write the classifier's history (ts, regime, features, probabilities) as Arrow IPC" },
  progress: { type: "boolean", help: "show progress on stderr even when it is not a terminal" },
  help: { type: "boolean", help: "show this help" },
};

/** The help of `regime-lab regimes`. */
export const REGIMES_HELP = optionsHelp(
  "regime-lab regimes --data FILE [--classifier rules|hmm] [--json | --out FILE.arrow]",
  "Classifies every bar of one file into a market regime (trending-up, trending-down, ranging, high-volatility),\ncausally (each bar from itself and earlier bars only), and prints the counts and the explanation of the last bar.",
  REGIMES_OPTIONS,
);

function formatText(report: RegimesReport): string {
  const s = report.summary, classified = s.bars - s.warmUpBars;
  const lines = [
    `${report.classifier.name} on ${report.data.symbol} (${report.data.file}): ${formatCount(s.bars)} bars, ${formatCount(s.warmUpBars)} warming up`,
    "",
    `  ${"regime".padEnd(16)}  ${"bars".padStart(6)}  ${"share".padStart(6)}  ${"runs".padStart(5)}`,
    ...REGIMES.map((r) => `  ${r.padEnd(16)}  ${formatCount(s.barsByRegime[r]).padStart(6)}  ${(classified > 0 ? `${((100 * s.barsByRegime[r]) / classified).toFixed(1)}%` : "n/a").padStart(6)}  ${String(s.runsByRegime[r]).padStart(5)}`),
    "",
    `last bar ${report.current.lastBar?.tsClose ?? "n/a"}: ${report.current.regime ?? "warming up"}`,
    `  ${report.current.rule}`,
  ];
  return lines.join("\n");
}

/**
 * Runs `regime-lab regimes` with its arguments (after the command name) and returns the exit code;
 * throws CliError for bad arguments or data.
 * @example runRegimesCommand(["--data", "data/sp500-2000.arrow", "--classifier", "hmm", "--json"], io)
 */
export function runRegimesCommand(argv: readonly string[], io: CommandIo): number {
  const values = parseOptions(argv, REGIMES_OPTIONS, "regimes");
  if (values.help === true) {
    io.stdout.write(`${REGIMES_HELP}\n`);
    return 0;
  }
  const files = dataFiles(values, "regimes", true);
  const out = typeof values.out === "string" ? values.out : undefined;
  if (out !== undefined && extname(out).toLowerCase() !== ".arrow") throw usageError(`invalid --out: ${JSON.stringify(out)} (expected a file name ending in .arrow)`, "regimes");
  const classifier = makeClassifier(values, "regimes");
  const { handlers, loaded, warnings } = loadCliData(files, { interval: typeof values.interval === "string" ? values.interval : undefined });
  for (const w of warnings) io.stderr.write(`regime-lab: warning: ${w}\n`);
  const handler = handlers[0]!, total = loaded[0]!.bars;
  const progress = progressLine(io.stderr, "regimes", io.stderr.isTTY === true);
  const show = values.progress === true || io.stderr.isTTY === true;
  const every = Math.max(10_000, Math.ceil(total / 50));
  let n = 0;
  for (const bar of handler.bars()) {
    classifier.update(bar);
    if (show && ++n % every === 0) progress.update(n, total, new Date(bar.tsClose).toISOString());
  }
  if (show) progress.update(total, total, loaded[0]!.end);
  progress.done();
  const history = classifier.history();
  if (out !== undefined) {
    try {
      writeFileSync(out, arrow.tableToIPC(history, "file"));
    } catch (e) {
      throw new CliError(`cannot write --out ${out}: ${e instanceof Error ? e.message : String(e)}`, 1);
    }
  }
  const report = regimesReport(classifier, history, loaded[0]!);
  io.stdout.write(values.json === true ? `${JSON.stringify(report, null, 2)}\n` : `${formatText(report)}\n`);
  return 0;
}
