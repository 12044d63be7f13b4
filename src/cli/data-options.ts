import { usageError } from "./cli-error.js";
import type { OptionSpecs, ParsedOptions } from "./parse-options.js";

/** The options that name bar files and how to read them, shared by the commands that load data. */
export const DATA_OPTIONS: OptionSpecs = {
  data: { type: "string", multiple: true, value: "FILE", help: "bar file (.csv, .arrow)" },
  symbol: { type: "string", multiple: true, value: "NAME", help: "symbol of each --data file, in order (default: the Arrow metadata, or the CSV file name)" },
  "time-zone": { type: "string", multiple: true, value: "ZONE", help: "IANA zone of CSV times, once for all files or once per file (default UTC, with a warning)" },
  interval: { type: "string", value: "INTERVAL", help: "bar interval of CSV files, e.g. 1d, 1h, 5m (default 1d)" },
};

/** A file to load: its path and, when given, its symbol and time zone. */
export interface DataFileOption {
  readonly path: string;
  readonly symbol?: string;
  readonly timeZone?: string;
}

const list = (x: string | boolean | string[] | undefined): string[] => (Array.isArray(x) ? x : []);

/**
 * Returns the files named by --data with their --symbol and --time-zone, checked: at least one file
 * (exactly one when `single`), one --symbol per file or none, one --time-zone for all or one per file.
 * Throws a usage CliError naming the problem.
 * @example dataFiles(parseOptions(["--data", "a.csv"], DATA_OPTIONS, "regimes"), "regimes", true)
 */
export function dataFiles(values: ParsedOptions, command: string, single = false): DataFileOption[] {
  const paths = list(values.data);
  if (paths.length === 0) throw usageError("missing --data FILE (a .csv or .arrow bar file, e.g. data/sp500-2000.csv)", command);
  if (single && paths.length > 1) throw usageError(`got ${paths.length} --data files; ${command} reads one`, command);
  const symbols = list(values.symbol);
  if (symbols.length > 0 && symbols.length !== paths.length) {
    throw usageError(`got ${symbols.length} --symbol for ${paths.length} --data (give one --symbol per --data file, in the same order, or none)`, command);
  }
  const zones = list(values["time-zone"]);
  if (zones.length > 1 && zones.length !== paths.length) {
    throw usageError(`got ${zones.length} --time-zone for ${paths.length} --data (give one for all files or one per file)`, command);
  }
  return paths.map((path, i) => ({ path, symbol: symbols[i], timeZone: zones.length === 1 ? zones[0] : zones[i] }));
}
