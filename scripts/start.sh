#!/usr/bin/env bash
# `npm start`, the main job: executes every notebook on the bundled data (committed files are left
# untouched) and prints where the HTML of each executed notebook lies.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash kernel-setup/run-notebooks.sh "$@"
echo
echo "Executed notebooks, as HTML (open them in a browser):"
find out/notebooks -name '*.html' | sort | sed "s|^|  $root/|"
