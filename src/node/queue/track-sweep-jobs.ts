import type { QueueEvents } from "bullmq";

/** One queued job of a sweep: its id and the items it covers, [first, first + count). */
export interface SweepJobSpan {
  readonly id: string;
  readonly first: number;
  readonly count: number;
}

/** What {@link trackSweepJobs} calls: a job's return value when it completes, its reason when it fails for good. */
export interface SweepJobHandlers {
  /** Called once per job with its parsed return value; a throw fails the whole sweep with that error. */
  readonly completed: (span: SweepJobSpan, returnValue: unknown) => void;
  /** Returns the error a job's final failure fails the sweep with. */
  readonly failed: (span: SweepJobSpan, reason: string) => Error;
}

/** A running watch over a sweep's jobs. */
export interface SweepJobTracker {
  /** Resolves when every job completed; rejects at the first failure or at `fail()`. */
  readonly finished: Promise<void>;
  /** Ids of the jobs not completed yet. */
  pending(): string[];
  /** Rejects `finished` with `error` (cancellation, timeout, a failed enqueue) unless it settled. */
  fail(error: Error): void;
  /** Stops listening to the event stream. */
  dispose(): void;
}

/**
 * Returns a tracker of `spans` on the queue's event stream: listening starts at once, so create it
 * before adding the jobs. A job reported twice (a stalled job run again) counts once.
 * @example const tracker = trackSweepJobs(client.events, spans, handlers); await queue.addBulk(jobs); await tracker.finished;
 */
export function trackSweepJobs(events: QueueEvents, spans: readonly SweepJobSpan[], handlers: SweepJobHandlers): SweepJobTracker {
  const open = new Map(spans.map((s) => [s.id, s]));
  let settle: { resolve: () => void; reject: (e: Error) => void } | undefined;
  const finished = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const end = (error?: Error) => {
    if (settle === undefined) return;
    const s = settle;
    settle = undefined;
    dispose();
    if (error === undefined) s.resolve();
    else s.reject(error);
  };
  const onCompleted = ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }) => {
    const span = open.get(jobId);
    if (span === undefined || settle === undefined) return;
    open.delete(jobId);
    try {
      handlers.completed(span, returnvalue);
    } catch (e) {
      end(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    if (open.size === 0) end();
  };
  const onFailed = ({ jobId, failedReason }: { jobId: string; failedReason: string }) => {
    const span = open.get(jobId);
    if (span !== undefined) end(handlers.failed(span, failedReason));
  };
  const dispose = () => {
    events.off("completed", onCompleted);
    events.off("failed", onFailed);
  };
  events.setMaxListeners(0);
  events.on("completed", onCompleted);
  events.on("failed", onFailed);
  if (open.size === 0) end();
  return { finished, pending: () => [...open.keys()], fail: (e) => end(e), dispose };
}
