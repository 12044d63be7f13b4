#!/usr/bin/env node
// The `regime-lab` command (`npx regime-lab ...`): runs src/cli/main.ts through tsx, so the command
// always matches the sources, with no build step.
import { register } from "tsx/esm/api";

register();
// A reader that stops early (`| head`) closes the pipe: that is not an error of ours.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
const { runCliAsync } = await import("../src/cli/main.ts");
process.exitCode = await runCliAsync(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
