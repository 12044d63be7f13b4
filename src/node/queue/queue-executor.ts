import { randomUUID } from "node:crypto";
import { check, invalid } from "../../core/check.js";
import { QueueError } from "../../core/errors.js";
import { sweepCancelled } from "../../sweep/sweep-cancelled.js";
import type { ExecuteOptions, SweepExecutor, SweepItem, SweepOutcome } from "../../sweep/sweep-executor.js";
import { sweepRunAt, type SweepPlan } from "../../sweep/sweep-plan.js";
import { decodeOutcome, type EncodedOutcome } from "./outcome-codec.js";
import type { QueueDataRef } from "./queue-data-ref.js";
import { checkRedisUrl, displayRedisUrl } from "./redis-url.js";
import { DEFAULT_SWEEP_QUEUE, SWEEP_JOB_NAME, sweepJobId, sweepPlanKey, type SweepJobData } from "./sweep-job.js";
import { connectSweepQueue, type SweepQueueClient } from "./sweep-queue-client.js";
import { countSweepWorkers } from "./worker-registry.js";
import { trackSweepJobs, type SweepJobSpan } from "./track-sweep-jobs.js";

/** Options of {@link queueExecutor}. */
export interface QueueExecutorOptions {
  /** Called with a warning, e.g. when no worker listens on the queue as a sweep starts. Default none. */
  readonly onWarning?: (message: string) => void;
  /** The Redis URL, e.g. "redis://127.0.0.1:6379". Required. */
  readonly redis: string;
  /** The queue's name; workers must listen on the same one. Default "regime-lab-sweep". */
  readonly queue?: string;
  /** The bar file of every symbol a sweep runs on (see queueDataRef). Required. */
  readonly data: readonly QueueDataRef[];
  /** Items per job. Default: items / 64 rounded up, between 1 and 16. */
  readonly chunk?: number;
  /** Rejects an execute not finished after this many ms with a QueueError (and removes its waiting jobs). Default none. */
  readonly timeoutMs?: number;
  /** How long reaching Redis may take before a QueueError. Default 5,000 ms. */
  readonly connectTimeoutMs?: number;
  /** Tries of a job whose run throws (a worker that dies is handled by stalled-job detection instead). Default 2. */
  readonly attempts?: number;
  /** The `workers` the executor reports (sweep summaries). Default: the jobs the workers listening when the last execute started run at once. */
  readonly workers?: number;
}

/** A {@link SweepExecutor} on a BullMQ queue, with an eager connection check. */
export interface QueueExecutor extends SweepExecutor {
  /** Resolves once Redis answers; rejects with one QueueError naming the URL otherwise. */
  connect(): Promise<void>;
}

const MAX_BULK = 500;

/** Returns the data of one job: its items and the data files of the symbols they run on. */
function jobData(sweep: string, planKey: string, span: SweepJobSpan, items: readonly SweepItem[], plan: SweepPlan, refs: ReadonlyMap<string, QueueDataRef>): SweepJobData {
  const chunk = items.slice(span.first, span.first + span.count);
  const symbols = new Set(chunk.map((item) => sweepRunAt(plan, item.run).symbol));
  return { sweep, planKey, data: [...symbols].map((symbol) => refs.get(symbol)!), first: span.first, items: chunk };
}

/**
 * Returns an executor that runs sweep items on worker processes anywhere (`regime-lab worker --redis
 * URL` where the data is) through a BullMQ queue on Redis. Each execute stores its plan once under
 * its own sweep id, enqueues chunks of items naming the data files and their SHA-256, and resolves to
 * the outcomes in item order, identical to a local run. A job whose worker dies is retried by another
 * one; a failed job rejects with a QueueError carrying the worker's message; the signal cancels
 * (waiting jobs are removed, rejects with CancelledError).
 * @example const executor = queueExecutor({ redis: "redis://127.0.0.1:6379", data: [queueDataRef("data/sp500-2000.arrow")] });
 */
