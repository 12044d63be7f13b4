#!/usr/bin/env bash
# `npm start`, the main job: a backtest and a parameter sweep of the bundled S&P 500 data from the command line, every notebook
# executed on the bundled data to HTML (committed files are left untouched), the reactive site built, then
# both served on localhost (scripts/serve-out.ts) until Ctrl-C.
#   npm start                   build, then serve (first free port from 8000; `-- --port N` for exactly N)
#   npm start -- --no-serve     build only and print where the files are (implied by CI=true)
# Other arguments pass through to kernel-setup/run-notebooks.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
serve=1
case "${CI:-}" in true | 1) serve=0 ;; esac
port_args=()
notebook_args=()
while (($#)); do
  case "$1" in
    --no-serve) serve=0 ;;
    --port) port_args=(--port "${2:?--port needs a number}"); shift ;;
    *) notebook_args+=("$1") ;;
  esac
  shift
done
echo "\$ npx regime-lab backtest --data data/sp500-2000.arrow --strategy sma-cross --fast 10 --slow 30"
node bin/regime-lab.js backtest --data data/sp500-2000.arrow --strategy sma-cross --fast 10 --slow 30
echo
mkdir -p out
echo "\$ npx regime-lab sweep --config examples/sma-sweep.json --out out/sweep.arrow"
node bin/regime-lab.js sweep --config examples/sma-sweep.json --out out/sweep.arrow
echo
bash kernel-setup/run-notebooks.sh ${notebook_args[@]+"${notebook_args[@]}"}
echo
npx tsx scripts/build-reactive.ts
echo
if ((serve)); then
  exec npx tsx scripts/serve-out.ts ${port_args[@]+"${port_args[@]}"}
fi
echo "Built, not served (--no-serve or CI=true); \`npm start\` serves them on localhost."
echo "Reactive pages (open over http, e.g. \`npx tsx scripts/serve-out.ts\`):"
find out/site -maxdepth 1 -name '*.html' | sort | sed "s|^|  $root/|"
echo "Executed notebooks, as HTML (open them in a browser):"
find out/notebooks -name '*.html' | sort | sed "s|^|  $root/|"
