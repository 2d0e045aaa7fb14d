"""What a course author would write with nilearn for `glmviz fmri fit`: FirstLevelModel
on one run (SPM HRF, 128-s cosine drift, percent signal, AR(1), every voxel in the
mask), one t contrast, the t map saved as NIfTI. Timed as a whole process, imports
included, as a student runs it.

Usage: fmri_nilearn.py BOLD EVENTS TR OUT_DIR
"""

import os
import sys

import nibabel as nib
import numpy as np
import pandas as pd
from nilearn.glm.first_level import FirstLevelModel


def main(argv):
    if len(argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    bold = nib.load(argv[1])
    events = pd.read_csv(argv[2], sep="\t")
    mask = nib.Nifti1Image(np.ones(bold.shape[:3], dtype=np.int8), bold.affine)
    model = FirstLevelModel(t_r=float(argv[3]), hrf_model="spm", drift_model="cosine", high_pass=1 / 128,
                            noise_model="ar1", signal_scaling=0, mask_img=mask)
    model.fit(bold, events=events)
    t = model.compute_contrast("a - b", stat_type="t", output_type="stat")
    os.makedirs(argv[4], exist_ok=True)
    nib.save(t, os.path.join(argv[4], "t_a_minus_b.nii.gz"))
    values = np.asarray(t.dataobj)
    print(f"t from {values.min():.3f} to {values.max():.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