export function queueExecutor(options: QueueExecutorOptions): QueueExecutor {
  const url = checkRedisUrl("redis", options.redis);
  const name = check.nonEmptyString("queue", options.queue ?? DEFAULT_SWEEP_QUEUE);
  if (!Array.isArray(options.data) || options.data.length === 0) invalid("data", options.data, "at least one { symbol, path, sha256 }", "build them with queueDataRef(path)");
  const refs = new Map<string, QueueDataRef>();
  options.data.forEach((r, i) => {
    check.nonEmptyString(`data[${i}].symbol`, r?.symbol);
    check.nonEmptyString(`data[${i}].path`, r.path);
    if (typeof r.sha256 !== "string" || !/^[0-9a-f]{64}$/.test(r.sha256)) invalid(`data[${i}].sha256`, r.sha256, "64 lowercase hex digits", "use sha256File(path)");
    if (refs.has(r.symbol)) invalid(`data[${i}].symbol`, r.symbol, "one file per symbol");
    refs.set(r.symbol, r);
  });
  const chunkOption = options.chunk === undefined ? undefined : check.positiveInteger("chunk", options.chunk);
  const timeoutMs = options.timeoutMs === undefined ? undefined : check.positive("timeoutMs", options.timeoutMs);
  const connectTimeoutMs = check.positive("connectTimeoutMs", options.connectTimeoutMs ?? 5000);
  const attempts = check.positiveInteger("attempts", options.attempts ?? 2);
  const where = `queue "${name}" at ${displayRedisUrl(url)}`;
  let client: Promise<SweepQueueClient> | undefined;
  let seenWorkers = 0;
  const connect = () => {
    client ??= connectSweepQueue(url, name, connectTimeoutMs);
    client.catch(() => (client = undefined));
    return client;
  };

  async function execute(plan: SweepPlan, items: readonly SweepItem[], opts: ExecuteOptions = {}): Promise<SweepOutcome[]> {
    const total = items.length;
    const aborted = () => opts.signal?.aborted === true;
    if (aborted()) throw sweepCancelled(0, total);
    for (const s of plan.symbols) if (!refs.has(s)) invalid("data", [...refs.keys()], "a file for every symbol of the sweep", `"${s}" has none`);
    if (total === 0) return [];
    const c = await connect();
    if (aborted()) throw sweepCancelled(0, total);
    if (options.workers === undefined) seenWorkers = await countSweepWorkers(c.redis, name);
    if (seenWorkers === 0) options.onWarning?.(`no worker is listening on ${where} yet; the sweep waits for one: start \`npx regime-lab worker --redis ${displayRedisUrl(url)}${name === DEFAULT_SWEEP_QUEUE ? "" : ` --queue ${name}`}\` where the data is`);
    const sweep = randomUUID();
    const planKey = sweepPlanKey(name, sweep);
    const size = chunkOption ?? Math.min(16, Math.max(1, Math.ceil(total / 64)));
    const spans: SweepJobSpan[] = [];
    for (let first = 0; first < total; first += size) spans.push({ id: sweepJobId(sweep, spans.length), first, count: Math.min(size, total - first) });
    const outcomes: SweepOutcome[] = new Array(total);
    let done = 0;
    const tracker = trackSweepJobs(c.events, spans, {
      completed: (span, value) => {
        const encoded = value as EncodedOutcome[];
        if (!Array.isArray(encoded) || encoded.length !== span.count) throw new QueueError(`sweep job ${span.id} on ${where} returned ${Array.isArray(encoded) ? encoded.length : typeof encoded} outcomes (expected ${span.count}); is the worker a different regime-lab version?`, { jobId: span.id });
        encoded.forEach((e, k) => {
          const outcome = decodeOutcome(e);
          outcomes[span.first + k] = outcome;
          done++;
          opts.onRow?.(outcome.row);
          opts.onProgress?.({ done, total, run: items[span.first + k]!.run });
        });
      },
      failed: (span, reason) => new QueueError(`sweep job ${span.id} (items ${span.first}-${span.first + span.count - 1}) failed on ${where}: ${reason}`, { jobId: span.id, reason }),
    });
    let stopped = false;
    tracker.finished.catch(() => (stopped = true));
    const onAbort = () => tracker.fail(sweepCancelled(done, total));
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => {
      tracker.fail(new QueueError(`sweep not finished within ${timeoutMs} ms on ${where} (${done} of ${total} items done); are workers running there? start them with \`npx regime-lab worker --redis URL\``, { done, total }));
    }, timeoutMs);
    try {
      await c.redis.set(planKey, JSON.stringify(plan), "EX", 7 * 24 * 3600);
      const jobs = spans.map((s) => ({
        name: SWEEP_JOB_NAME,
        data: jobData(sweep, planKey, s, items, plan, refs),
        opts: { jobId: s.id, attempts, removeOnComplete: true, removeOnFail: { age: 24 * 3600 } },
      }));
      for (let i = 0; i < jobs.length && !stopped; i += MAX_BULK) await c.queue.addBulk(jobs.slice(i, i + MAX_BULK));
    } catch (e) {
      tracker.fail(new QueueError(`cannot enqueue the sweep on ${where}: ${e instanceof Error ? e.message : String(e)}`, {}, e));
    }
    try {
      await tracker.finished;
      // workers that started after the sweep did count too (the report names how many ran it)
      if (options.workers === undefined) seenWorkers = Math.max(seenWorkers, await countSweepWorkers(c.redis, name).catch(() => 0));
      return outcomes;
    } catch (e) {
      await Promise.allSettled(tracker.pending().map((id) => c.queue.remove(id)));
      throw e;
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      tracker.dispose();
      await c.redis.del(planKey).catch(() => 0);
    }
  }

  return {
    kind: "queue",
    get workers() {
      return options.workers ?? seenWorkers;
    },
    connect: async () => {
      await connect();
    },
    execute,
    close: async () => {
      const c = client;
      client = undefined;
      if (c !== undefined) await (await c.catch(() => undefined))?.close();
    },
  };
}
