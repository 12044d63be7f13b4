import { hostname } from "node:os";
import { UnrecoverableError, Worker, type Job } from "bullmq";
import { Redis } from "ioredis";
import { check } from "../../core/check.js";
import type { SweepPlan } from "../../sweep/sweep-plan.js";
import type { EncodedOutcome } from "./outcome-codec.js";
import { pingRedis } from "./ping-redis.js";
import { checkRedisUrl } from "./redis-url.js";
import { runSweepJob } from "./run-sweep-job.js";
import { DEFAULT_SWEEP_QUEUE, SWEEP_JOB_NAME, type SweepJobData } from "./sweep-job.js";
import { WorkerBarTables, WorkerDataError } from "./worker-bar-tables.js";
import { registerSweepWorker } from "./worker-registry.js";

/** What a sweep worker reports: a job started, completed or failed, or a connection error. */
export type SweepWorkerEvent =
  | { readonly type: "active"; readonly jobId: string; readonly items: number }
  | { readonly type: "completed"; readonly jobId: string; readonly items: number }
  | { readonly type: "failed"; readonly jobId: string; readonly items: number; readonly error: string }
  | { readonly type: "error"; readonly error: string };

/** Options of {@link startSweepWorker}. */
export interface SweepWorkerOptions {
  /** The Redis URL, e.g. "redis://127.0.0.1:6379". Required. */
  readonly redis: string;
  /** The queue to take sweep jobs from. Default "regime-lab-sweep". */
  readonly queue?: string;
  /** Jobs run at once (they share this process's one thread; start more processes for more cores). Default 1. */
  readonly concurrency?: number;
  /** Where relative data paths of jobs resolve. Default the process's working directory. */
  readonly cwd?: string;
  /**
   * How long a job's lock lasts without renewal; a worker silent this long loses its job to another.
   * The worker renews it between runs, so it must exceed the longest single run. Default 30,000 ms.
   */
  readonly lockDurationMs?: number;
  /** How often the worker looks for jobs whose worker died (stalled) and puts them back. Default 30,000 ms. */
  readonly stalledIntervalMs?: number;
  /** How often one job may stall (its worker die) before it fails for good. Default 2. */
  readonly maxStalledCount?: number;
  /** How long reaching Redis at start may take before a QueueError. Default 5,000 ms. */
  readonly connectTimeoutMs?: number;
  /** Called on every job start, completion and failure, and on connection errors. Default none. */
  readonly onEvent?: (event: SweepWorkerEvent) => void;
}

/** A running sweep worker. */
export interface SweepWorker {
  readonly redis: string;
  readonly queue: string;
  readonly concurrency: number;
  /** Stops taking jobs, lets the running ones finish (or abandons them when `force`) and disconnects. */
  close(force?: boolean): Promise<void>;
}

/**
 * Resolves to a worker taking sweep jobs from the queue once it listens: it loads each job's data
 * files (resolved against `cwd`, checked against their SHA-256, kept for later jobs), runs its items
 * and returns their outcomes. Jobs of a worker that dies are put back for another (BullMQ stalled-job
 * detection). An unreachable Redis rejects with one QueueError naming the URL.
 * @example const worker = await startSweepWorker({ redis: "redis://127.0.0.1:6379" }); // ... await worker.close();
 */
export async function startSweepWorker(options: SweepWorkerOptions): Promise<SweepWorker> {
  const url = checkRedisUrl("redis", options.redis);
  const queue = check.nonEmptyString("queue", options.queue ?? DEFAULT_SWEEP_QUEUE);
  const concurrency = check.positiveInteger("concurrency", options.concurrency ?? 1);
  const connectTimeoutMs = check.positive("connectTimeoutMs", options.connectTimeoutMs ?? 5000);
  const lockDuration = check.positive("lockDurationMs", options.lockDurationMs ?? 30_000);
  const stalledInterval = check.positive("stalledIntervalMs", options.stalledIntervalMs ?? 30_000);
  const maxStalledCount = check.nonNegativeInteger("maxStalledCount", options.maxStalledCount ?? 2);
  const emit = options.onEvent ?? (() => {});
  await pingRedis(url, connectTimeoutMs);
  const redis = new Redis(url, { connectTimeout: connectTimeoutMs });
  redis.on("error", () => {});
  const tables = new WorkerBarTables(options.cwd);
  const plans = new Map<string, SweepPlan>();

  const planOf = async (key: string): Promise<SweepPlan> => {
    const cached = plans.get(key);
    if (cached !== undefined) return cached;
    const json = await redis.get(key);
    if (json === null) throw new UnrecoverableError(`sweep plan ${key} is gone: its sweep finished, failed or was cancelled`);
    if (plans.size >= 8) plans.delete(plans.keys().next().value!);
    const plan = JSON.parse(json) as SweepPlan;
    plans.set(key, plan);
    return plan;
  };

  const processor = async (job: Job<SweepJobData, EncodedOutcome[]>): Promise<EncodedOutcome[]> => {
    if (job.name !== SWEEP_JOB_NAME) throw new UnrecoverableError(`not a sweep job: "${job.name}" (expected "${SWEEP_JOB_NAME}")`);
    const plan = await planOf(job.data.planKey);
    let bars: ReturnType<WorkerBarTables["tables"]>;
    try {
      bars = tables.tables(job.data.data);
    } catch (e) {
      // Another try on this worker would meet the same file: fail the job (and the sweep) at once.
      throw e instanceof WorkerDataError ? new UnrecoverableError(e.message) : e;
    }
    return runSweepJob(plan, job.data.items, bars);
  };

  const name = `${hostname()} pid ${process.pid}`;
  const worker = new Worker<SweepJobData, EncodedOutcome[]>(queue, processor, {
    connection: { url, connectTimeout: connectTimeoutMs }, concurrency, lockDuration, stalledInterval, maxStalledCount, name, autorun: true,
  });
  const items = (job: Job<SweepJobData> | undefined) => job?.data?.items?.length ?? 0;
  worker.on("active", (job) => emit({ type: "active", jobId: job.id ?? "", items: items(job) }));
  worker.on("completed", (job) => emit({ type: "completed", jobId: job.id ?? "", items: items(job) }));
  worker.on("failed", (job, error) => emit({ type: "failed", jobId: job?.id ?? "", items: items(job), error: error.message }));
  worker.on("error", (error) => emit({ type: "error", error: error.message }));
  await worker.waitUntilReady();
  const unregister = registerSweepWorker(redis, queue, name, concurrency);
  let closing: Promise<void> | undefined;
  return {
    redis: url, queue, concurrency,
    close: (force = false) => {
      closing ??= unregister().then(() => worker.close(force)).finally(() => redis.disconnect());
      return closing;
    },
  };
}
