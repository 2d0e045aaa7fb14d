#!/usr/bin/env python3
"""Writes data/haxby2001_sub001_run001.csv: one ventral temporal voxel's BOLD
series in run 1 of subject 1 of Haxby et al. (2001) (121 scans, TR 2.5 s),
with the run's six motion parameters beside it.

Run by hand, once, from the repository root, with nibabel in a virtual
environment (glmviz does not read NIfTI yet):

    python3 -m venv .build/fmri-venv
    .build/fmri-venv/bin/pip install nibabel numpy
    .build/fmri-venv/bin/python scripts/fmri/extract-haxby-run1.py /work/shared/data/fmri/haxby2001-sub001

The source is PyMVPA 2.6.5's redistribution of the data (see data/README.md):
`bold_1slice.nii.gz`, the posterior half of one axial slice through ventral
temporal cortex, in the scanner's units.

Which voxel: the one whose face and house blocks differ most consistently in
the OTHER eleven runs (2-12), so that the lesson's fit of run 1 is not of a
voxel chosen for what run 1 shows. For each voxel whose mean EPI exceeds 100,
and each of runs 2-12, d = mean over the face blocks' scans - mean over the
house blocks' scans, each block's scans taken from 5 s after its onset to 5 s
after its end (the response's lag); the voxel's score is the t of those eleven
d values, mean(d) / (sd(d) / sqrt(11)), and the voxel with the largest |score|
is kept. Motion parameters are run 1's `bold_moest.txt` as given (three
rotations in radians, three translations in mm)."""
import csv
import pathlib
import sys

import nibabel
import numpy

source = pathlib.Path(sys.argv[1])
root = pathlib.Path(__file__).resolve().parent.parent.parent
TR, LAG = 2.5, 5.0


def onsets(run, condition):
    path = source / f"onsets/task001_run{run:03d}/cond{condition:03d}.txt"
    return numpy.atleast_2d(numpy.loadtxt(path))


def block_scans(run, condition, scans):
    times = numpy.arange(scans) * TR
    keep = numpy.zeros(scans, bool)
    for onset, duration, _ in onsets(run, condition):
        keep |= (times >= onset + LAG) & (times < onset + duration + LAG)
    return keep


def bold(run):
    return nibabel.load(source / f"BOLD/task001_run{run:03d}/bold_1slice.nii.gz").get_fdata()


FACE, HOUSE = 8, 1
first = bold(1)
inside = first.mean(axis=-1) > 100
differences = []
for run in range(2, 13):
    data = bold(run)
    n = data.shape[-1]
    face, house = block_scans(run, FACE, n), block_scans(run, HOUSE, n)
    differences.append(data[..., face].mean(axis=-1) - data[..., house].mean(axis=-1))
d = numpy.stack(differences)
with numpy.errstate(invalid="ignore", divide="ignore"):  # voxels outside the brain are constant
    score = d.mean(axis=0) / (d.std(axis=0, ddof=1) / numpy.sqrt(d.shape[0]))
score[~inside] = 0
index = numpy.unravel_index(numpy.argmax(numpy.abs(score)), score.shape)
series = first[index]
motion = numpy.loadtxt(source / "BOLD/task001_run001/bold_moest.txt")
assert motion.shape == (series.size, 6), motion.shape
names = ["vt", "rot_x", "rot_y", "rot_z", "trans_x", "trans_y", "trans_z"]
with open(root / "data/haxby2001_sub001_run001.csv", "w", newline="") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    for value, row in zip(series, motion):
        writer.writerow([repr(round(float(value), 6))] + [repr(float(v)) for v in row])
print(f"voxel {tuple(int(i) for i in index)} of {int(inside.sum())} inside; "
      f"face - house score over runs 2-12: {score[index]:.2f}; {series.size} scans, mean {series.mean():.2f}")
