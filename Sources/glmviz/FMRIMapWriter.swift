import Foundation
import GLM

/// Writes a voxelwise fit's maps (NIfTI, the runs' geometry and format, gzipped)
/// and its fits.json into the output folder.
///
/// Files: `t_<contrast>.nii.gz` or `F_<contrast>.nii.gz`, `effect_<contrast>.nii.gz`
/// (t contrasts), `beta_<condition>.nii.gz`, `sigma2.nii.gz`, `ar1.nii.gz` (AR(1)
/// only) and `mask.nii.gz` (the voxels fitted). Every map is 0 outside the fitted
/// voxels, so the maps of `--voxels` pieces add up to the whole fit's.
struct FMRIMapWriter {
    let fit: FMRIVoxelwiseFit
    let folder: String
    let format: NIfTIFormat
    let tr: Double

    /// Writes everything; returns the file names written, in order.
    ///
    /// The files are made in a hidden staging folder inside `folder` and renamed
    /// into place only once all of them are complete (fits.json last), so a fit
    /// that fails or is stopped while writing leaves no half-written map, and an
    /// earlier fit's files are replaced each in one step.
    func write(bold: [String], events: [String], maskDescription: String) throws -> [String] {
        try Self.createFolder(folder)
        try Self.checkReplaceable(folder: folder, fileNames: fileNames)
        Self.removeAbandonedStaging(in: folder)
        let staging = (folder as NSString).appendingPathComponent("\(Self.stagingPrefix)\(getpid()).tmp")
        try? FileManager.default.removeItem(atPath: staging)
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw Diagnostic(
                .missingFile, "cannot create a folder to write the maps in", location: .init(file: staging),
                suggestion: "choose a folder you can write to with --out")
        }
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let written = try write(into: staging, bold: bold, events: events, maskDescription: maskDescription)
        for name in written {
            let from = (staging as NSString).appendingPathComponent(name)
            let to = (folder as NSString).appendingPathComponent(name)
            guard rename(from, to) == 0 else {
                throw Diagnostic(
                    .missingFile, "cannot be replaced: \(String(cString: strerror(errno)))", location: .init(file: to),
                    suggestion: "choose a folder you can write to with --out")
            }
        }
        return written
    }

    static let stagingPrefix = ".glmviz-fmri-fit."

    /// Staging folders of fits that were killed while writing (their process is
    /// gone); a live fit's folder is left alone.
    static func removeAbandonedStaging(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(stagingPrefix) && name.hasSuffix(".tmp") {
            let pid = name.dropFirst(stagingPrefix.count).dropLast(4)
            guard let number = Int32(pid), number > 0, kill(number, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
    }

    /// Creates `--out` (and its parents) when missing.
    static func createFolder(_ folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Diagnostic(
                .missingFile, "cannot create the output folder", location: .init(file: folder),
                suggestion: "choose a folder you can write to with --out")
        }
    }

    /// Writes every file into `folder`, fits.json last; returns their names in order.
    private func write(into folder: String, bold: [String], events: [String], maskDescription: String) throws -> [String] {
        var written: [String] = []
        func map(_ name: String, _ values: [Double], _ what: String) throws {
            let file = name + ".nii.gz"
            try NIfTIFile.write(
                fit.volume(values), to: (folder as NSString).appendingPathComponent(file), format: format,
                description: "glmviz fmri fit: " + what)
            written.append(file)
        }
        var contrastEntries: [[String: Any]] = []
        for (index, c) in fit.contrasts.enumerated() {
            let kind = c.isF ? "F" : "t"
            try map("\(kind)_\(c.name)", c.statistic, "\(kind) \(c.expression)")
            var entry: [String: Any] = [
                "name": c.name, "expression": c.expression, "statistic": kind, "rows": c.rows,
                "residual_df": c.residualDF, "map": "\(kind)_\(c.name).nii.gz",
            ]
            if !c.isF {
                try map("effect_\(c.name)", c.effect, "effect \(c.expression)")
                entry["effect_map"] = "effect_\(c.name).nii.gz"
            }
            let finite = c.statistic.filter(\.isFinite)
            if let low = finite.min(), let high = finite.max() {
                entry["minimum"] = low
                entry["maximum"] = high
            }
            if let peak = fit.peak(contrast: index) {
                entry["peak"] = ["value": peak.value, "voxel": peak.voxel, "world_mm": peak.world]
            }
            contrastEntries.append(entry)
        }
        for (k, condition) in fit.conditions.enumerated() {
            try map("beta_\(condition)", fit.beta[k], "beta \(condition)")
        }
        try map("sigma2", fit.sigma2, "residual variance")
        if let ar = fit.arCoefficient { try map("ar1", ar, "AR(1) coefficient") }
        try map("mask", [Double](repeating: 1, count: fit.voxels.count), "voxels fitted")
        var json: [String: Any] = [
            "command": "glmviz fmri fit",
            "version": GLMModule.version,
            "bold": bold,
            "events": events,
            "tr_seconds": tr,
            "scans_per_run": fit.scansPerRun,
            "grid": fit.geometry.dims,
            "affine": fit.geometry.affine,
            "mask": maskDescription,
            "mask_voxels": fit.mask.filter { $0 }.count,
            "voxels_fitted": fit.voxels.count,
            "noise_model": fit.options.noise.name,
            "signal_scaling": fit.options.scaling == .percentPerRun ? "percent per run" : "none",
            "runs_combined_by": "fixed effects (nilearn's compute_fixed_effect_contrast)",
            "residual_df": fit.residualDF,
            "block_size": fit.blockSize,
            "design_columns": fit.designColumnNames,
            "contrasts": contrastEntries,
            "maps": written,
        ]
        if let range = fit.options.voxelRange { json["voxel_range"] = [range.lowerBound, range.upperBound] }
        let data = try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        let path = (folder as NSString).appendingPathComponent("fits.json")
        guard FileManager.default.createFile(atPath: path, contents: data + Data("\n".utf8)) else {
            throw Diagnostic(.missingFile, "cannot be written", location: .init(file: path))
        }
        written.append("fits.json")
        return written
    }

    /// The files `write` makes.
    var fileNames: [String] {
        Self.fileNames(
            contrasts: fit.contrasts.map { ($0.name, $0.isF) }, conditions: fit.conditions,
            autoregressive: fit.arCoefficient != nil)
    }

    /// The files a fit with these contrasts (name, whether F), conditions and noise
    /// model writes: known before fitting, so a folder can be refused first.
    static func fileNames(contrasts: [(name: String, isF: Bool)], conditions: [String], autoregressive: Bool) -> [String] {
        var names: [String] = []
        for c in contrasts {
            names.append("\(c.isF ? "F" : "t")_\(c.name).nii.gz")
            if !c.isF { names.append("effect_\(c.name).nii.gz") }
        }
        names += conditions.map { "beta_\($0).nii.gz" }
        names.append("sigma2.nii.gz")
        if autoregressive { names.append("ar1.nii.gz") }
        return names + ["mask.nii.gz", "fits.json"]
    }

    /// glmviz replaces only files it wrote. `--out` may name a folder that
    /// already holds a `mask.nii.gz` or `beta_face.nii.gz` of the user's own;
    /// such a folder is written into only when it also holds the fits.json of
    /// an earlier `glmviz fmri fit` (whose maps these are).
    static func checkReplaceable(folder: String, fileNames: [String]) throws {
        let manager = FileManager.default
        let existing = fileNames.filter { manager.fileExists(atPath: (folder as NSString).appendingPathComponent($0)) }
        guard let first = existing.first else { return }
        let fits = (folder as NSString).appendingPathComponent("fits.json")
        if let data = manager.contents(atPath: fits),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            object["command"] as? String == "glmviz fmri fit"
        {
            return
        }
        throw Diagnostic(
            .missingFile, "already exists and was not written by glmviz fmri fit; glmviz replaces only its own files",
            location: .init(file: (folder as NSString).appendingPathComponent(first)),
            suggestion: "choose a new or empty folder with --out")
    }
}
