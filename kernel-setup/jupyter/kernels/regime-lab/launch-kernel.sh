#!/usr/bin/env bash
# Starts the tslab kernel from the repository root: tslab takes its working directory as the
# TypeScript rootDir, so notebooks in notebooks/ can import ./src only when the kernel runs from here.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
cd "$root"
exec node "$root/node_modules/tslab/bin/tslab" kernel --config-path "$1"
