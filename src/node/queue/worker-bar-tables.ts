import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { resolve } from "node:path";
import type * as arrow from "apache-arrow";
import { barInfo } from "../../data/bar-table.js";
import { loadBars } from "../load-bars.js";
import type { QueueDataRef } from "./queue-data-ref.js";

/** Thrown when a worker's data file is missing, unreadable or differs from the coordinator's. */
export class WorkerDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkerDataError";
  }
}

/**
 * A worker's bar tables, loaded on first use from files resolved against its directory and kept by
 * resolved path and SHA-256 (the newest `capacity` files), so the runs of one sweep share one table
 * per symbol (and its cached reference regime timeline).
 */
export class WorkerBarTables {
  readonly #cwd: string;
  readonly #capacity: number;
  readonly #cache = new Map<string, arrow.Table>();

  /** `cwd`: where relative paths resolve (default the process's); `capacity`: files kept (default 16). */
  constructor(cwd: string = process.cwd(), capacity = 16) {
    this.#cwd = cwd;
    this.#capacity = capacity;
  }

  /**
   * Returns the bar table of each reference by symbol; a missing file, a file whose SHA-256 differs
   * from the reference's or whose symbol differs throws WorkerDataError saying which and where.
   */
  tables(refs: readonly QueueDataRef[]): Map<string, arrow.Table> {
    return new Map(refs.map((r) => [r.symbol, this.table(r)]));
  }

  /** Returns the bar table of one reference (see {@link tables}). */
  table(ref: QueueDataRef): arrow.Table {
    const path = resolve(this.#cwd, ref.path);
    const key = `${path}\n${ref.sha256}`;
    const hit = this.#cache.get(key);
    if (hit !== undefined) return hit;
    const here = `worker ${hostname()} pid ${process.pid}`;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      throw new WorkerDataError(`${here}: cannot read data file "${ref.path}" of ${ref.symbol} (resolved to ${path}): ${e instanceof Error ? e.message : String(e)}; start the worker in the folder the coordinator's paths are relative to`);
    }
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    if (sha256 !== ref.sha256) {
      throw new WorkerDataError(`${here}: data file "${ref.path}" of ${ref.symbol} (resolved to ${path}) has sha256 ${sha256}, the coordinator's has ${ref.sha256}; copy the coordinator's file here so both run on the same bars`);
    }
    // CSV files carry no symbol; Arrow files do, and it must be the one the coordinator saw.
    const csv = path.toLowerCase().endsWith(".csv");
    const table = loadBars(path, csv ? { symbol: ref.symbol, ...ref.load } : { ...ref.load }).table;
    const symbol = barInfo(table).symbol;
    if (symbol !== ref.symbol) throw new WorkerDataError(`${here}: data file "${ref.path}" holds ${symbol}, the sweep expected ${ref.symbol}`);
    if (this.#cache.size >= this.#capacity) this.#cache.delete(this.#cache.keys().next().value!);
    this.#cache.set(key, table);
    return table;
  }
}
