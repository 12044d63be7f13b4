#!/usr/bin/env python3
"""Executes notebooks on the "regime-lab" (tslab) kernel; see `--help`.

By default runs every notebooks/**/*.ipynb in sorted order, writing the executed notebook and an
HTML rendering to out/<same path> (committed files are never touched). `--update` also writes
the executed, normalised notebook back in place; `--check` additionally fails any notebook that
was committed without outputs. tslab reports compile and runtime errors only as a stderr stream
output of the failing cell, so a failure prints that cell's index, source and stderr.
Ends with one line `notebooks: N passed, N failed`; the exit code is 1 if any failed.
"""
import argparse
import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parent.parent
KERNEL = {"name": "regime-lab", "display_name": "TypeScript (regime-lab)", "language": "typescript"}
os.environ["JUPYTER_PATH"] = os.pathsep.join(
    p for p in [str(ROOT / "kernel-setup" / "jupyter"), os.environ.get("JUPYTER_PATH", "")] if p)


def find_notebooks(args):
    paths = [Path(a).resolve() for a in args] or [ROOT / "notebooks"]
    found = []
    for p in paths:
        found += sorted(p.rglob("*.ipynb")) if p.is_dir() else [p]
    return [p for p in found if ".ipynb_checkpoints" not in p.parts]


def rel(path):
    try:
        return path.relative_to(ROOT)
    except ValueError:
        return Path(path.name)


def has_outputs(nb):
    return any(c.get("outputs") for c in nb.cells if c.cell_type == "code")


def normalise(nb):
    """Makes re-running an unchanged notebook byte-identical: no timings, fixed counts/metadata."""
    count = 0
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        if cell.execution_count is not None:
            count += 1
            cell.execution_count = count
            for out in cell.outputs:
                if "execution_count" in out:
                    out.execution_count = count
    nb.metadata.pop("widgets", None)
    nb.metadata["kernelspec"] = dict(KERNEL)
    return nb


def write_if_changed(nb, path):
    text = nbformat.writes(nb) + "\n"  # nbformat.write's layout: indent 1, trailing newline
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def report_failure(name, nb, index, err):
    print(f"FAIL {name}", flush=True)
    if index is None:
        print(f"  {type(err).__name__}: {err}")
        return
    cell = nb.cells[index]
    print(f"  cell {index}:")
    print("".join(f"    | {line}\n" for line in cell.source.splitlines()), end="")
    stderr = [o.text for o in cell.get("outputs", []) if o.get("name") == "stderr"]
    stderr += ["\n".join(o.get("traceback", [])) or o.get("evalue", "")
               for o in cell.get("outputs", []) if o.output_type == "error"]
    detail = "".join(stderr).strip()
    if not detail or not isinstance(err, CellExecutionError):  # e.g. a timeout or dead kernel
        detail = f"{type(err).__name__}: {str(err).strip()}\n{detail}".strip()
    print("".join(f"    ! {line}\n" for line in detail.splitlines()), end="")


def save_output(nb, path, opts):
    out = ROOT / opts.out / rel(path)
    write_if_changed(nb, out)
    html, _ = HTMLExporter().from_notebook_node(nb)
    out.with_suffix(".html").write_text(html, encoding="utf-8")
    return rel(out).as_posix()


def run_one(path, opts):
    name = rel(path).as_posix()
    current = {"index": None}
    nb = None
    try:
        nb = nbformat.read(path, as_version=4)
        committed_with_outputs = has_outputs(nb)
        client = NotebookClient(nb, kernel_name=KERNEL["name"], timeout=opts.timeout,
                                record_timing=False, resources={"metadata": {"path": str(ROOT)}})
        client.on_cell_start = lambda cell, cell_index: current.update(index=cell_index)
        client.execute()
    except Exception as err:  # CellExecutionError, CellTimeoutError, DeadKernelError, bad file...
        report_failure(name, nb, current["index"], err)
        if nb is not None:
            print(f"  partial output: {save_output(normalise(nb), path, opts)}")
        return False
    out = save_output(normalise(nb), path, opts)
    if opts.update:
        write_if_changed(nb, path)
    if opts.check and not committed_with_outputs:
        print(f"FAIL {name}\n  committed without outputs; run: npm run notebooks:update -- {name}")
        return False
    print(f"ok   {name} -> {out}", flush=True)
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", help="notebooks or folders (default: notebooks/)")
    ap.add_argument("--update", action="store_true", help="write executed notebooks back in place")
    ap.add_argument("--check", action="store_true", help="fail notebooks committed without outputs")
    ap.add_argument("--timeout", type=int, default=int(os.environ.get("REGIME_LAB_CELL_TIMEOUT", 600)),
                    help="per-cell timeout in seconds (env REGIME_LAB_CELL_TIMEOUT, default 600)")
    ap.add_argument("--out", default="out", help="output folder, relative to the repo root")
    opts = ap.parse_args()
    results = [run_one(p, opts) for p in find_notebooks(opts.paths)]
    print(f"notebooks: {results.count(True)} passed, {results.count(False)} failed")
    return 1 if False in results else 0


if __name__ == "__main__":
    sys.exit(main())
