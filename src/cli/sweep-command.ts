import { writeFileSync } from "node:fs";
import { extname, relative } from "node:path";
import * as arrow from "apache-arrow";
import { EngineError } from "../core/errors.js";
import { sweep, walkForward, type SweepOptions } from "../node/sweep/sweep.js";
import { SWEEP_METRICS } from "../sweep/sweep-columns.js";
import type { SweepExecutor } from "../sweep/sweep-executor.js";
import type { CommandIo } from "./backtest-command.js";
import { CliError, usageError } from "./cli-error.js";
import { formatSweepText, formatWalkForwardText } from "./format-sweep-text.js";
import { loadCliData } from "./load-cli-data.js";
import { optionReaders } from "./option-values.js";
import { optionsHelp, parseOptions, type OptionSpecs } from "./parse-options.js";
import { progressLine } from "./progress-line.js";
import { readSweepConfig } from "./sweep-config-file.js";
import { sweepReport, walkForwardReport } from "./sweep-report.js";

const OPTIONS: OptionSpecs = {
  config: { type: "string", value: "FILE.json", help: "the sweep: data files, strategy, grid (see README: Sweeps); with walkForward, a walk-forward" },
  workers: { type: "string", value: "N", help: "worker threads (0 = in this process); default: every core" },
  redis: { type: "string", value: "URL", help: "run through the BullMQ queue at URL instead, on `regime-lab worker` processes" },
  queue: { type: "string", value: "NAME", help: "the queue name with --redis (default regime-lab-sweep)" },
  out: { type: "string", value: "FILE.arrow", help: "also write the result table (sweep: one row per run; walk-forward: one row per window) as Arrow IPC" },
  "equity-out": { type: "string", value: "FILE.arrow", help: "walk-forward only: also write the stitched out-of-sample equity (symbol, ts, equity, window) as Arrow IPC" },
  json: { type: "boolean", help: "print one JSON document (regime-lab.sweep/1 or regime-lab.walk-forward/1)" },
  sort: { type: "string", value: "METRIC", help: "rank the text report's runs by METRIC (default sharpe)" },
  top: { type: "string", value: "N", help: "runs in the text report (default 10)" },
  progress: { type: "boolean", help: "show progress on stderr even when it is not a terminal" },
  help: { type: "boolean", help: "show this help" },
};

/** The help of `regime-lab sweep`. */
export const SWEEP_HELP = optionsHelp(
  "regime-lab sweep --config FILE.json [--workers N] [--out FILE.arrow] [--json]",
  "Runs every combination of a parameter grid on every data file (on all cores, or through a Redis queue\nwith --redis), and prints the best runs (or, with --json, every run); with \"walkForward\" in the config,\nchooses parameters on each train window and tests them on the next one.",
  OPTIONS,
);

/** Makes the queue executor of `--redis` (set by the queue module, so the command loads BullMQ only when asked). */
export type QueueExecutorFactory = (options: {
  redis: string;
  queue: string | undefined;
  /** Each data file as loaded here: workers load it the same way (a CSV file with this symbol, zone and interval). */
  data: { symbol: string; path: string; timeZone: string; interval: string }[];
  onWarning: (message: string) => void;
}) => Promise<SweepExecutor>;

let queueFactory: QueueExecutorFactory | undefined;

/** Sets how `--redis` makes its executor. */
export function setQueueExecutorFactory(factory: QueueExecutorFactory): void {
  queueFactory = factory;
}

/**
 * Runs `regime-lab sweep` and resolves to the exit code: 0 after printing the result; rejects with a
 * CliError for a bad command line, config or data (naming the option, file or key).
 * @example await runSweepCommand(["--config", "examples/sma-sweep.json", "--workers", "2"], io)
 */
