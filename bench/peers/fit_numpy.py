"""The leanest Python fit a numerate author would write: pandas `read_csv`, then numpy
`lstsq` with standard errors from (X′X)⁻¹, t, and two-sided p from scipy's t
distribution. It is the floor for `glmviz fit`'s fit itself.

Prints the table, and on stderr the fit itself, warm (`fit-seconds: S`): from the
design matrix and response to β̂, SE, t and p, run twice and the second timed.

Usage: fit_numpy.py FILE   (first column is the response, the rest are predictors)
"""

import sys

import numpy as np
from scipy import stats

from fit_common import print_table, read, report_fit_seconds, warm_seconds


def inference(y, x):
    n = x.shape[0]
    beta, _, rank, _ = np.linalg.lstsq(x, y, rcond=None)
    residuals = y - x @ beta
    df = n - rank
    sigma2 = residuals @ residuals / df
    se = np.sqrt(sigma2 * np.diag(np.linalg.inv(x.T @ x)))
    t = beta / se
    p = 2 * stats.t.sf(np.abs(t), df)
    centred = y - y.mean()
    r_squared = 1 - residuals @ residuals / (centred @ centred)
    return beta, se, t, p, rank, sigma2, r_squared


def main(argv) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    frame = read(argv[1])
    y = frame.iloc[:, 0].to_numpy(dtype=float)
    x = np.column_stack([np.ones(len(frame)), frame.iloc[:, 1:].to_numpy(dtype=float)])
    (beta, se, t, p, rank, sigma2, r2), seconds = warm_seconds(lambda: inference(y, x))
    print_table(["Intercept", *frame.columns[1:]], beta, se, t, p, len(frame), rank, sigma2, r2)
    report_fit_seconds(seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
