#!/usr/bin/env bash
# Tests contrib/dask on a LocalCluster with 2 workers (make test runs it): makes a venv
# under .build/, installs dask, distributed and nibabel from PyPI, and checks that the
# assembled maps equal the single-process maps. Skips, saying so, where PyPI cannot be
# reached.
# Usage: contrib/dask/test.sh [GLMVIZ]   (default .build/debug/glmviz)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
glmviz="$(realpath "${1:-$root/.build/debug/glmviz}")"
venv="$root/.build/dask-venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import dask.distributed, nibabel" 2>/dev/null; then
    python3 -m venv "$venv"
    if ! "$venv/bin/pip" install --quiet --disable-pip-version-check --timeout 20 dask distributed nibabel \
        >"$venv/pip.log" 2>&1; then
        echo "contrib/dask/test.sh: SKIPPED: could not install dask, distributed and nibabel from PyPI" \
             "($(tail -n 1 "$venv/pip.log"))"
        exit 0
    fi
fi
"$venv/bin/python" "$here/test_dask.py" "$glmviz"
