import { EngineError } from "../core/errors.js";
import { BACKTEST_HELP, runBacktestCommand, type CommandIo } from "./backtest-command.js";
import { CliError } from "./cli-error.js";
import { runRegimesCommand } from "./regimes-command.js";
import { runSmcCommand } from "./smc-command.js";

const COMMANDS: Record<string, { readonly summary: string; readonly run: (argv: readonly string[], io: CommandIo) => number }> = {
  backtest: { summary: "run a strategy over bar files and print its metrics (or --json)", run: runBacktestCommand },
  regimes: { summary: "classify every bar of a file into a market regime (or --json, --out FILE.arrow)", run: runRegimesCommand },
  smc: { summary: "detect Smart Money Concepts structures in a file (or --json: one array per detector)", run: runSmcCommand },
};

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

/**
 * Runs the command line (arguments after the program name) and returns the exit code: 0 on success,
 * 2 for a bad command line, 1 for a failed run. Errors are one line on stderr starting "regime-lab: ".
 * @example process.exitCode = runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
 */
export function runCli(argv: readonly string[], io: CommandIo): number {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      io.stdout.write(`${MAIN_HELP}\n`);
      return name === undefined ? 2 : 0;
    }
    const command = COMMANDS[name];
    if (command === undefined) throw new CliError(`unknown command "${name}" (expected one of: ${Object.keys(COMMANDS).join(", ")}); see \`regime-lab --help\``, 2);
    return command.run(rest, io);
  } catch (e) {
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
}
