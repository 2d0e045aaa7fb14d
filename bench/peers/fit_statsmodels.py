"""Peer of `glmviz fit FILE FORMULA`: pandas `read_csv`, then statsmodels OLS through
its formula interface, printing β̂, SE, t, p, σ̂² and R².

Also prints on stderr the fit itself, warm (`fit-seconds: S`): statsmodels OLS with its
standard errors, t and p on the design matrix already built, run twice and the second
timed, so the comparison leaves out CSV parsing and Python's start-up.

Usage: fit_statsmodels.py FILE [FORMULA]   (default: first column ~ all the others)
"""

import sys

import statsmodels.api as sm
import statsmodels.formula.api as smf

from fit_common import default_formula, print_table, read, report_fit_seconds, warm_seconds


def inference(y, x):
    result = sm.OLS(y, x).fit()
    # Touch every number the table shows; statsmodels computes them lazily.
    return result, result.bse, result.tvalues, result.pvalues, result.rsquared


def main(argv) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    frame = read(argv[1])
    formula = argv[2] if len(argv) == 3 else default_formula(frame)
    model = smf.ols(formula, data=frame)
    (result, bse, t, p, r2), seconds = warm_seconds(lambda: inference(model.endog, model.exog))
    print_table(model.exog_names, result.params, bse, t, p, int(result.nobs), int(result.df_model) + 1,
                result.scale, r2)
    report_fit_seconds(seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
