"""Writes the small NIfTI images NIfTIFileTests read, with nibabel (PyPI).

Run by hand from this folder with a Python that has nibabel and numpy:
    python3 make_nifti_fixtures.py
Each image's values are a formula of (i, j, k, t) the test recomputes, so the test
checks the reader against nibabel's writer, not against itself.
"""
import gzip
import json

import nibabel as nib
import numpy as np

shape = (3, 4, 2, 5)
i, j, k, t = np.indices(shape)
raw = (i + 10 * j + 100 * k + 1000 * t).astype(np.int16)  # stored integers

# NIfTI-1, int16 with scl_slope 0.5 and scl_inter 10, TR 2000 ms, an oblique sform
# that differs from the qform.
qform = np.array([[-2.0, 0, 0, 30], [0, 2.5, 0, -40], [0, 0, 3, -20], [0, 0, 0, 1]])
sform = np.array([[-2.0, 0.1, 0, 31], [0, 2.5, 0.2, -41], [0.05, 0, 3, -21], [0, 0, 0, 1]])
img = nib.Nifti1Image(raw, sform)
img.set_qform(qform, code=1)
img.set_sform(sform, code=4)
img.header.set_slope_inter(0.5, 10)
img.header.set_xyzt_units("mm", "msec")
img.header["pixdim"][4] = 2000
img.set_data_dtype(np.int16)
nib.save(img, "scaled_msec_n1.nii.gz")

# NIfTI-2, float32, no scaling, TR 1.5 s, qform only (sform code 0).
data2 = (raw.astype(np.float32) / 8).astype(np.float32)
img2 = nib.Nifti2Image(data2, qform)
img2.set_qform(qform, code=1)
img2.set_sform(None, code=0)
img2.header.set_xyzt_units("mm", "sec")
img2.header["pixdim"][4] = 1.5
nib.save(img2, "float_n2.nii")

# Big-endian NIfTI-1 (as some scanners' converters and old tools write it): int16
# with the same scaling, and float32, so 2- and 4-byte swapping are both read.
for name, dtype, values in [("bigendian_i2.nii", ">i2", raw), ("bigendian_f4.nii.gz", ">f4", raw.astype(np.float32) / 8)]:
    header = nib.Nifti1Header(endianness=">")
    header.set_data_dtype(dtype)
    big = nib.Nifti1Image(values.astype(dtype), qform, header)
    big.set_qform(qform, code=1)
    if dtype == ">i2":
        big.header.set_slope_inter(0.5, 10)
    nib.save(big, name)
    assert nib.load(name).header.endianness == ">", name

# Bad files: a truncated image (header intact, data cut) and a damaged gzip.
whole = open("float_n2.nii", "rb").read()
open("truncated.nii", "wb").write(whole[: len(whole) - 100])
gz = gzip.compress(open("float_n2.nii", "rb").read())
open("damaged.nii.gz", "wb").write(gz[: len(gz) // 2])
open("not_nifti.nii", "w").write("this is a text file, not an image\n" * 20)

json.dump(
    {
        "affine_n1": nib.load("scaled_msec_n1.nii.gz").affine.tolist(),
        "qform_n1": nib.load("scaled_msec_n1.nii.gz").get_qform().tolist(),
        "affine_n2": nib.load("float_n2.nii").affine.tolist(),
        "value_n1_1_2_1_3": float(nib.load("scaled_msec_n1.nii.gz").get_fdata()[1, 2, 1, 3]),
        "bigendian_i2_values": nib.load("bigendian_i2.nii").get_fdata().ravel(order="F").tolist(),
        "bigendian_f4_values": nib.load("bigendian_f4.nii.gz").get_fdata().ravel(order="F").tolist(),
        "nibabel": nib.__version__,
    },
    open("nibabel_reference.json", "w"),
    indent=1,
)
