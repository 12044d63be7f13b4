#!/usr/bin/env node
// The `regime-lab` command (`npx regime-lab ...`): runs src/cli/main.ts through tsx, so the command
// always matches the sources, with no build step.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli/main.ts");
process.exitCode = runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
