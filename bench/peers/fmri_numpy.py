"""The fit itself as numpy does it for every voxel at once: pinv(X) @ Y, residuals,
σ̂² and one t contrast, on data already in memory (float32, then float64). The floor
for `glmviz fmri fit`'s fit (OLS, no scaling, 10 regressors).

The design is 10 columns: the three conditions' boxcars convolved with a double-gamma
HRF, six cosines of SPM's 128-s basis and the constant; its exact values do not change
the work. Prints the t range; on stderr `fit-seconds: S` (float32, second of two fits)
and `fit-seconds-float64: S`.

Usage: fmri_numpy.py BOLD EVENTS TR
"""

import sys
import time

import nibabel as nib
import numpy as np


def design(events, scans, tr):
    t = np.arange(scans) * tr
    dt = 0.1
    grid = np.arange(0, 32, dt)
    hrf = grid ** 5 * np.exp(-grid) / 120 - grid ** 15 * np.exp(-grid) / 6 / 1.3e12
    columns = []
    for condition in sorted({row[2] for row in events}):
        fine = np.zeros(int(scans * tr / dt) + 1)
        for onset, duration, name in events:
            if name == condition:
                fine[int(onset / dt):int((onset + duration) / dt)] = 1
        columns.append(np.convolve(fine, hrf)[: fine.size][(t / dt).astype(int)] * dt)
    for k in range(1, 7):
        columns.append(np.sqrt(2 / scans) * np.cos(np.pi * (np.arange(scans) + 0.5) * k / scans))
    columns.append(np.ones(scans))
    return np.column_stack(columns)


def fit(x, y, c):
    pinv = np.linalg.pinv(x)
    beta = pinv @ y
    residuals = y - x @ beta
    df = x.shape[0] - np.linalg.matrix_rank(x)
    sigma2 = (residuals * residuals).sum(axis=0) / df
    variance = c @ pinv @ pinv.T @ c
    return (c @ beta) / np.sqrt(sigma2 * variance)


def warm(x, y, c):
    fit(x, y, c)
    start = time.perf_counter()
    t = fit(x, y, c)
    return t, time.perf_counter() - start


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    image = nib.load(argv[1])
    lines = open(argv[2]).read().split("\n")[1:]
    events = [(float(a), float(b), c) for a, b, c in (line.split("\t") for line in lines if line)]
    data = np.asarray(image.dataobj)
    scans = data.shape[3]
    y32 = data.reshape(-1, scans).T.astype(np.float32)
    x = design(events, scans, float(argv[3]))
    c = np.zeros(x.shape[1])
    c[0], c[1] = 1, -1
    t, seconds = warm(x.astype(np.float32), y32, c.astype(np.float32))
    print(f"t from {t.min():.3f} to {t.max():.3f} over {t.size} voxels, {x.shape[1]} regressors")
    print(f"fit-seconds: {seconds:.6f}", file=sys.stderr)
    del y32
    y64 = data.reshape(-1, scans).T.astype(np.float64)
    _, seconds64 = warm(x, y64, c)
    print(f"fit-seconds-float64: {seconds64:.6f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
