#!/usr/bin/env python3
"""Writes the statsmodels cross-check fixtures for the GLM tests.

Run once, from this folder, in a virtual environment with statsmodels:

    python3 -m venv /tmp/sm && /tmp/sm/bin/pip install statsmodels pandas patsy
    /tmp/sm/bin/python make_fixtures.py

Outputs (committed; the tests never run Python):
  *.csv              small datasets drawn from a fixed seed
  statsmodels.json   OLS results for each case, keyed by R-style column names
"""
import json
import platform
import re

import numpy as np
import pandas as pd
import patsy
import statsmodels
import statsmodels.formula.api as smf

rng = np.random.default_rng(20261121)


def write_csv(frame, name):
    # Missing values are written as empty cells; the tests also see "NA" below.
    frame.to_csv(name, index=False, na_rep="", float_format="%.6g")
    return read_csv(name)


def read_csv(name):
    # pandas 3 parses decimals correctly rounded by default, as glmviz's reader
    # does, so both programs start from identical doubles (the tests check X exactly).
    return pd.read_csv(name)


def three_levels():
    n = 36
    x = np.round(rng.uniform(0, 10, n), 2)
    group = np.array(["control", "dose_low", "dose_high"])[np.arange(n) % 3]
    effect = {"control": 0.0, "dose_low": 1.5, "dose_high": 3.0}
    slope = {"control": 0.8, "dose_low": 1.1, "dose_high": 0.6}
    y = np.array([2 + slope[g] * xi + effect[g] for g, xi in zip(group, x)]) + rng.normal(0, 1, n)
    return write_csv(pd.DataFrame({"y": np.round(y, 3), "x": x, "group": group}), "three_levels.csv")


def two_factors():
    n = 30
    a = np.array(["a1", "a2", "a3"])[np.arange(n) % 3]
    b = np.array(["b1", "b2"])[(np.arange(n) // 3) % 2]
    y = 5 + (a == "a2") * 1.0 + (a == "a3") * 2.0 + (b == "b2") * 0.5 + ((a == "a3") & (b == "b2")) * 1.5
    y = y + rng.normal(0, 0.7, n)
    return write_csv(pd.DataFrame({"y": np.round(y, 3), "a": a, "b": b}), "two_factors.csv")


def aliased():
    n = 20
    x = np.round(rng.uniform(-2, 5, n), 2)
    w = np.round(rng.normal(0, 1, n), 2)
    z = 2 * x - 1  # exactly x's linear image, so z is aliased with (Intercept) and x
    y = 1 + 0.5 * x - 0.7 * w + rng.normal(0, 0.3, n)
    return write_csv(pd.DataFrame({"y": np.round(y, 3), "x": x, "w": w, "z": z}), "aliased.csv")


def with_missing():
    n = 25
    x = np.round(rng.uniform(0, 4, n), 2)
    group = np.array(["a", "b", "c"])[np.arange(n) % 3]
    y = 3 - x + (group == "b") * 2.0 + rng.normal(0, 0.5, n)
    frame = pd.DataFrame({"y": np.round(y, 3), "x": x, "group": group})
    frame.loc[[2, 9], "y"] = np.nan
    frame.loc[[5], "x"] = np.nan
    frame.loc[[14, 20], "group"] = np.nan
    lines = frame.to_csv(index=False, na_rep="", float_format="%.6g").split("\n")
    # Data row i is line i + 1. Spell one missing y as NA and the missing x as NaN.
    lines[2 + 1] = "NA" + lines[2 + 1]
    lines[5 + 1] = lines[5 + 1].replace(",,", ",NaN,")
    with open("missing.csv", "w") as f:
        f.write("\n".join(lines))
    return read_csv("missing.csv")


def r_name(patsy_name):
    """Turns a patsy column name into the one R prints (groupdose_low, x:groupb, I(x^2))."""
    name = re.sub(r"C\((\w+)(?:, *Treatment\([^)]*\))?\)", r"\1", patsy_name)
    name = re.sub(r"(\w+)\[T\.([^\]]+)\]", r"\1\2", name)
    name = re.sub(r"(\w+)\[([^\]]+)\]", r"\1\2", name)
    if name == "Intercept":
        return "(Intercept)"
    return name.replace(" ** ", "^")


CASES = [
    # name, csv, formula in R syntax (what glmviz reads), formula for patsy, reference levels
    ("categorical_three_levels", "three_levels.csv", "y ~ x + group", "y ~ x + group", {}),
    ("reference_level", "three_levels.csv", "y ~ x + group",
     "y ~ x + C(group, Treatment(reference='dose_low'))", {"group": "dose_low"}),
    ("continuous_by_categorical", "three_levels.csv", "y ~ x * group", "y ~ x * group", {}),
    ("no_intercept", "three_levels.csv", "y ~ 0 + group + x", "y ~ 0 + group + x", {}),
    ("quadratic", "three_levels.csv", "y ~ x + I(x^2)", "y ~ x + I(x ** 2)", {}),
    ("categorical_interaction", "two_factors.csv", "y ~ a * b", "y ~ a * b", {}),
    ("aliased_column", "aliased.csv", "y ~ x + w + z", "y ~ x + w + z", {}),
    ("missing_values", "missing.csv", "y ~ x + group", "y ~ x + group", {}),
]


def main():
    frames = {
        "three_levels.csv": three_levels(),
        "two_factors.csv": two_factors(),
        "aliased.csv": aliased(),
        "missing.csv": with_missing(),
    }
    cases = []
    for name, csv, r_formula, patsy_formula, reference in CASES:
        frame = frames[csv]
        # missing="drop": listwise, as R's na.omit. Without an intercept in the
        # formula, hasconst=False makes statsmodels use R's convention (uncentred R²,
        # F over all columns) instead of detecting the constant the dummies span.
        has_intercept = not re.search(r"~\s*0\s*\+|-\s*1\b|\+\s*0\b", r_formula)
        model = smf.ols(patsy_formula, data=frame, **({} if has_intercept else {"hasconst": False}))
        fit = model.fit()  # method="pinv": the minimum-norm solution for aliased designs
        names = [r_name(c) for c in model.exog_names]
        ci = fit.conf_int(0.05)
        def by_name(series):
            return {r: float(series[c]) for r, c in zip(names, model.exog_names)}
        cases.append({
            "name": name,
            "csv": csv,
            "formula": r_formula,
            "patsy_formula": patsy_formula,
            "reference": reference,
            "columns": names,
            "x": model.exog.tolist(),
            "y": model.endog.tolist(),
            "nobs": int(fit.nobs),
            "dropped_rows": int(len(frame) - fit.nobs),
            "rank": int(np.linalg.matrix_rank(model.exog)),
            "df_resid": float(fit.df_resid),
            "scale": float(fit.scale),
            "params": by_name(fit.params),
            "bse": by_name(fit.bse),
            "tvalues": by_name(fit.tvalues),
            "pvalues": by_name(fit.pvalues),
            "conf_int_low": by_name(ci[0]),
            "conf_int_high": by_name(ci[1]),
            "rsquared": float(fit.rsquared),
            "rsquared_adj": float(fit.rsquared_adj),
            "fvalue": float(fit.fvalue),
            "f_pvalue": float(fit.f_pvalue),
        })
    out = {
        "generated_by": "make_fixtures.py",
        "versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "pandas": pd.__version__,
            "patsy": patsy.__version__,
            "statsmodels": statsmodels.__version__,
        },
        "cases": cases,
    }
    with open("statsmodels.json", "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
