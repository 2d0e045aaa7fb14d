"""Writes the benchmark's large regression data set: a CSV with a response `y` and ten
predictors `x1`…`x10` (or fewer: `--predictors 1` gives the x–y pairs of the 10⁶-point
scatter), one million rows by default, the same bytes on every machine.

The predictors are mildly correlated (a shared component), so the fit is a realistic
one rather than an orthogonal toy, and `y` has known coefficients plus noise. The file
goes to bench/data/ (git-ignored), named by its row count, and is written only when
missing, so repeated runs of the benchmark share one file.

Usage: make_data.py [--rows N] [--predictors K] [--out PATH]   (prints the path)
"""

import argparse
import os
import pathlib
import sys

import numpy as np

PREDICTORS = 10
SEED = 20240607
TRUE_BETA = np.array([3.0, 1.5, -2.0, 0.5, 0.0, 4.0, -1.0, 2.5, -0.75, 1.25, 0.3])


def default_path(rows: int, predictors: int) -> pathlib.Path:
    return pathlib.Path(__file__).resolve().parent / "data" / f"regression-{rows}x{predictors + 1}.csv"


def generate(rows: int, predictors: int) -> np.ndarray:
    """Columns y, x1..xK as one (rows × K+1) array from a fixed seed."""
    rng = np.random.default_rng(SEED)
    shared = rng.standard_normal(rows)
    x = 0.4 * shared[:, None] + rng.standard_normal((rows, predictors))
    x *= np.arange(1, predictors + 1)  # different scales, as measured predictors have
    y = TRUE_BETA[0] + x @ TRUE_BETA[1:predictors + 1] + 2.0 * rng.standard_normal(rows)
    return np.column_stack([y, x])


def write(table: np.ndarray, path: pathlib.Path) -> None:
    """Fixed formatting (8 significant digits) keeps the file identical across runs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    header = ",".join(["y"] + [f"x{j}" for j in range(1, table.shape[1])])
    partial = path.with_suffix(".csv.partial")
    np.savetxt(partial, table, fmt="%.8g", delimiter=",", header=header, comments="")
    os.replace(partial, path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--predictors", type=int, default=PREDICTORS, choices=range(1, PREDICTORS + 1),
                        metavar=f"1..{PREDICTORS}")
    parser.add_argument("--out", type=pathlib.Path)
    args = parser.parse_args()
    if args.rows < args.predictors + 2:
        parser.error(f"--rows must be at least {args.predictors + 2} so the fit has residual degrees of freedom")
    path = args.out or default_path(args.rows, args.predictors)
    if not path.exists():
        write(generate(args.rows, args.predictors), path)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
