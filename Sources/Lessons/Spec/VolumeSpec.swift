/// Scanner volumes as a lesson's data: one 4-D NIfTI file of BOLD images per
/// run, which voxels to fit (a mask), and what to draw under a statistic
/// map. Every voxel in the mask is fitted with the model's fMRI design, one
/// block per run (`VolumeAnalysisBuilder`).
///
/// ```yaml
/// data:
///   volumes:
///     bold: ../data/haxby2001-sub001/run{run}/bold_1slice.nii.gz
///     runs: ["001", "002", "003"]
///     tr: 2.5
///     mask: {mean-above: 100}
///     background: mean
/// events: {fsl: {house: ../data/haxby2001-sub001/run{run}/cond001.txt}}
/// ```
///
/// `{run}` in a path (the BOLD files, the event files) is replaced by each
/// entry of `runs`, so twelve runs take one line rather than twelve.
public struct VolumeSpec: Sendable {
    /// Which voxels are fitted.
    public enum Mask: Sendable, Equatable {
        /// A NIfTI file on the BOLD grid; non-zero voxels are in.
        case file(String)
        /// Voxels whose mean over every scan of every run exceeds the value
        /// (the README's 100 for the Haxby slice).
        case meanAbove(Double)
        /// Every voxel.
        case all
    }

    /// What a statistic map is drawn over.
    public enum Background: Sendable, Equatable {
        /// The mean of every scan (the mean EPI): always on the BOLD grid.
        case mean
        /// A NIfTI file on the BOLD grid (the subject's anatomy).
        case file(String)
    }

    /// The BOLD path, relative to the spec's folder, with `{run}` for the run.
    public var bold: String
    /// What replaces `{run}`, one entry per run; empty for a single file.
    public var runs: [String]
    /// Repetition time: seconds from one scan to the next.
    public var tr: Double
    public var mask: Mask = .all
    public var background: Background = .mean
    /// Scale each run to percent of its voxel's mean, as nilearn does
    /// (`signal_scaling=0`), so runs with different baselines combine.
    public var percentSignal = true
    public var location: SourceLocation
    public var boldLocation: SourceLocation
    public var maskLocation: SourceLocation?
    public var backgroundLocation: SourceLocation?

    /// The marker runs are named by in a path.
    public static let runMarker = "{run}"
    /// The most runs a lesson may list.
    public static let maximumRuns = 64

    /// Each run's BOLD path.
    public var boldPaths: [String] { Self.expand(bold, runs: runs) }

    /// `path` once per run, `{run}` replaced; the path itself when there are no runs.
    public static func expand(_ path: String, runs: [String]) -> [String] {
        runs.isEmpty ? [path] : runs.map { path.replacingOccurrences(of: runMarker, with: $0) }
    }

    /// Every file read: the BOLD files, and the mask and background files.
    public var files: [String] {
        var paths = boldPaths
        if case .file(let path) = mask { paths.append(path) }
        if case .file(let path) = background { paths.append(path) }
        return paths
    }
}

extension DataSpec {
    /// The volumes a lesson reads, if its data is scanner volumes.
    public var volumes: VolumeSpec? {
        if case .volumes(let volumes) = self { return volumes }
        return nil
    }
}
