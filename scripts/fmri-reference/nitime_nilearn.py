#!/usr/bin/env python3
"""Independent fit of the nitime event-related series with nilearn.

Writes Tests/GLMTests/Fixtures/fmri/nitime_nilearn.json: nilearn's design matrix
for the series (each event a 2-s block at its scan's time, SPM's canonical HRF,
a 128-s cosine drift, frame times 0, 2, 4, ... s), each condition's t with
ordinary least squares and with AR(1) prewhitening (run_glm, noise_model="ar1"),
the AR(1) coefficient before and after nilearn's binning, and nilearn's SPM and
Glover kernels at TR 2 s, oversampling 50.

Run by hand, not by the tests:
    python3 -m venv .build/fmri-venv
    .build/fmri-venv/bin/pip install nilearn
    .build/fmri-venv/bin/python scripts/fmri-reference/nitime_nilearn.py
"""
import json
import os
import sys

import nilearn
import numpy as np
import pandas as pd
from nilearn.glm.contrasts import compute_contrast
from nilearn.glm.first_level import make_first_level_design_matrix, run_glm
from nilearn.glm.first_level.first_level import _yule_walker
from nilearn.glm.first_level.hemodynamic_models import glover_hrf, spm_hrf

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "Tests", "GLMTests", "Fixtures", "fmri")
TR = 2.0
HIGH_PASS = 1.0 / 128


def main():
    data = pd.read_csv(os.path.join(FIXTURES, "event_related_fmri.csv"))
    bold = data["bold"].to_numpy(dtype=float)
    codes = data["events"].to_numpy().astype(int)
    n = bold.size
    frame_times = np.arange(n) * TR
    scans = np.nonzero(codes)[0]
    events = pd.DataFrame({
        "onset": scans * TR,
        "duration": np.full(scans.size, TR),
        "trial_type": [f"event_{codes[i]}" for i in scans],
    })
    design = make_first_level_design_matrix(
        frame_times, events, hrf_model="spm", drift_model="cosine", high_pass=HIGH_PASS)
    names = list(design.columns)
    x = design.to_numpy(dtype=float)
    y = bold[:, None]
    conditions = sorted(events["trial_type"].unique())

    def t_values(noise_model):
        labels, results = run_glm(y, x, noise_model=noise_model)
        out = {}
        for condition in conditions:
            weights = np.zeros(len(names))
            weights[names.index(condition)] = 1
            out[condition] = float(compute_contrast(labels, results, weights, stat_type="t").stat()[0])
        return out, labels, results

    t_ols, ols_labels, ols_results = t_values("ols")
    t_ar1, ar_labels, ar_results = t_values("ar1")
    residuals = ols_results[ols_labels[0]].residuals[:, 0]
    rho = float(_yule_walker(residuals[None, :], 1)[0, 0])
    rho_used = float(np.asarray(ar_results[ar_labels[0]].model.rho).ravel()[0])

    # The whitened residuals' lag-1 autocorrelation, as the autocorrelation figure shows it.
    whitened_results = ar_results[ar_labels[0]]
    wresid = np.asarray(whitened_results.whitened_residuals)[:, 0] if hasattr(whitened_results, "whitened_residuals") else None
    if wresid is None:
        model = whitened_results.model
        wy = model.whiten(y)[:, 0]
        wresid = wy - model.whitened_design @ whitened_results.theta[:, 0]
    centred = wresid - wresid.mean()
    lag1_after = float(np.sum(centred[1:] * centred[:-1]) / np.sum(centred ** 2))

    drift = [j for j, name in enumerate(names) if name.startswith("drift")]
    i = np.arange(n)[:, None]
    k = np.arange(1, len(drift) + 1)[None, :]
    dct = np.sqrt(2.0 / n) * np.cos(np.pi * (2 * i + 1) * k / (2 * n))

    fixture = {
        "source": (
            "nilearn " + nilearn.__version__ + " (numpy " + np.__version__ + ", pandas " + pd.__version__
            + "), written by scripts/fmri-reference/nitime_nilearn.py from event_related_fmri.csv"),
        "design": (
            "make_first_level_design_matrix(frame_times = 0, 2, ..., 6718 s; each non-zero event code k at scan i "
            "an event 'event_k' at onset 2i s lasting 2 s; hrf_model='spm', drift_model='cosine', high_pass=1/128 Hz); "
            "default oversampling 50"),
        "column_names": names,
        # Conditions and constant as nilearn computed them; the 104 drift columns are
        # spm_dctmtx's cosines (checked here), so the test rebuilds them from the formula.
        "design_columns": {name: x[:, j].tolist() for j, name in enumerate(names) if not name.startswith("drift")},
        "drift_columns": len(drift),
        "drift_max_difference_from_dct_formula": float(np.abs(x[:, drift] - dct).max()),
        "t_ols": t_ols,
        "t_ar1": t_ar1,
        "ar1_coefficient": rho,
        "ar1_coefficient_used": rho_used,
        "whitened_residual_lag1_autocorrelation": lag1_after,
        "spm_hrf_tr2_oversampling50": spm_hrf(TR, oversampling=50).tolist(),
        "glover_hrf_tr2_oversampling50": glover_hrf(TR, oversampling=50).tolist(),
    }
    path = os.path.join(FIXTURES, "nitime_nilearn.json")
    with open(path, "w") as out:
        json.dump(fixture, out, indent=None, separators=(",", ":"))
        out.write("\n")
    print("wrote", path, file=sys.stderr)
    print(json.dumps({k: fixture[k] for k in ("t_ols", "t_ar1", "ar1_coefficient", "ar1_coefficient_used",
                                              "whitened_residual_lag1_autocorrelation")}, indent=1))


if __name__ == "__main__":
    main()
