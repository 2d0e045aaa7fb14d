"""Peer of `glmviz lesson --all`: every figure of the course's lessons rendered by one
Python process (pandas, statsmodels, seaborn, matplotlib, scipy), PNG and SVG.

The figures follow the bundled lesson specs: the Toluca scatter-fit, its probability
model, the regression plane of two predictors, the continuous slope (β̂₁ = −5.344), the
dummy mean difference (β̂₁ = 7.940), the diagnosis and blood-type design matrices and the
null t distribution. Teaching data are drawn with numpy's seeded generator and the noise
is projected off the design's column space, so the fits return the requested β exactly,
as the specs' `exact: true` does.

Usage: all_lessons.py [--data toluca.csv] [--out DIR]
"""

import argparse
import pathlib
import re
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import patsy  # noqa: E402
import seaborn as sns  # noqa: E402
import statsmodels.formula.api as smf  # noqa: E402
from scipy import stats  # noqa: E402

from simple_regression import DPI, FIGSIZE, OKABE_ITO, REPO, save, scatter_fit  # noqa: E402


def exact_response(design: np.ndarray, beta, sigma: float, rng) -> np.ndarray:
    """y = Xβ + e with e orthogonal to X and e′e/(n − p) = σ², so OLS returns β and σ."""
    noise = rng.standard_normal(design.shape[0])
    noise -= design @ np.linalg.lstsq(design, noise, rcond=None)[0]
    dof = design.shape[0] - np.linalg.matrix_rank(design)
    noise *= sigma * np.sqrt(dof) / np.linalg.norm(noise)
    return design @ np.asarray(beta) + noise


def style(ax, x_label, y_label):
    ax.set_xlabel(x_label)
    ax.set_ylabel(y_label)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(True, color="#e6e6e6", linewidth=0.8)
    ax.set_axisbelow(True)


def simple_reg(toluca, out):
    fit = smf.ols("work_hours ~ lot_size", data=toluca).fit()
    fig, ax = plt.subplots(figsize=FIGSIZE, layout="constrained")
    scatter_fit(ax, toluca["lot_size"], toluca["work_hours"], fit, "Lot size (units)", "Work hours")
    save(fig, out / "simple-regression", "simple-reg")


def probability_model(toluca, out):
    fit = smf.ols("work_hours ~ lot_size", data=toluca).fit()
    b0, b1 = fit.params
    sigma = np.sqrt(fit.scale)
    fig, ax = plt.subplots(figsize=FIGSIZE, layout="constrained")
    xs = np.array([toluca.lot_size.min() - 10, toluca.lot_size.max() + 10])
    ax.plot(xs, b0 + b1 * xs, color=OKABE_ITO["orange"], linewidth=2.2, label="E(Y) = β₀ + β₁x")
    ax.scatter(toluca.lot_size, toluca.work_hours, s=18, color=OKABE_ITO["grey"], zorder=3)
    width = 14.0  # horizontal extent of a density's peak, in x units
    for x0 in (30, 60, 90, 120):
        mean = b0 + b1 * x0
        ys = np.linspace(mean - 3.2 * sigma, mean + 3.2 * sigma, 200)
        dens = stats.norm.pdf(ys, mean, sigma)
        ax.fill_betweenx(ys, x0, x0 + width * dens / dens.max(), color=OKABE_ITO["blue"], alpha=0.25)
        ax.plot(x0 + width * dens / dens.max(), ys, color=OKABE_ITO["blue"], linewidth=1.4)
        ax.plot([x0], [mean], "o", color=OKABE_ITO["vermillion"], zorder=4)
        ax.annotate(f"$\\mathcal{{N}}({mean:.0f},\\ {sigma:.1f})$", (x0, mean), xytext=(-70, 6), textcoords="offset points",
                    fontsize=9)
    style(ax, "Lot size (units)", "Work hours")
    ax.legend(loc="upper left", frameon=False)
    save(fig, out / "probability-model", "simple-reg-prob")


