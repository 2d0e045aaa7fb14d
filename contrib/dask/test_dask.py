"""The dask driver on a LocalCluster with 2 workers: the assembled maps equal the
single-process maps of the same fit (the Haxby slice, 12 runs, face - house).

Run by contrib/dask/test.sh (which `make test` calls), with the glmviz binary as
the first argument.
"""

import json
import os
import subprocess
import sys
import tempfile

import nibabel as nib
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SLICE = os.path.join(ROOT, "Tests", "GLMTests", "Fixtures", "fmri", "haxby-slice")
sys.path.insert(0, HERE)
import glmviz_dask  # noqa: E402


def main(glmviz):
    runs = sorted(d for d in os.listdir(SLICE) if d.startswith("run"))
    fit_args = [os.path.join(SLICE, r, "bold_1slice.nii.gz") for r in runs]
    for r in runs:
        fit_args += ["--events", os.path.join(SLICE, r)]
    fit_args += ["--contrast", "face - house", "--contrast", "face; house", "--mask", "above:100", "--tr", "2.5"]
    with tempfile.TemporaryDirectory() as scratch:
        single = os.path.join(scratch, "single")
        subprocess.run([glmviz, "fmri", "fit", *fit_args, "--out", single], check=True, capture_output=True)
        spread = os.path.join(scratch, "dask")
        code = glmviz_dask.main(["--local-workers", "2", "--pieces", "5", "--glmviz", glmviz, "--out", spread,
                                 "--", *fit_args])
        assert code == 0, code
        maps = [m for m in json.load(open(os.path.join(single, "fits.json")))["maps"] if m.endswith(".nii.gz")]
        assert len(maps) >= 12, maps
        for name in maps:
            a = np.asarray(nib.load(os.path.join(single, name)).dataobj)
            b = np.asarray(nib.load(os.path.join(spread, name)).dataobj)
            assert a.shape == b.shape and np.array_equal(a, b), f"{name} differs: {np.max(np.abs(a - b))}"
        one = json.load(open(os.path.join(single, "fits.json")))
        many = json.load(open(os.path.join(spread, "fits.json")))
        assert many["voxels_fitted"] == one["voxels_fitted"] == 530, (many["voxels_fitted"], one["voxels_fitted"])
        assert len(many["pieces"]) == 5
        for c1, c2 in zip(one["contrasts"], many["contrasts"]):
            assert c1["peak"]["voxel"] == c2["peak"]["voxel"], (c1["peak"], c2["peak"])
            assert abs(c1["minimum"] - c2["minimum"]) <= 1e-6 * abs(c1["minimum"])
        print(f"dask: 5 pieces on 2 workers, {len(maps)} maps equal to the single-process fit's")


if __name__ == "__main__":
    main(sys.argv[1])
