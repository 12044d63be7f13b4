#!/usr/bin/env bash
# `npm start`, the main job: a backtest of the bundled S&P 500 data from the command line, then every
# notebook executed on the bundled data (committed files are left untouched), and where the HTML of
# each executed notebook lies.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
echo "\$ npx regime-lab backtest --data data/sp500-2000.arrow --strategy sma-cross --fast 10 --slow 30"
node bin/regime-lab.js backtest --data data/sp500-2000.arrow --strategy sma-cross --fast 10 --slow 30
echo
bash kernel-setup/run-notebooks.sh "$@"
echo
echo "Executed notebooks, as HTML (open them in a browser):"
find out/notebooks -name '*.html' | sort | sed "s|^|  $root/|"
