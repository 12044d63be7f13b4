import type { SweepItem } from "../../sweep/sweep-executor.js";
import type { QueueDataRef } from "./queue-data-ref.js";

/** The queue name coordinators and workers use unless told otherwise. */
export const DEFAULT_SWEEP_QUEUE = "regime-lab-sweep";

/** The name of every sweep job on the queue. */
export const SWEEP_JOB_NAME = "sweep-items";

/**
 * What a queued sweep job carries: its sweep's id, the Redis key of the sweep's plan (stored once per
 * sweep rather than in every job), the data files of the symbols its items run on, and a contiguous chunk of
 * items, the first being item `first` of the sweep. Plain JSON data.
 */
export interface SweepJobData {
  readonly sweep: string;
  readonly planKey: string;
  readonly data: readonly QueueDataRef[];
  readonly first: number;
  readonly items: readonly SweepItem[];
}

/**
 * Returns the Redis key holding the JSON plan of sweep `sweep` on queue `queue`.
 * @example sweepPlanKey("regime-lab-sweep", "5c0e...") // "regime-lab:regime-lab-sweep:5c0e...:plan"
 */
export function sweepPlanKey(queue: string, sweep: string): string {
  return `regime-lab:${queue}:${sweep}:plan`;
}

/** Returns the job id of chunk `chunk` of sweep `sweep` (BullMQ ids may not contain ":"). */
export function sweepJobId(sweep: string, chunk: number): string {
  return `${sweep}-${chunk}`;
}
