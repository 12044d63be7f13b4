import { startSweepWorker, type SweepWorkerEvent } from "../node/queue/sweep-worker.js";
import { displayRedisUrl } from "../node/queue/redis-url.js";
import { DEFAULT_SWEEP_QUEUE } from "../node/queue/sweep-job.js";
import type { CommandIo } from "./backtest-command.js";
import { usageError } from "./cli-error.js";
import { optionReaders } from "./option-values.js";
import { optionsHelp, parseOptions, type OptionSpecs } from "./parse-options.js";

/** The options of `regime-lab worker`, in help order. */
export const WORKER_OPTIONS: OptionSpecs = {
  redis: { type: "string", value: "URL", help: "the Redis server of the queue, e.g. redis://10.0.0.5:6379 (required)" },
  queue: { type: "string", value: "NAME", help: `the queue to take sweep jobs from (default ${DEFAULT_SWEEP_QUEUE})` },
  concurrency: { type: "string", value: "N", help: "jobs run at once in this process (default 1; start one worker per core for more)" },
  "lock-duration": { type: "string", value: "MS", help: "a job whose worker is silent this long goes to another worker; must exceed the longest run (default 30000)" },
  verbose: { type: "boolean", help: "print one line per job started, completed or failed" },
  help: { type: "boolean", help: "show this help" },
};

/** The help of `regime-lab worker`. */
export const WORKER_HELP = optionsHelp(
  "regime-lab worker --redis URL [--queue NAME] [--concurrency N]",
  "Runs sweep jobs from a BullMQ queue on Redis until stopped (Ctrl-C or SIGTERM), for sweeps a coordinator\nsends there. Start it where the data is: a job's data paths resolve against this folder and must have the\nsame bytes (SHA-256) as the coordinator's files. Jobs of a worker that dies go to another worker.",
  WORKER_OPTIONS,
);

function describe(e: SweepWorkerEvent): string {
  if (e.type === "error") return `error: ${e.error}`;
  return `job ${e.jobId} (${e.items} runs) ${e.type}${e.type === "failed" ? `: ${e.error}` : ""}`;
}

/** Resolves once `stop` aborts, or at SIGINT/SIGTERM when no signal is given; returns a disposer. */
function stopped(stop: AbortSignal | undefined): { wait: Promise<void>; dispose: () => void } {
  if (stop !== undefined) return { wait: new Promise((resolve) => (stop.aborted ? resolve() : stop.addEventListener("abort", () => resolve(), { once: true }))), dispose: () => {} };
  let onSignal = () => {};
  const wait = new Promise<void>((resolve) => (onSignal = () => resolve()));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  return { wait, dispose: () => (process.off("SIGINT", onSignal), process.off("SIGTERM", onSignal)) };
}

/**
 * Runs `regime-lab worker` with its arguments (after the command name): connects, prints one line
 * when it listens, takes sweep jobs until SIGINT or SIGTERM (or `stop` aborts), lets running jobs
 * finish and resolves to 0. Throws CliError for bad arguments and QueueError for an unreachable Redis.
 * @example process.exitCode = await runWorkerCommand(["--redis", "redis://127.0.0.1:6379"], io);
 */
export async function runWorkerCommand(argv: readonly string[], io: CommandIo, stop?: AbortSignal): Promise<number> {
  const values = parseOptions(argv, WORKER_OPTIONS, "worker");
  if (values.help === true) {
    io.stdout.write(`${WORKER_HELP}\n`);
    return 0;
  }
  if (typeof values.redis !== "string") throw usageError("missing --redis URL (e.g. --redis redis://127.0.0.1:6379)", "worker");
  const queue = typeof values.queue === "string" ? values.queue : DEFAULT_SWEEP_QUEUE;
  if (queue === "") throw usageError('invalid --queue: "" (expected a queue name)', "worker");
  const concurrency = optionReaders("worker").positiveInteger("concurrency", typeof values.concurrency === "string" ? values.concurrency : undefined, 1);
  const lockDurationMs = optionReaders("worker").positiveInteger("lock-duration", typeof values["lock-duration"] === "string" ? values["lock-duration"] : undefined, 30_000);
  const signal = stopped(stop);
  let jobs = 0, lastError = "";
  try {
    const worker = await startSweepWorker({
      redis: values.redis, queue, concurrency, lockDurationMs,
      onEvent: (e) => {
        if (e.type === "completed") jobs++;
        // Failures always; a lost connection once per distinct message (it retries every few seconds).
        const show = values.verbose === true || e.type === "failed" || (e.type === "error" && e.error !== lastError);
        if (e.type === "error") lastError = e.error;
        if (show) io.stderr.write(`regime-lab worker: ${describe(e)}\n`);
      },
    });
    io.stdout.write(`regime-lab worker: listening on ${displayRedisUrl(worker.redis)} queue ${queue} (concurrency ${concurrency}, pid ${process.pid}, data paths from ${process.cwd()})\n`);
    await signal.wait;
    io.stdout.write("regime-lab worker: stopping after the running jobs finish\n");
    await worker.close();
    io.stdout.write(`regime-lab worker: stopped after ${jobs} jobs\n`);
    return 0;
  } finally {
    signal.dispose();
  }
}
