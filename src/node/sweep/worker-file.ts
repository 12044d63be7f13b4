import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * Returns the file URL of the worker-thread module (sweep-worker.ts, beside this file). It avoids
 * `import.meta`, which the tslab kernel cannot load (it runs src/ as CommonJS): there `__filename` is
 * set; in an ES module (the CLI, tests) the first frame of a stack trace names this file.
 */
export function sweepWorkerUrl(): string {
  let here: string;
  if (typeof __filename === "string") here = __filename;
  else {
    // "    at sweepWorkerUrl (/abs/path/worker-file.ts:14:31)" or "(file:///abs/path/worker-file.js:14:31)".
    const frame = /((?:file:\/\/)?\/[^\s():]+):\d+:\d+/.exec(new Error().stack?.split("\n")[1] ?? "");
    if (frame === null) throw new Error("cannot locate the sweep worker module: no file in the stack trace");
    here = frame[1]!.startsWith("file:") ? fileURLToPath(frame[1]!) : frame[1]!;
  }
  return pathToFileURL(join(dirname(here), "sweep-worker.ts")).href;
}
