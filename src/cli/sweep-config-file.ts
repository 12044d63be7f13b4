import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { SweepSpec } from "../sweep/sweep-spec.js";
import type { WalkForwardSpec } from "../sweep/walk-forward-windows.js";
import { CliError } from "./cli-error.js";

/** The keys a sweep config file may have. */
export const SWEEP_CONFIG_KEYS = ["data", "strategy", "grid", "fixed", "search", "cash", "commissionPercent", "slippageBps", "warmupBars", "walkForward"] as const;

/** A sweep config file, read: the data files (resolved against the config's folder), the sweep and the walk-forward if any. */
export interface SweepConfigFile {
  readonly path: string;
  /** The data paths as written in the file. */
  readonly dataAsWritten: readonly string[];
  /** The data paths resolved against the config file's folder. */
  readonly data: readonly string[];
  readonly spec: SweepSpec;
  readonly walkForward: WalkForwardSpec | undefined;
}

/**
 * Returns a sweep config file read and checked for shape: JSON, an object, known keys only, `data` a
 * non-empty list of file paths (relative paths are relative to the config file). The sweep's own keys
 * are checked by planSweep. Throws a CliError (exit 1) naming the file and the key.
 * @example readSweepConfig("examples/sma-sweep.json").data
 */
export function readSweepConfig(path: string): SweepConfigFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new CliError(`cannot read --config ${path}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`, 1);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CliError(`${path}: not valid JSON (${(e as Error).message})`, 1);
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw new CliError(`${path}: expected a JSON object with "data" and "grid"`, 1);
  const config = json as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!(SWEEP_CONFIG_KEYS as readonly string[]).includes(key)) throw new CliError(`${path}: unknown key "${key}" (expected one of: ${SWEEP_CONFIG_KEYS.join(", ")})`, 1);
  }
  const data = config.data;
  if (!Array.isArray(data) || data.length === 0 || data.some((d) => typeof d !== "string" || d === "")) {
    throw new CliError(`${path}: invalid data: ${JSON.stringify(data)} (expected a non-empty list of bar file paths, relative to the config file)`, 1);
  }
  const { data: _data, walkForward, ...spec } = config;
  const base = dirname(resolve(path));
  return {
    path, dataAsWritten: data as string[], data: (data as string[]).map((d) => resolve(base, d)),
    spec: spec as unknown as SweepSpec, walkForward: walkForward as WalkForwardSpec | undefined,
  };
}
