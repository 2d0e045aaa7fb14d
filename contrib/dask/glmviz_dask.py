#!/usr/bin/env python3
"""Runs one `glmviz fmri fit` as pieces over a dask.distributed cluster and
assembles the maps.

glmviz is not a scheduler and this is not one either: each piece is an ordinary
`glmviz fmri fit … --voxels START:END --out PIECE_DIR` (the in-mask voxels whose
flat index, i fastest then j then k, lies in [START, END)), mapped over the
cluster's workers with `Client.map`. A piece's maps are 0 outside its voxels and
every voxel's numbers depend on that voxel alone, so the whole fit's maps are the
voxel-by-voxel sum of the pieces' maps; fits.json is rebuilt from the pieces
(voxels summed, each contrast's range and peak read off the assembled map).

The workers must see glmviz and the input files at the same paths (a shared file
system, or the same container image).

Usage:
    glmviz_dask.py [--scheduler ADDRESS | --local-workers N] [--pieces K]
                   [--glmviz PATH] --out DIR -- BOLD… --events … [other fit options]
"""

import argparse
import json
import os
import subprocess
import sys

import nibabel as nib
import numpy as np


def piece_ranges(voxels, pieces):
    """[START, END) ranges covering 0..voxels in `pieces` nearly equal parts."""
    bounds = np.linspace(0, voxels, pieces + 1).round().astype(int)
    return [(int(a), int(b)) for a, b in zip(bounds[:-1], bounds[1:]) if b > a]


def run_piece(glmviz, fit_args, start, end, out):
    """One glmviz invocation; returns its output folder, or raises with its stderr."""
    command = [glmviz, "fmri", "fit", *fit_args, "--voxels", f"{start}:{end}", "--out", out]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr.strip()}")
    return out


def assemble(piece_dirs, out):
    """Sums every map over the pieces into `out` and writes its fits.json."""
    os.makedirs(out, exist_ok=True)
    reports = [json.load(open(os.path.join(d, "fits.json"))) for d in piece_dirs]
    first = reports[0]
    assembled = {}
    for name in first["maps"]:
        if not name.endswith(".nii.gz"):
            continue
        images = [nib.load(os.path.join(d, name)) for d in piece_dirs]
        total = np.sum([np.asarray(i.dataobj, dtype=np.float32) for i in images], axis=0, dtype=np.float32)
        image = nib.Nifti1Image(total, images[0].affine, images[0].header)
        image.set_data_dtype(np.float32)
        nib.save(image, os.path.join(out, name))
        assembled[name] = total
    report = dict(first)
    report.pop("voxel_range", None)
    report["voxels_fitted"] = sum(r["voxels_fitted"] for r in reports)
    report["pieces"] = [r.get("voxel_range") for r in reports]
    fitted = assembled["mask.nii.gz"] > 0
    affine = np.asarray(first["affine"])
    for contrast in report["contrasts"]:
        values = assembled[contrast["map"]]
        inside = values[fitted]
        contrast["minimum"], contrast["maximum"] = float(inside.min()), float(inside.max())
        flat = np.flatnonzero(fitted.ravel(order="F"))
        ordered = values.ravel(order="F")[flat]
        best = flat[int(np.argmax(np.abs(ordered)))]
        voxel = [int(v) for v in np.unravel_index(best, values.shape, order="F")]
        world = (affine @ np.array(voxel + [1.0]))[:3]
        contrast["peak"] = {"value": float(values[tuple(voxel)]), "voxel": voxel, "world_mm": world.tolist()}
    with open(os.path.join(out, "fits.json"), "w") as f:
        json.dump(report, f, indent=2, sort_keys=True)
    return report


def main(argv):
    if "--" not in argv:
        print(__doc__, file=sys.stderr)
        return 2
    split = argv.index("--")
    parser = argparse.ArgumentParser(description="glmviz fmri fit in pieces over dask.distributed")
    parser.add_argument("--scheduler", help="address of a running dask scheduler")
    parser.add_argument("--local-workers", type=int, default=2, help="workers of a LocalCluster (no --scheduler)")
    parser.add_argument("--pieces", type=int, default=8)
    parser.add_argument("--glmviz", default="glmviz")
    parser.add_argument("--out", required=True)
    options = parser.parse_args(argv[:split])
    fit_args = argv[split + 1:]
    bold = next(a for a in fit_args if a.endswith((".nii", ".nii.gz")))
    voxels = int(np.prod(nib.load(bold).shape[:3]))

    from dask.distributed import Client, LocalCluster

    cluster = None
    if options.scheduler:
        client = Client(options.scheduler)
    else:
        cluster = LocalCluster(n_workers=options.local_workers, threads_per_worker=1, processes=True)
        client = Client(cluster)
    try:
        pieces_dir = os.path.join(options.out, "pieces")
        ranges = piece_ranges(voxels, options.pieces)
        futures = client.map(
            run_piece, [options.glmviz] * len(ranges), [fit_args] * len(ranges), [a for a, _ in ranges],
            [b for _, b in ranges], [os.path.join(pieces_dir, f"{a}-{b}") for a, b in ranges], pure=False)
        piece_dirs = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    report = assemble(piece_dirs, options.out)
    print(f"{len(piece_dirs)} pieces, {report['voxels_fitted']} voxels fitted; maps in {options.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
