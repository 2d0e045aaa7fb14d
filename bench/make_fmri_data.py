"""Writes the benchmark's fMRI volume: 10⁵ voxels (50 × 50 × 40) × 200 scans of int16
BOLD-like signal (TR 2 s), with three conditions in a BIDS events.tsv, the same bytes
on every machine. The design is then 10 regressors: three conditions with SPM's HRF,
six cosines for a 128-s high-pass and the constant.

Each voxel is a baseline near 1000, slow drift, AR(1) noise (ρ 0.3) and, in a third of
the voxels, a response to condition "a". Files go to bench/data/ (git-ignored) and are
written only when missing, so repeated runs share them.

Usage: make_fmri_data.py [--out DIR]   (prints the folder)
"""

import argparse
import pathlib

import nibabel as nib
import numpy as np

SHAPE = (50, 50, 40)
SCANS = 200
TR = 2.0
SEED = 20261201


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(pathlib.Path(__file__).resolve().parent / "data" / "fmri-1e5"))
    folder = pathlib.Path(parser.parse_args().out)
    bold, events = folder / "bold.nii", folder / "events.tsv"
    if not (bold.exists() and events.exists()):
        folder.mkdir(parents=True, exist_ok=True)
        rng = np.random.default_rng(SEED)
        onsets = {c: np.arange(10 + 40 * k, SCANS * TR - 30, 120.0) for k, c in enumerate("abc")}
        with open(events, "w") as f:
            f.write("onset\tduration\ttrial_type\n")
            for c, times in onsets.items():
                for t in times:
                    f.write(f"{t:g}\t15\t{c}\n")
        t = np.arange(SCANS) * TR
        box = np.zeros(SCANS)
        for onset in onsets["a"]:
            box[(t >= onset) & (t < onset + 15)] = 1
        response = np.convolve(box, np.exp(-np.arange(10) / 2.0))[:SCANS]
        voxels = int(np.prod(SHAPE))
        noise = rng.standard_normal((voxels, SCANS)).astype(np.float32) * 8
        for s in range(1, SCANS):
            noise[:, s] += 0.3 * noise[:, s - 1]
        baseline = 1000 + 50 * rng.standard_normal(voxels)
        drift = np.outer(rng.standard_normal(voxels) * 5, np.cos(np.pi * t / t[-1]))
        active = rng.random(voxels) < 1 / 3
        data = baseline[:, None] + drift + noise + np.outer(active * 10, response)
        data = np.rint(data).astype(np.int16).reshape(SHAPE + (SCANS,), order="F")
        image = nib.Nifti1Image(data, np.diag([3.0, 3.0, 3.0, 1.0]))
        image.header.set_xyzt_units("mm", "sec")
        image.header["pixdim"][4] = TR
        nib.save(image, bold)
    print(folder)


if __name__ == "__main__":
    main()
