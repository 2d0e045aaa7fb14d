"""Peer of `glmviz lesson simple-regression`: the Toluca scatter with its least-squares
line, residuals as vertical segments and the fitted equation with R², written as PNG
and SVG, the way a course author would script it with pandas, statsmodels and
matplotlib.

Usage: simple_regression.py [--data toluca.csv] [--out DIR]
"""

import argparse
import pathlib
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import statsmodels.formula.api as smf  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parents[2]
OKABE_ITO = {"blue": "#0072B2", "orange": "#E69F00", "vermillion": "#D55E00", "grey": "#999999"}
# 760 × 520 px at 100 dpi: the size of a glmviz chart.
FIGSIZE = (7.6, 5.2)
DPI = 100


def scatter_fit(ax, x, y, fit, x_label, y_label, residuals=True):
    """Points, fitted line, optional residual segments and an equation/R² box."""
    b0, b1 = fit.params.iloc[0], fit.params.iloc[1]
    fitted = fit.fittedvalues
    if residuals:
        ax.vlines(x, fitted, y, color=OKABE_ITO["vermillion"], linewidth=1, alpha=0.8, zorder=1,
                  label="residual")
    ax.scatter(x, y, s=28, color=OKABE_ITO["blue"], edgecolor="white", linewidth=0.6, zorder=3,
               label="observed")
    xs = pd.Series([x.min(), x.max()])
    ax.plot(xs, b0 + b1 * xs, color=OKABE_ITO["orange"], linewidth=2.2, zorder=2, label="least-squares fit")
    sign = "−" if b1 < 0 else "+"
    ax.text(0.03, 0.96,
            f"$\\hat{{y}} = {b0:.2f} {sign} {abs(b1):.4f}\\,x$\n$R^2 = {fit.rsquared:.3f}$",
            transform=ax.transAxes, va="top", ha="left", fontsize=12,
            bbox=dict(boxstyle="round,pad=0.4", facecolor="white", edgecolor=OKABE_ITO["grey"]))
    ax.set_xlabel(x_label)
    ax.set_ylabel(y_label)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(True, color="#e6e6e6", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.legend(loc="lower right", frameon=False)


def save(fig, out: pathlib.Path, name: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for fmt in ("png", "svg"):
        fig.savefig(out / f"{name}.{fmt}", dpi=DPI)
    plt.close(fig)


def simple_regression_figure(data: pathlib.Path, out: pathlib.Path) -> None:
    toluca = pd.read_csv(data)
    fit = smf.ols("work_hours ~ lot_size", data=toluca).fit()
    fig, ax = plt.subplots(figsize=FIGSIZE, layout="constrained")
    scatter_fit(ax, toluca["lot_size"], toluca["work_hours"], fit, "Lot size (units)", "Work hours")
    save(fig, out, "simple-reg")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=pathlib.Path, default=REPO / "data" / "toluca.csv")
    parser.add_argument("--out", type=pathlib.Path, default=pathlib.Path("bench-output/python/simple-regression"))
    args = parser.parse_args()
    simple_regression_figure(args.data, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
