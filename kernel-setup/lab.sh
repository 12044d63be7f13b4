#!/usr/bin/env bash
# Opens the Jupyter notebook UI (Debian's notebook 6.4) on notebooks/ with the "regime-lab"
# TypeScript kernel as default; extra args pass through (e.g. npm run lab -- --no-browser --port 8899).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
command -v jupyter-notebook >/dev/null || { echo "lab: jupyter-notebook not found; run: npm run setup" >&2; exit 1; }
root_flag=()
[ "$(id -u)" -eq 0 ] && root_flag=(--allow-root)  # notebook refuses to run as root otherwise
echo "lab: kernels: $(jupyter kernelspec list 2>/dev/null | awk 'NR > 1 { printf "%s ", $1 }')"
exec jupyter-notebook --notebook-dir="$REPO_ROOT/notebooks" \
  --MappingKernelManager.default_kernel_name=regime-lab "${root_flag[@]}" "$@"
