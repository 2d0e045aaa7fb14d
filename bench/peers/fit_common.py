"""What the two fit peers share: reading the CSV, naming the model, printing the table,
and timing the fit itself (warm: the second of two runs) on stderr as `fit-seconds: S`,
the line bench/run reads."""

import sys
import time

import pandas as pd


def read(path: str) -> pd.DataFrame:
    return pd.read_csv(path)


def default_formula(frame: pd.DataFrame) -> str:
    """First column is the response, every other column a predictor."""
    response, *predictors = frame.columns
    return f"{response} ~ " + " + ".join(predictors)


def warm_seconds(fit):
    """Runs `fit` twice and returns (result of the second run, its wall time)."""
    fit()
    start = time.perf_counter()
    result = fit()
    return result, time.perf_counter() - start


def report_fit_seconds(seconds: float) -> None:
    print(f"fit-seconds: {seconds:.6f}", file=sys.stderr)


def print_table(names, estimate, se, t, p, n, rank, sigma2, r_squared) -> None:
    print(f"n = {n}, rank = {rank}, σ̂² = {sigma2:.10g}, R² = {r_squared:.10g}")
    print(f"{'term':<12}{'estimate':>18}{'std. error':>16}{'t':>12}{'p':>14}")
    for row in zip(names, estimate, se, t, p):
        print(f"{row[0]:<12}{row[1]:>18.10g}{row[2]:>16.8g}{row[3]:>12.5g}{row[4]:>14.4g}")