def regression_plane(out):
    rng = np.random.default_rng(20)
    x1 = np.round(rng.uniform(0, 10, 40), 1)
    x2 = np.round(rng.uniform(0, 10, 40), 1)
    design = np.column_stack([np.ones(40), x1, x2])
    data = pd.DataFrame({"x1": x1, "x2": x2, "y": exact_response(design, [5, 2, -1.5], 3, rng)})
    fit = smf.ols("y ~ x1 + x2", data=data).fit()
    fig = plt.figure(figsize=(7.6, 6.2), layout="constrained")
    ax = fig.add_subplot(projection="3d")
    g1, g2 = np.meshgrid(np.linspace(0, 10, 12), np.linspace(0, 10, 12))
    plane = fit.params["Intercept"] + fit.params["x1"] * g1 + fit.params["x2"] * g2
    ax.plot_surface(g1, g2, plane, color=OKABE_ITO["grey"], alpha=0.35, linewidth=0)
    above = fit.resid > 0
    for xi, yi, zi, fi in zip(x1, x2, data.y, fit.fittedvalues):
        ax.plot([xi, xi], [yi, yi], [fi, zi], color="#555555", linewidth=0.8)
    ax.scatter(x1[above], x2[above], data.y[above], color=OKABE_ITO["blue"], label="above the plane")
    ax.scatter(x1[~above], x2[~above], data.y[~above], color=OKABE_ITO["vermillion"], label="below the plane")
    ax.view_init(elev=20, azim=-55)
    ax.set_xlabel("$X_1$")
    ax.set_ylabel("$X_2$")
    ax.set_zlabel("$Y$")
    ax.legend(loc="upper left", frameon=False)
    save(fig, out / "multiple-regression", "reg-plane")


def continuous_slope(out):
    rng = np.random.default_rng(7)
    dose = np.round(rng.uniform(0, 10, 40), 1)
    design = np.column_stack([np.ones(40), dose])
    data = pd.DataFrame({"dose": dose, "score": exact_response(design, [70, -5.344], 6, rng)})
    fit = smf.ols("score ~ dose", data=data).fit()
    fig, ax = plt.subplots(figsize=FIGSIZE, layout="constrained")
    scatter_fit(ax, data.dose, data.score, fit, "Predictor x", "Outcome y", residuals=False)
    b0, b1 = fit.params
    # The slope triangle: one unit along x, β̂₁ along y.
    ax.plot([5, 6, 6], [b0 + b1 * 5, b0 + b1 * 5, b0 + b1 * 6], color="black", linewidth=1.2)
    ax.text(6.15, b0 + b1 * 5.5, f"$\\hat{{\\beta}}_1 = {b1:.3f}$", va="center", fontsize=12)
    save(fig, out / "interpreting-parameters", "reg-continuous")


def dummy_means(out):
    rng = np.random.default_rng(8)
    group = np.repeat(["control", "patient"], 20)
    design = np.column_stack([np.ones(40), (group == "patient").astype(float)])
    data = pd.DataFrame({"group": group, "score": exact_response(design, [42, 7.94], 6, rng)})
    fit = smf.ols("score ~ C(group, Treatment('control'))", data=data).fit()
    b0, b1 = fit.params
    fig, ax = plt.subplots(figsize=FIGSIZE, layout="constrained")
    sns.stripplot(data=data, x="group", y="score", hue="group", jitter=0.08, size=6, ax=ax,
                  palette=[OKABE_ITO["blue"], OKABE_ITO["vermillion"]], legend=False)
    ax.plot([0, 1], [b0, b0 + b1], color=OKABE_ITO["orange"], linewidth=2.2)
    ax.scatter([0, 1], [b0, b0 + b1], marker="D", s=70, color="black", zorder=4)
    ax.text(0.1, b0, f"$\\hat{{\\beta}}_0 = {b0:.2f}$", va="center")
    ax.text(1.1, b0 + b1, f"$\\hat{{\\beta}}_0 + \\hat{{\\beta}}_1 = {b0 + b1:.2f}$", va="center")
    ax.text(0.5, b0 + b1 / 2 - 1.5, f"$\\hat{{\\beta}}_1 = {b1:.3f}$", ha="center", va="top")
    ax.set_xticks([0, 1], ["control (0)", "patient (1)"])
    ax.set_xlim(-0.4, 1.9)
    style(ax, "Group (dummy code)", "Outcome y")
    save(fig, out / "interpreting-parameters", "reg-dummy")


