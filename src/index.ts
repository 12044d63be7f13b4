/**
 * The public entry of regime-lab for Node and tslab notebooks: the browser-safe core plus file
 * loading, SVG rendering outside a browser, notebook display and danfojs-node conversion.
 * Notebooks import from here, e.g. `import { loadBars, mergeBars, show } from "./src/index.js"`.
 */
export * from "./browser.js";

// rendering and notebook display
export { renderSvg, type RenderSvgOptions } from "./charts/render-svg.js";
export { plotDocument } from "./charts/plot-document.js";
export { show, type ShowOptions } from "./notebook/show.js";
export { renderOutput, type RenderedOutput } from "./notebook/render-output.js";
export { setDisplay, type DisplaySink } from "./notebook/display-sink.js";
export { reactive, type Reactive, type ReactiveOptions, type ReactiveEntry, type ViewOptions } from "./notebook/reactive.js";
export { ReactiveCycleError } from "./notebook/reactive-cycle-error.js";
export type { ReactiveValues } from "./notebook/reactive-node.js";
export { progressDisplay, progressHtml, type ProgressDisplayOptions, type ProgressReport } from "./notebook/progress-display.js";

// files and Node-only analysis
export { loadBars, type LoadBarsOptions } from "./node/load-bars.js";
export { saveBarsArrow } from "./node/save-bars.js";
export { toDanfo, type ToDanfoOptions } from "./node/to-danfo.js";

// sweeps on worker threads (issue 8)
export { sweep, walkForward, type SweepOptions } from "./node/sweep/sweep.js";
export { threadExecutor, type ThreadExecutorOptions } from "./node/sweep/thread-executor.js";
export { shareBarTables, openSharedBarTables, type SharedBarTable } from "./node/sweep/shared-bar-tables.js";

// sweeps on many machines through a BullMQ queue on Redis (issue 8)
export { queueExecutor, type QueueExecutor, type QueueExecutorOptions } from "./node/queue/queue-executor.js";
export { queueDataRef, sha256File, type QueueDataRef } from "./node/queue/queue-data-ref.js";
export { startSweepWorker, type SweepWorker, type SweepWorkerOptions, type SweepWorkerEvent } from "./node/queue/sweep-worker.js";
export { startRedisServer, type RedisServer, type StartRedisServerOptions } from "./node/queue/start-redis-server.js";
export { DEFAULT_SWEEP_QUEUE } from "./node/queue/sweep-job.js";
