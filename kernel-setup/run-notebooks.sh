#!/usr/bin/env bash
# Runs kernel-setup/run-notebooks.py with a python that has nbclient (see env.sh); args pass through.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
py="$(find_python)" || { echo "run-notebooks: no python with nbclient/nbconvert found; run: npm run setup" >&2; exit 1; }
exec "$py" "$REPO_ROOT/kernel-setup/run-notebooks.py" "$@"
