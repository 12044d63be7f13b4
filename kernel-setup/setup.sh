#!/usr/bin/env bash
# One-time (and safely repeatable) setup for a Debian machine that has Node: installs the npm
# packages and Debian's Jupyter, then proves the "regime-lab" TypeScript kernel by running
# kernel-setup/smoke.ipynb (output goes to out/kernel-setup/, the committed file is untouched).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

# Debian packages the project needs; to add one (e.g. chromium, redis-server) add it here.
APT_PACKAGES=(
  jupyter-core jupyter-client python3-nbclient python3-nbformat jupyter-nbconvert jupyter-notebook
  chromium
  redis-server
)

step() { echo "setup: $*"; }

step "node $(node --version), npm $(npm --version)"

# npm ci when node_modules is missing or stale: npm records what it installed in
# node_modules/.package-lock.json (the lock minus optional packages it skipped), and the lock's
# root entry must still list package.json's dependencies (else npm ci reports the mismatch).
lock_matches() {
  node -e '
    const read = (f) => JSON.parse(require("fs").readFileSync(f, "utf8"));
    const pkg = read("package.json"), lock = read("package-lock.json").packages;
    const have = read("node_modules/.package-lock.json").packages;
    const deps = (o) => JSON.stringify(["dependencies", "devDependencies", "optionalDependencies"]
      .map((k) => Object.entries(o[k] || {}).sort()));
    const same = (k) => have[k] ? JSON.stringify(have[k]) === JSON.stringify(lock[k]) : lock[k].optional;
    const ok = deps(pkg) === deps(lock[""]) && Object.keys(have).every((k) => k in lock) &&
      Object.keys(lock).every((k) => k === "" || same(k));
    process.exit(ok ? 0 : 1);
  ' 2>/dev/null
}
if [ -d node_modules ] && lock_matches; then
  step "node_modules matches package-lock.json"
else
  step "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

# Jupyter from Debian packages (only the missing ones).
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  step "Debian packages present: ${APT_PACKAGES[*]}"
elif [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  step "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q "${missing[@]}"
elif ! command -v apt-get >/dev/null && find_python >/dev/null && command -v jupyter >/dev/null; then
  step "no apt-get; using the Jupyter already installed (missing Debian packages: ${missing[*]})"
else
  echo "setup: missing Debian packages: ${missing[*]}. Install them (as root), then re-run npm run setup:" >&2
  echo "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing[*]}" >&2
  exit 1
fi

step "running the kernel smoke notebook"
if ! bash kernel-setup/run-notebooks.sh kernel-setup/smoke.ipynb; then
  echo "setup: FAILED - the regime-lab kernel could not run kernel-setup/smoke.ipynb (see above)" >&2
  exit 1
fi
echo "setup: OK - regime-lab kernel works (npm run lab to open notebooks, npm test to check everything)"
