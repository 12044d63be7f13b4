import { parseArgs } from "node:util";
import { usageError } from "./cli-error.js";

/** One option of a command: its type, whether it repeats, and its help text. */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly multiple?: boolean;
  /** The value's placeholder in the help, e.g. "FILE". */
  readonly value?: string;
  readonly help: string;
}

/** A command's options by long name (kebab-case, without "--"). */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The parsed values: strings, booleans, or arrays of strings for repeated options. */
export type ParsedOptions = Record<string, string | boolean | string[] | undefined>;

/**
 * Returns the options of `argv` parsed strictly against `specs` (node:util parseArgs): an unknown
 * option, a missing value or a stray positional argument throws a usage CliError naming it.
 * @example parseOptions(["--fast", "10"], { fast: { type: "string", help: "..." } }, "backtest").fast // "10"
 */
export function parseOptions(argv: readonly string[], specs: OptionSpecs, command: string): ParsedOptions {
  const options: Record<string, { type: "string" | "boolean"; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries(specs)) options[name] = { type: spec.type, multiple: spec.multiple ?? false };
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
    if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}" (options start with --)`, command);
    return values as ParsedOptions;
  } catch (e) {
    if (e instanceof Error && "code" in e && typeof e.code === "string" && e.code.startsWith("ERR_PARSE_ARGS")) {
      throw usageError(e.message.replace(/'/g, "").replace(/\.?\n/g, "; ").replace(/\.$/, ""), command);
    }
    throw e;
  }
}

/** Returns the help text of a command: its usage line, description and one line per option. */
export function optionsHelp(usage: string, description: string, specs: OptionSpecs): string {
  const rows = Object.entries(specs).map(([name, spec]) => [`--${name}${spec.value ? ` ${spec.value}` : ""}`, spec.help] as const);
  const width = Math.max(...rows.map(([left]) => left.length));
  return [`usage: ${usage}`, "", description, "", "options:", ...rows.map(([left, help]) => `  ${left.padEnd(width)}  ${help}`)].join("\n");
}
