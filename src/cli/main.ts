import { EngineError } from "../core/errors.js";
import { BACKTEST_HELP, runBacktestCommand, type CommandIo } from "./backtest-command.js";
import { CliError } from "./cli-error.js";
import { runRegimesCommand } from "./regimes-command.js";
import { runSmcCommand } from "./smc-command.js";
import { runSweepCommand, setQueueExecutorFactory } from "./sweep-command.js";

const COMMANDS: Record<string, { readonly summary: string; readonly run: (argv: readonly string[], io: CommandIo) => number | Promise<number> }> = {
  backtest: { summary: "run a strategy over bar files and print its metrics (or --json)", run: runBacktestCommand },
  regimes: { summary: "classify every bar of a file into a market regime (or --json, --out FILE.arrow)", run: runRegimesCommand },
  smc: { summary: "detect Smart Money Concepts structures in a file (or --json: one array per detector)", run: runSmcCommand },
  sweep: { summary: "run a parameter grid on every core (or a Redis queue), or a walk-forward (--config FILE.json)", run: runSweepCommand },
  // BullMQ loads only for the commands that use it (it adds ~100 ms to every start otherwise).
  worker: { summary: "take sweep jobs from a Redis queue (BullMQ) until stopped (--redis URL)", run: async (argv, io) => (await import("./worker-command.js")).runWorkerCommand(argv, io) },
};

// `sweep --redis URL`: a queue executor over the config's data files, checked to answer before anything is enqueued.
setQueueExecutorFactory(async ({ redis, queue, data, onWarning }) => {
  const { queueExecutor } = await import("../node/queue/queue-executor.js");
  const { sha256File } = await import("../node/queue/queue-data-ref.js");
  // The files were loaded here already: their symbols are known, so only their bytes are hashed (no second load).
  const csv = (path: string) => path.toLowerCase().endsWith(".csv");
  const refs = data.map((d) => ({
    symbol: d.symbol, path: d.path, sha256: sha256File(d.path),
    ...(csv(d.path) ? { load: { symbol: d.symbol, timeZone: d.timeZone, interval: d.interval } } : {}),
  }));
  const executor = queueExecutor({ redis, queue, data: refs, onWarning });
  await executor.connect();
  return executor;
});

/** The top-level help. */
export const MAIN_HELP = [
  "usage: regime-lab <command> [options]",
  "",
  "commands:",
  ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)}  ${c.summary}`),
  "",
  "`regime-lab <command> --help` shows a command's options, e.g.:",
  "",
  BACKTEST_HELP.split("\n")[0]!.replace("usage: ", "  "),
].join("\n");

/** Returns the exit code of a command's error after writing its one line to stderr; rethrows other errors. */
function reportError(e: unknown, io: CommandIo): number {
  if (e instanceof CliError) {
    io.stderr.write(`regime-lab: ${e.message}\n`);
    return e.exitCode;
  }
  if (e instanceof EngineError) {
    io.stderr.write(`regime-lab: ${e.message.split("\n")[0]}\n`);
    return 1;
  }
  throw e;
}

/** Returns the command to run, or an exit code after printing the help or an unknown-command error. */
function pick(argv: readonly string[], io: CommandIo): { run: () => number | Promise<number> } | number {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(`${MAIN_HELP}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) throw new CliError(`unknown command "${name}" (expected one of: ${Object.keys(COMMANDS).join(", ")}); see \`regime-lab --help\``, 2);
  return { run: () => command.run(rest, io) };
}

/**
 * Runs the command line (arguments after the program name) and resolves to the exit code: 0 on
 * success, 2 for a bad command line, 1 for a failed run. Errors are one line on stderr starting
 * "regime-lab: ".
 * @example process.exitCode = await runCliAsync(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
 */
export async function runCliAsync(argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    const picked = pick(argv, io);
    return typeof picked === "number" ? picked : await picked.run();
  } catch (e) {
    return reportError(e, io);
  }
}

/**
 * Runs a command that finishes synchronously (backtest, regimes, smc) and returns the exit code, as
 * runCliAsync does; for sweep and worker use runCliAsync.
 * @example const code = runCli(["backtest", "--data", "data/sp500-2000.arrow"], io);
 */
export function runCli(argv: readonly string[], io: CommandIo): number {
  try {
    const picked = pick(argv, io);
    if (typeof picked === "number") return picked;
    const code = picked.run();
    if (typeof code !== "number") throw new TypeError(`regime-lab ${argv[0]} runs asynchronously: call runCliAsync`);
    return code;
  } catch (e) {
    return reportError(e, io);
  }
}
