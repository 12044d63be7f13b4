#!/usr/bin/env bash
# `npm test`: type checks, vitest (unit and property tests), then every notebook on the kernel. Ends with one
# line `tests: N passed, N failed` that counts vitest tests and notebooks together.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mkdir -p out
status=0
npm run --silent typecheck || { echo "typecheck failed"; echo "tests: 0 passed, 1 failed"; exit 1; }
TZ=America/Los_Angeles npx vitest run --reporter=default --reporter=json --outputFile=out/vitest.json || status=1
bash kernel-setup/run-notebooks.sh --check | tee out/notebooks.log || status=1
node -e '
const fs = require("fs");
let passed = 0, failed = 0;
try { const v = JSON.parse(fs.readFileSync("out/vitest.json", "utf8")); passed += v.numPassedTests; failed += v.numFailedTests + (v.numFailedTestSuites || 0); } catch { failed += 1; }
const m = /notebooks: (\d+) passed, (\d+) failed/.exec(fs.readFileSync("out/notebooks.log", "utf8"));
if (m) { passed += +m[1]; failed += +m[2]; } else failed += 1;
console.log(`tests: ${passed} passed, ${failed} failed`);
'
exit $status
