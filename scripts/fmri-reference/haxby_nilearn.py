#!/usr/bin/env python3
"""Independent voxelwise fit of the Haxby slice with nilearn.

Writes Tests/GLMTests/Fixtures/fmri/haxby_nilearn.json: for each of the 12 runs
nilearn's design matrix (the eight conditions with SPM's canonical HRF, a 128-s
cosine drift, a constant; frame times 0, 2.5, 5, ... s), the mask (the voxels whose
mean EPI over all runs exceeds 100), the F of face and house jointly, nilearn's
compute_epi_mask of run 1's 25-mm whole-brain image, and the face - house t of every in-mask voxel,
fitted per run (each run scaled to percent signal as nilearn's signal_scaling=0
does) and combined by fixed effects over the runs, with ordinary least squares and
with AR(1) prewhitening. The same t is computed twice, through run_glm and
compute_fixed_effect_contrast and through FirstLevelModel given the same designs
and mask; the JSON records their largest difference.

Run by hand, not by the tests:
    python3 -m venv .build/fmri-venv
    .build/fmri-venv/bin/pip install nilearn nibabel
    .build/fmri-venv/bin/python scripts/fmri-reference/haxby_nilearn.py
"""
import json
import os

import nibabel as nib
import nilearn
import numpy as np
import pandas as pd
from nilearn.glm.contrasts import compute_fixed_effect_contrast
from nilearn.glm.first_level import FirstLevelModel, make_first_level_design_matrix, run_glm
from nilearn.glm.first_level.first_level import mean_scaling
from nilearn.masking import compute_epi_mask

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "Tests", "GLMTests", "Fixtures", "fmri")
SLICE = os.path.join(FIXTURES, "haxby-slice")
TR = 2.5
CONDITIONS = ["house", "scrambledpix", "cat", "shoe", "bottle", "scissors", "chair", "face"]


def run_events(folder):
    rows = []
    for condition in CONDITIONS:
        table = np.loadtxt(os.path.join(folder, condition + ".txt"), ndmin=2)
        for onset, duration, weight in table:
            rows.append((onset, duration, weight, condition))
    return pd.DataFrame(rows, columns=["onset", "duration", "modulation", "trial_type"])


def main():
    runs = sorted(d for d in os.listdir(SLICE) if d.startswith("run"))
    images = [nib.load(os.path.join(SLICE, r, "bold_1slice.nii.gz")) for r in runs]
    data = [np.asarray(img.dataobj, dtype=np.float64) for img in images]
    mean = np.mean([d.mean(axis=3) for d in data], axis=0)
    mask = mean > 100
    flat = np.flatnonzero(mask.ravel(order="F"))  # i fastest, as NIfTI stores voxels
    designs = []
    for r, d in zip(runs, data):
        frame_times = np.arange(d.shape[3]) * TR
        designs.append(make_first_level_design_matrix(
            frame_times, run_events(os.path.join(SLICE, r)), hrf_model="spm",
            drift_model="cosine", high_pass=1.0 / 128))
    out = {
        "nilearn": nilearn.__version__,
        "runs": runs,
        "tr": TR,
        "mask_flat_indices": flat.tolist(),
        "voxels": int(flat.size),
        "designs": [{"columns": list(dm.columns), "values": dm.to_numpy(dtype=float).T.tolist()}
                    for dm in designs],
    }
    for noise in ["ols", "ar1"]:
        labels, results, contrasts = [], [], []
        for d, dm in zip(data, designs):
            y = d.reshape(-1, d.shape[3], order="F")[flat].T  # scans x voxels, float64
            y, _ = mean_scaling(y)
            lab, res = run_glm(y, dm.to_numpy(dtype=float), noise_model=noise)
            labels.append(lab)
            results.append(res)
            names = list(dm.columns)
            c = np.zeros(len(names))
            c[names.index("face")] = 1
            c[names.index("house")] = -1
            contrasts.append(c)
        con = compute_fixed_effect_contrast(labels, results, contrasts, "t")
        f_rows = []
        for c, dm in zip(contrasts, designs):
            names = list(dm.columns)
            rows = np.zeros((2, len(names)))
            rows[0, names.index("face")] = 1
            rows[1, names.index("house")] = 1
            f_rows.append(rows)
        f_con = compute_fixed_effect_contrast(labels, results, f_rows, "F")
        out["f_face_house_" + noise] = np.asarray(f_con.stat()).ravel().tolist()
        t = np.asarray(con.stat()).ravel()
        # The same through FirstLevelModel, given the same designs and mask.
        mask_img = nib.Nifti1Image(mask.astype(np.int8), images[0].affine)
        model = FirstLevelModel(t_r=TR, mask_img=mask_img, noise_model=noise, signal_scaling=0,
                                minimize_memory=False)
        float_images = [nib.Nifti1Image(d, img.affine, img.header) for d, img in zip(data, images)]
        model.fit(float_images, design_matrices=designs)
        t_model = model.compute_contrast("face - house", stat_type="t", output_type="stat")
        t_model = np.asarray(t_model.dataobj).ravel(order="F")[flat]
        out["t_" + noise] = t.tolist()
        out["effect_" + noise] = np.asarray(con.effect).ravel().tolist()
        out["dof_" + noise] = float(con.dof)
        out["t_range_" + noise] = [float(t.min()), float(t.max())]
        out["first_level_model_max_difference_" + noise] = float(np.max(np.abs(t_model - t)))
        print(noise, "t from", round(t.min(), 2), "to", round(t.max(), 2),
              "FirstLevelModel differs by", np.max(np.abs(t_model - t)))
    # compute_epi_mask on the whole-brain 25 mm run 1 (a one-slice volume erodes
    # to nothing, so the slice cannot show it).
    epi = compute_epi_mask(nib.load(os.path.join(SLICE, "run001", "bold_25mm.nii.gz")))
    out["epi_mask_25mm_run001"] = np.flatnonzero(
        np.asarray(epi.dataobj).astype(bool).ravel(order="F")).tolist()
    with open(os.path.join(FIXTURES, "haxby_nilearn.json"), "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
