import { formatCount } from "../core/format-number.js";
import type { CommandIo } from "./backtest-command.js";
import { DATA_OPTIONS, dataFiles } from "./data-options.js";
import { loadCliData } from "./load-cli-data.js";
import { optionReaders } from "./option-values.js";
import { optionsHelp, parseOptions, type OptionSpecs } from "./parse-options.js";
import { smcReport, type SmcRecord, type SmcReport } from "./smc-report.js";

/** The options of `regime-lab smc`, in help order. */
export const SMC_OPTIONS: OptionSpecs = {
  ...DATA_OPTIONS,
  data: { ...DATA_OPTIONS.data!, help: "bar file (.csv, .arrow) of one symbol (required)" },
  "swing-length": { type: "string", value: "N", help: "bars on each side of a swing point; a swing is known N bars after it (default 5)" },
  json: { type: "boolean", help: "print one JSON document with an array of structures per detector instead of counts" },
  help: { type: "boolean", help: "show this help" },
};

/** The help of `regime-lab smc`. */
export const SMC_HELP = optionsHelp(
  "regime-lab smc --data FILE [--swing-length 5] [--json]",
  "Detects Smart Money Concepts structures causally (swings, fair value gaps, breaks of structure and changes of\ncharacter, order blocks, equal highs/lows, sweeps, previous day/week highs and lows); each with the bar time it\nrefers to and the bar time it became known.",
  SMC_OPTIONS,
);

const KEYS = ["swings", "fairValueGaps", "structureBreaks", "orderBlocks", "equalLevels", "sweeps", "previousLevels"] as const;

function formatText(report: SmcReport): string {
  const lines = [`smc on ${report.data.symbol} (${report.data.file}): ${formatCount(report.data.bars)} bars, swing length ${report.parameters.swingLength}`, ""];
  for (const key of KEYS) {
    const list: readonly SmcRecord[] = report[key];
    const kinds = new Map<string, number>();
    for (const s of list) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
    const open = list.filter((s) => "mitigatedAt" in s && s.mitigatedAt === null).length;
    const detail = [...kinds].map(([k, n]) => `${k} ${formatCount(n)}`).join(", ");
    lines.push(`  ${key.padEnd(16)} ${formatCount(list.length).padStart(7)}  ${detail}${"mitigatedAt" in (list[0] ?? {}) ? `; ${formatCount(open)} unmitigated` : ""}`);
  }
  return lines.join("\n");
}

/**
 * Runs `regime-lab smc` with its arguments (after the command name) and returns the exit code;
 * throws CliError for bad arguments or data.
 * @example runSmcCommand(["--data", "data/sp500-2000.arrow", "--json"], io)
 */
export function runSmcCommand(argv: readonly string[], io: CommandIo): number {
  const values = parseOptions(argv, SMC_OPTIONS, "smc");
  if (values.help === true) {
    io.stdout.write(`${SMC_HELP}\n`);
    return 0;
  }
  const files = dataFiles(values, "smc", true);
  const swingLength = optionReaders("smc").positiveInteger("swing-length", typeof values["swing-length"] === "string" ? values["swing-length"] : undefined, 5);
  const { handlers, loaded, warnings } = loadCliData(files, { interval: typeof values.interval === "string" ? values.interval : undefined });
  for (const w of warnings) io.stderr.write(`regime-lab: warning: ${w}\n`);
  const report = smcReport(handlers[0]!.table!, loaded[0]!, { swingLength });
  io.stdout.write(values.json === true ? `${JSON.stringify(report, null, 2)}\n` : `${formatText(report)}\n`);
  return 0;
}
