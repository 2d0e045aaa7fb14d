#!/usr/bin/env python3
"""Writes data/haxby2001_sub001_run001.csv: the ventral temporal mask-average
BOLD series (the mask's one voxel on the 25 mm grid) of Haxby et al. (2001), subject 1, run 1 (121 scans, TR 2.5 s),
with the run's six motion parameters beside it.

Run by hand, once, from the repository root, with nibabel in a virtual
environment (glmviz does not read NIfTI yet):

    python3 -m venv .build/fmri-venv
    .build/fmri-venv/bin/pip install nibabel numpy
    .build/fmri-venv/bin/python scripts/fmri/extract-haxby-run1.py /work/shared/data/fmri/haxby2001-sub001

The source is PyMVPA 2.6.5's redistribution of the data (see data/README.md).
The series is the mean over the voxels of the `vt` (ventral temporal) mask on
the 25 mm grid, of `bold_25mm.nii.gz`, in the scanner's units (at 25 mm the
mask holds a single voxel, so this is that voxel's series): the mask was
drawn by the study's authors, not chosen from the data, so the face − house
contrast on it is not circular. Motion parameters are `bold_moest.txt` as
given (three rotations in radians, three translations in mm)."""
import csv
import pathlib
import sys

import nibabel
import numpy

source = pathlib.Path(sys.argv[1])
root = pathlib.Path(__file__).resolve().parent.parent.parent
bold = nibabel.load(source / "BOLD/task001_run001/bold_25mm.nii.gz").get_fdata()
mask = nibabel.load(source / "masks/25mm/vt.nii.gz").get_fdata() > 0
assert bold.shape[:3] == mask.shape, (bold.shape, mask.shape)
series = bold[mask].mean(axis=0)
motion = numpy.loadtxt(source / "BOLD/task001_run001/bold_moest.txt")
assert motion.shape == (series.size, 6), motion.shape
names = ["vt", "rot_x", "rot_y", "rot_z", "trans_x", "trans_y", "trans_z"]
with open(root / "data/haxby2001_sub001_run001.csv", "w", newline="") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    for value, row in zip(series, motion):
        writer.writerow([repr(round(float(value), 6))] + [repr(float(v)) for v in row])
print(f"{int(mask.sum())} voxels in the vt mask, {series.size} scans, mean {series.mean():.2f}")
