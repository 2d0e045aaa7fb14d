import Foundation
import Support

/// Reads `data: {volumes: {bold, runs, tr, mask, background, scaling}}`.
/// Only the spec is checked here; the files are read with the data
/// (`VolumeAnalysisBuilder`), so a missing file is reported as a missing CSV is.
enum VolumeSpecParser {
    static let keys = ["bold", "runs", "tr", "mask", "background", "scaling"]

    static func parse(_ node: SpecNode) throws -> VolumeSpec {
        let map = try node.mapping("'volumes' (bold, runs, tr, mask, background, scaling)")
        try map.allowOnly(keys)
        let boldNode = try map.required("bold")
        let bold = try boldNode.string("the BOLD NIfTI file (a path relative to the spec, with {run} for the run)")
        var runs: [String] = []
        if let runsNode = map["runs"] {
            runs = try runsNode.strings("'runs' (what replaces {run} in the paths, one entry per run)")
            guard !runs.isEmpty else { throw runsNode.fail("'runs' needs at least one run") }
            guard runs.count <= VolumeSpec.maximumRuns else {
                throw runsNode.fail("'runs' lists \(runs.count) runs; the limit is \(VolumeSpec.maximumRuns)")
            }
            guard bold.contains(VolumeSpec.runMarker) else {
                throw boldNode.fail("'bold' has no {run} for the \(runs.count) runs to fill in, so every run would read the same file",
                                    suggestion: "write the run's part of the path as {run}, e.g. run{run}/bold.nii.gz")
            }
            if let repeated = Dictionary(grouping: runs, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
                throw runsNode.fail("run '\(repeated)' is listed twice", suggestion: "list each run once")
            }
        } else if bold.contains(VolumeSpec.runMarker) {
            throw boldNode.fail("'bold' has {run} but the volumes list no 'runs'",
                                suggestion: "add runs: [\"001\", \"002\"] (what replaces {run}), or write the file's path")
        }
        let tr = try TimeseriesSpec.readTR(in: map)
        var spec = VolumeSpec(bold: bold, runs: runs, tr: tr, location: node.location, boldLocation: boldNode.location)
        if let maskNode = map["mask"] {
            spec.mask = try parseMask(maskNode)
            spec.maskLocation = maskNode.location
        }
        if let backgroundNode = map["background"] {
            let word = try backgroundNode.string("'background' ('mean' for the mean EPI, or a NIfTI file on the BOLD grid)")
            spec.background = word == "mean" ? .mean : .file(word)
            spec.backgroundLocation = backgroundNode.location
        }
        if let scalingNode = map["scaling"] {
            let word = try scalingNode.string("'scaling'")
            guard ["percent", "none"].contains(word) else {
                throw scalingNode.fail("'scaling' is 'percent' (each run in percent of its voxel's mean, as nilearn) or 'none', found '\(word)'",
                                       suggestion: NearestWord.hint(for: word, among: ["percent", "none"]))
            }
            spec.percentSignal = word == "percent"
        }
        return spec
    }

    /// `mask: all`, `mask: PATH` or `mask: {mean-above: 100}`.
    static func parseMask(_ node: SpecNode) throws -> VolumeSpec.Mask {
        if case .mapping = node.node {
            let map = try node.mapping("'mask'")
            try map.allowOnly(["mean-above"])
            let value = try map.required("mean-above")
            let level = try value.double("'mean-above' (the mean BOLD a voxel must exceed to be fitted)")
            return .meanAbove(level)
        }
        let word = try node.string("'mask' ('all', a NIfTI file on the BOLD grid, or {mean-above: value})")
        return word == "all" ? .all : .file(word)
    }
}
