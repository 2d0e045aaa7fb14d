"""Peer of the 10⁶-point scatter lesson (bench/specs/scatter-1e6.yaml): one million
points and their least-squares line drawn by matplotlib to PNG, with small translucent
markers so the density stays readable rather than a solid blob.

`--csv` reads the points from the CSV the spec reads (columns `x1` and `y` of
bench/make_data.py's file), which is how bench/run calls it; without it the points come
from numpy's seeded generator in the process.

Usage: scatter_1e6.py [--points N] [--csv FILE] [--out DIR]
"""

import argparse
import pathlib
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from simple_regression import DPI, FIGSIZE, OKABE_ITO  # noqa: E402


def points(args):
    if args.csv:
        import pandas as pd

        frame = pd.read_csv(args.csv, usecols=["y", "x1"])
        return frame["x1"].to_numpy(), frame["y"].to_numpy()
    rng = np.random.default_rng(1)
    x = rng.standard_normal(args.points)
    return x, 2.0 + 1.5 * x + rng.standard_normal(args.points)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--csv", type=pathlib.Path)
    parser.add_argument("--out", type=pathlib.Path, default=pathlib.Path("bench-output/python/scatter-1e6"))
    args = parser.parse_args()
    x, y = points(args)
    fig, ax = plt.subplots(figsize=FIGSIZE, layout="constrained")
    ax.scatter(x, y, s=1, color=OKABE_ITO["blue"], alpha=0.01, linewidths=0, rasterized=True)
    slope, intercept = np.polyfit(x, y, 1)
    ends = np.array([x.min(), x.max()])
    ax.plot(ends, intercept + slope * ends, color=OKABE_ITO["orange"], linewidth=2)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.spines[["top", "right"]].set_visible(False)
    args.out.mkdir(parents=True, exist_ok=True)
    fig.savefig(args.out / "scatter-1e6.png", dpi=DPI)
    return 0


if __name__ == "__main__":
    sys.exit(main())