def design_matrix(data, formula, out, name):
    design = patsy.dmatrix(formula, data, return_type="dataframe")
    values = design.to_numpy()
    span = values.max(axis=0) - values.min(axis=0)
    scaled = np.where(span > 0, (values - values.min(axis=0)) / np.where(span > 0, span, 1), 1.0)
    # At least 7.2 in (720 px) wide, like every glmviz figure.
    fig, ax = plt.subplots(figsize=(max(7.2, 1.2 * values.shape[1] + 2), 0.45 * values.shape[0] + 2.4),
                           layout="constrained")
    ax.imshow(scaled, cmap="gray", vmin=0, vmax=1, aspect="auto")
    for (i, j), v in np.ndenumerate(values):
        ax.text(j, i, f"{v:g}", ha="center", va="center", color="black" if scaled[i, j] > 0.5 else "white")
    # patsy names a dummy column "C(blood, Treatment('O'))[T.AB]"; the level is what a reader needs.
    names = [re.sub(r".*\[T\.(.*)\]$", r"\1", column) for column in design.columns]
    ax.set_xticks(range(values.shape[1]), names)
    ax.xaxis.tick_top()
    ax.set_yticks(range(values.shape[0]), [str(i + 1) for i in range(values.shape[0])])
    ax.set_ylabel("row")
    save(fig, out / "categorical-predictors", name)


def design_matrices(out):
    diagnosis = pd.DataFrame({"diagnosis": ["patient"] * 3 + ["control"] * 3,
                              "score": [14.2, 12.9, 15.1, 9.8, 11.0, 10.3]})
    smf.ols("score ~ C(diagnosis, Treatment('control'))", data=diagnosis).fit()
    design_matrix(diagnosis, "C(diagnosis, Treatment('control'))", out, "design-diagnosis")
    blood = pd.DataFrame({"blood": pd.Categorical(["A", "A", "B", "B", "AB", "AB", "O", "O"],
                                                  categories=["A", "B", "AB", "O"]),
                          "score": [11.2, 12.0, 9.4, 10.1, 13.3, 12.5, 8.6, 9.5]})
    smf.ols("score ~ C(blood, Treatment('O'))", data=blood).fit()
    design_matrix(blood, "C(blood, Treatment('O'))", out, "design-blood-type")


def t_distribution(out):
    rng = np.random.default_rng(11)
    group = np.repeat(["control", "patient"], 10)
    design = np.column_stack([np.ones(20), (group == "patient").astype(float)])
    data = pd.DataFrame({"group": group, "score": exact_response(design, [20, 4], 4, rng)})
    fit = smf.ols("score ~ group", data=data).fit()
    t, p, df = fit.tvalues.iloc[1], fit.pvalues.iloc[1], fit.df_resid
    fig, ax = plt.subplots(figsize=FIGSIZE, layout="constrained")
    lim = max(4.5, abs(t) + 1)
    xs = np.linspace(-lim, lim, 600)
    ax.plot(xs, stats.t.pdf(xs, df), color=OKABE_ITO["blue"], linewidth=2)
    for tail in (xs >= abs(t), xs <= -abs(t)):
        ax.fill_between(xs[tail], stats.t.pdf(xs[tail], df), color=OKABE_ITO["vermillion"], alpha=0.5)
    ax.axvline(t, color="black", linestyle="--", linewidth=1.2)
    ax.text(t, stats.t.pdf(0, df) * 0.6, f"  observed t = {t:.2f}", ha="left")
    ax.text(0, stats.t.pdf(0, df) * 0.2, f"two-sided p = {p:.4f}", ha="center")
    ax.set_ylim(bottom=0)
    style(ax, f"t (df = {df:.0f})", "density")
    save(fig, out / "inference", "t-distribution")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=pathlib.Path, default=REPO / "data" / "toluca.csv")
    parser.add_argument("--out", type=pathlib.Path, default=pathlib.Path("bench-output/python/all"))
    args = parser.parse_args()
    toluca = pd.read_csv(args.data)
    simple_reg(toluca, args.out)
    probability_model(toluca, args.out)
    regression_plane(args.out)
    continuous_slope(args.out)
    dummy_means(args.out)
    design_matrices(args.out)
    t_distribution(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
