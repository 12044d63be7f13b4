# Shared environment for the kernel-setup scripts (source it, don't run it):
# REPO_ROOT, JUPYTER_PATH (so the "regime-lab" kernelspec is found) and find_python.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JUPYTER_PATH="$REPO_ROOT/kernel-setup/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"

# Prints the first python that can run notebooks (Debian's /usr/bin/python3 first: a pyenv or
# venv python3 on PATH usually lacks the Debian-packaged nbclient); returns 1 if there is none.
find_python() {
  local py
  for py in "${REGIME_LAB_PYTHON:-}" /usr/bin/python3 python3; do
    [ -n "$py" ] && "$py" -c 'import nbclient, nbconvert, nbformat' >/dev/null 2>&1 && { echo "$py"; return 0; }
  done
  return 1
}
