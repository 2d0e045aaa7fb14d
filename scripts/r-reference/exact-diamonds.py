#!/usr/bin/env python3
"""Adds the exact least-squares answer to each case of r-accuracy.json.

Why: to score R's and glmviz's answers on a large design, the reference must come
from neither. Every CSV value is read as the double both programs read (Python's
float() rounds correctly, as do glmviz's reader and, for these short decimals, R's),
and from there everything is exact: each double is a rational number, so X'X, X'y
and y'y are summed as fractions, and the normal equations are solved in 100-digit
decimal arithmetic (their condition number is below 10⁶, so some 90 digits survive).

The models are factor interactions with one numeric variable, such as
`price ~ carat * cut * color`: every design column is a product of level indicators,
optionally times the numeric variable. Rows of one cell (one level of each factor)
share their indicators, so X'X is assembled from each cell's n, Σx, Σx², Σy, Σxy,
Σy² — 53 940 rows cost 35 cells' sums, not 53 940 × 70² products.

Run after make-fixtures.R, from the repository root:
    python3 scripts/r-reference/exact-diamonds.py
It writes `exact` (estimate, std_error and sigma as 30-digit strings) into each case.
"""

import csv
import json
import pathlib
from decimal import Decimal, getcontext
from fractions import Fraction

getcontext().prec = 100
FOLDER = pathlib.Path("Tests/GLMTests/Fixtures/r-reference")


def column_parts(name, factors, numeric):
    """(indicator conditions, uses numeric) of one design column, from R's name."""
    if name == "(Intercept)":
        return [], False
    conditions, uses_numeric = [], False
    for part in name.split(":"):
        if part == numeric:
            uses_numeric = True
            continue
        factor = next(f for f in factors if part.startswith(f))
        conditions.append((factor, part[len(factor):]))
    return conditions, uses_numeric


def exact_case(case):
    formula = case["formula"]
    response, rhs = [s.strip() for s in formula.split("~")]
    variables = [v.strip() for v in rhs.replace("*", " ").split()]
    with open(FOLDER / case["csv"], newline="") as handle:
        rows = list(csv.DictReader(handle))
    numeric = next(v for v in variables if all(_is_number(row[v]) for row in rows))
    factors = [v for v in variables if v != numeric]

    # Per-cell exact sums.
    cells = {}
    for row in rows:
        key = tuple(row[f] for f in factors)
        x = Fraction(float(row[numeric]))
        y = Fraction(float(row[response]))
        s = cells.setdefault(key, [0, Fraction(0), Fraction(0), Fraction(0), Fraction(0), Fraction(0)])
        s[0] += 1
        s[1] += x
        s[2] += x * x
        s[3] += y
        s[4] += x * y
        s[5] += y * y

    names = case["coefficient_names"]
    parts = [column_parts(name, factors, numeric) for name in names]
    p = len(names)
    xtx = [[Fraction(0)] * p for _ in range(p)]
    xty = [Fraction(0)] * p
    yty = Fraction(0)
    for key, (n, sx, sxx, sy, sxy, syy) in cells.items():
        level = dict(zip(factors, key))
        # Row of this cell: a + x·b, with a and b 0/1 vectors.
        a = [int(not uses and all(level[f] == l for f, l in conditions)) for conditions, uses in parts]
        b = [int(uses and all(level[f] == l for f, l in conditions)) for conditions, uses in parts]
        for j in range(p):
            if a[j] or b[j]:
                xty[j] += a[j] * sy + b[j] * sxy
                for k in range(p):
                    xtx[j][k] += a[j] * a[k] * n + (a[j] * b[k] + b[j] * a[k]) * sx + b[j] * b[k] * sxx
        yty += syy

    # Solve X'X [β | G] = [X'y | I] by Gauss–Jordan elimination with partial pivoting.
    def dec(f):
        return Decimal(f.numerator) / Decimal(f.denominator)

    m = [[dec(xtx[j][k]) for k in range(p)] + [dec(xty[j])] + [Decimal(int(j == k)) for k in range(p)]
         for j in range(p)]
    for c in range(p):
        pivot = max(range(c, p), key=lambda r: abs(m[r][c]))
        m[c], m[pivot] = m[pivot], m[c]
        inverse = 1 / m[c][c]
        m[c] = [v * inverse for v in m[c]]
        for r in range(p):
            if r != c and m[r][c] != 0:
                factor = m[r][c]
                m[r] = [v - factor * w for v, w in zip(m[r], m[c])]
    beta = [m[j][p] for j in range(p)]
    gram_diagonal = [m[j][p + 1 + j] for j in range(p)]
    # e'e = y'y − β'X'y (exact data, β to ~90 digits).
    rss = dec(yty) - sum(beta[j] * dec(xty[j]) for j in range(p))
    sigma2 = rss / (len(rows) - p)
    standard_errors = [(sigma2 * g).sqrt() for g in gram_diagonal]
    form = lambda v: f"{v:.30e}"
    return {
        "estimate": [form(v) for v in beta],
        "std_error": [form(v) for v in standard_errors],
        "sigma": form(sigma2.sqrt()),
    }


def _is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def main():
    path = FOLDER / "r-accuracy.json"
    data = json.loads(path.read_text())
    for case in data["cases"]:
        case["exact"] = exact_case(case)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote exact answers for {len(data['cases'])} cases to {path}")


if __name__ == "__main__":
    main()
