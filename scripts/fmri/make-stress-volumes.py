#!/usr/bin/env python3
"""Writes the small NIfTI-1 volumes of Tests/LessonsTests/StressCorpus/fmri-volumes/,
data no one tuned the stat-map figure to. Deterministic (fixed seeds); numpy only.

- thin/run1.nii, thin/run2.nii: a 24 x 2 x 3 grid of 1 x 8 x 2 mm voxels (a thin
  slab seen almost edge-on), 40 scans of TR 2 s each, stored right-to-left; half the
  voxels follow one condition strongly, so an F map has large values.
- noise/run.nii: a 3 x 3 x 12 grid of 4 mm voxels, 30 scans of pure noise around
  -1000 (a signal far below zero), so no voxel survives FDR.
Run by hand: python3 scripts/fmri/make-stress-volumes.py"""
import pathlib
import struct

import numpy as np

root = pathlib.Path(__file__).resolve().parent.parent.parent / "Tests/LessonsTests/StressCorpus/fmri-volumes"


def write(path, data, voxel, affine, tr):
    """NIfTI-1 single file, float32, sform and qform code 1 (scanner), mm and s."""
    dims = list(data.shape)
    header = bytearray(352)
    struct.pack_into("<i", header, 0, 348)
    dim = [len(dims)] + dims + [1] * (7 - len(dims))
    struct.pack_into("<8h", header, 40, *dim)
    struct.pack_into("<hh", header, 70, 16, 32)  # float32
    pixdim = [1.0] + list(voxel) + [tr] + [0.0] * (7 - 3 - 1)
    struct.pack_into("<8f", header, 76, *pixdim)
    struct.pack_into("<f", header, 108, 352.0)
    struct.pack_into("<f", header, 112, 1.0)  # scl_slope
    header[123] = 2 | 8  # mm, s
    struct.pack_into("<hh", header, 252, 1, 1)
    struct.pack_into("<12f", header, 280, *np.asarray(affine, dtype=float)[:3].ravel())
    header[344:348] = b"n+1\0"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(header) + data.astype("<f4").ravel(order="F").tobytes())


def boxcar(scans, tr, onsets, duration):
    t = np.arange(scans) * tr
    return np.array([any(o <= s < o + duration + 6 for o in onsets) for s in t], dtype=float)


rng = np.random.default_rng(19)
# Thin slab: i runs right to left (x = -1 * i + 12), j along y, k along z.
thin_affine = [[-1, 0, 0, 12], [0, 8, 0, -8], [0, 0, 2, -2], [0, 0, 0, 1]]
for run, onsets in ((1, [10, 50]), (2, [20, 60])):
    scans = 40
    signal = boxcar(scans, 2.0, onsets, 10)
    data = 500 + rng.normal(0, 3, size=(24, 2, 3, scans))
    data[:12] += 40 * signal  # the left half follows the first condition
    write(root / f"thin/run{run}.nii", data, (1, 8, 2), thin_affine, 2.0)

noise_affine = [[4, 0, 0, -6], [0, 4, 0, -6], [0, 0, 4, -24], [0, 0, 0, 1]]
write(root / "noise/run.nii", -1000 + rng.normal(0, 5, size=(3, 3, 12, 30)), (4, 4, 4), noise_affine, 2.5)
for name, lines in {"thin/alpha_condition_with_a_long_name.txt": "10 10 1\n50 10 1\n",
                    "thin/beta_condition_with_a_long_name.txt": "30 8 1\n",
                    "noise/tap.txt": "5 5 1\n40 5 1\n"}.items():
    (root / name).write_text(lines)
print("wrote", root)