export async function runSweepCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const values = parseOptions(argv, OPTIONS, "sweep");
  if (values.help === true) {
    io.stdout.write(`${SWEEP_HELP}\n`);
    return 0;
  }
  const read = optionReaders("sweep");
  if (typeof values.config !== "string") throw usageError("missing --config FILE.json", "sweep");
  const workers = values.workers === undefined ? undefined : read.nonNegativeInteger("workers", values.workers as string, 0);
  const top = read.positiveInteger("top", values.top as string | undefined, 10);
  const sort = read.keyword("sort", values.sort as string | undefined, "sharpe", SWEEP_METRICS);
  const out = typeof values.out === "string" ? values.out : undefined;
  if (out !== undefined && extname(out).toLowerCase() !== ".arrow") throw usageError(`invalid --out: ${JSON.stringify(out)} (expected a file name ending in .arrow)`, "sweep");
  if (values.queue !== undefined && values.redis === undefined) throw usageError("--queue needs --redis URL (the queue lives on that Redis server)", "sweep");
  if (values.redis !== undefined && workers !== undefined) throw usageError("--workers and --redis exclude each other (queue workers are separate `regime-lab worker` processes)", "sweep");
  const equityOut = typeof values["equity-out"] === "string" ? values["equity-out"] : undefined;
  if (equityOut !== undefined && extname(equityOut).toLowerCase() !== ".arrow") throw usageError(`invalid --equity-out: ${JSON.stringify(equityOut)} (expected a file name ending in .arrow)`, "sweep");
  const config = readSweepConfig(values.config);
  if (equityOut !== undefined && config.walkForward === undefined) throw usageError(`--equity-out needs a walk-forward: ${config.path} has no "walkForward"`, "sweep");
  const { handlers, loaded, warnings } = loadCliData(config.data.map((path) => ({ path: relative(process.cwd(), path) || path })), {
    sameSymbolHint: `the files of "data" in ${config.path} need different symbols (a CSV file's is its file name, an Arrow file's is in its metadata)`,
  });
  for (const w of warnings) io.stderr.write(`regime-lab: warning: ${w}\n`);
  const bars = handlers.map((h) => h.table!);
  const showProgress = values.progress === true || io.stderr.isTTY === true;
  const progress = progressLine(io.stderr, config.walkForward === undefined ? "sweep" : "walk-forward", io.stderr.isTTY === true, "runs");
  let shownAt = -1;
  const onProgress = showProgress ? (p: { done: number; total: number }) => {
    const percent = Math.floor((p.done / p.total) * 100);
    if (percent !== shownAt) progress.update(p.done, p.total, null);
    shownAt = percent;
  } : undefined;
  let executor: SweepExecutor | undefined;
  if (typeof values.redis === "string") {
    if (queueFactory === undefined) throw new CliError("--redis is not available in this build", 1);
    executor = await queueFactory({
      redis: values.redis, queue: typeof values.queue === "string" ? values.queue : undefined,
      data: handlers.map((h, i) => ({ symbol: h.symbol, path: relative(process.cwd(), config.data[i]!), timeZone: h.info.timeZone, interval: h.info.interval })),
      onWarning: (message) => io.stderr.write(`regime-lab: warning: ${message}\n`),
    });
  }
  // Ctrl-C cancels the sweep (queued jobs are removed from Redis) instead of leaving it half-enqueued.
  const cancel = new AbortController();
  const onSigint = () => cancel.abort();
  process.once("SIGINT", onSigint);
  const options: SweepOptions = { workers, executor, onProgress, signal: cancel.signal };
  const where = (e: unknown): never => {
    if (e instanceof EngineError && e.code === "INVALID_OPTION") throw new CliError(`${config.path}: ${e.message}`, 1);
    throw e;
  };
  try {
    let table: arrow.Table, document: unknown, text: string, equity: arrow.Table | undefined;
    if (config.walkForward === undefined) {
      const result = await sweep(bars, config.spec, options).catch(where);
      [table, document, text] = [result.table, sweepReport(config.path, loaded, result), formatSweepText(result, sort, top)];
    } else {
      const result = await walkForward(bars, config.spec, config.walkForward, options).catch(where);
      [table, document, text, equity] = [result.windows, walkForwardReport(config.path, loaded, result), formatWalkForwardText(result), result.equity];
    }
    progress.done();
    const write = (option: string, file: string | undefined, t: arrow.Table | undefined) => {
      if (file === undefined || t === undefined) return;
      try {
        writeFileSync(file, arrow.tableToIPC(t, "file"));
      } catch (e) {
        throw new CliError(`cannot write --${option} ${file}: ${e instanceof Error ? e.message : String(e)}`, 1);
      }
    };
    write("out", out, table);
    write("equity-out", equityOut, equity);
    io.stdout.write(values.json === true ? `${JSON.stringify(document, null, 2)}\n` : `${text}\n`);
    return 0;
  } finally {
    process.removeListener("SIGINT", onSigint);
    progress.done();
    await executor?.close();
  }
}
