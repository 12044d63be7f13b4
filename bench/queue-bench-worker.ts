// One sweep worker process of the queue benchmark: `node --import tsx bench/queue-bench-worker.ts URL QUEUE`.
// Prints "ready" once it listens; closes and exits on SIGTERM.
import { startSweepWorker } from "../src/node/queue/sweep-worker.js";

const worker = await startSweepWorker({ redis: process.argv[2]!, queue: process.argv[3] });
process.stdout.write("ready\n");
// The parent holds our stdin: when it goes (even killed), so do we, instead of retrying Redis forever.
process.stdin.once("close", () => process.exit(0));
process.stdin.resume();
process.once("SIGTERM", () => {
  void worker.close().then(() => process.exit(0));
});
