/// A scanner time series as a lesson's data: one column of a table (a
/// bundled dataset or a CSV file), one value per scan, `tr` seconds apart.
/// The table's other columns stay available (motion parameters as
/// confounds, a column of event codes), and the frame gains `scan` and
/// `time` columns (`DataResolver`).
public struct TimeseriesSpec: Sendable {
    public enum Source: Sendable, Equatable {
        /// A dataset shipped with glmviz.
        case builtin(String)
        /// A CSV file relative to the spec's folder.
        case csv(String)
    }
    public var source: Source
    /// The column that holds the signal.
    public var column: String
    /// Repetition time: seconds from one scan to the next.
    public var tr: Double
    public var location: SourceLocation
    public var columnLocation: SourceLocation

    /// Where a source's path or name is written.
    public var sourceLocation: SourceLocation

    /// The scan times the frame's `time` column holds: 0, TR, 2·TR, … (the
    /// start of each scan, as nilearn's frame times and SPM's onsets count).
    public func times(count: Int) -> [Double] { (0..<count).map { Double($0) * tr } }

    /// A sensible TR lies between 10 ms (fast multiband) and a minute.
    public static let trRange: ClosedRange<Double> = 0.01...60

    /// The mapping's required `tr`, refused at its place outside `trRange`
    /// (a TR written in milliseconds is the usual slip).
    static func readTR(in map: SpecMapping) throws -> Double {
        let trNode = try map.required("tr")
        let tr = try trNode.double("'tr' (seconds between scans)")
        guard trRange.contains(tr) else {
            throw trNode.fail("'tr' (seconds between scans) must be between "
                              + String(posixFormat: "%g", trRange.lowerBound) + " and "
                              + String(posixFormat: "%g", trRange.upperBound) + ", found " + String(posixFormat: "%g", tr),
                              suggestion: "TR is in seconds: 2 for 2 s, not 2000")
        }
        return tr
    }
}

extension DataSpec {
    /// The time series a lesson reads, if its data is one.
    public var timeseries: TimeseriesSpec? {
        if case .timeseries(let series) = self { return series }
        return nil
    }
}

extension LessonSpec {
    /// Every file the lesson reads besides its spec, relative to the spec's
    /// folder: CSV files (a time series' too) and event files. What a watch
    /// follows, a fingerprint hashes, and an output folder may not replace.
    public var inputFiles: [String] {
        var paths: [String] = []
        for data in [data].compactMap({ $0 }) + models.compactMap(\.data) {
            switch data {
            case .csv(let path, _): paths.append(path)
            case .timeseries(let series): if case .csv(let path) = series.source { paths.append(path) }
            case .volumes(let volumes): paths += volumes.files
            default: break
            }
        }
        // Event files of a lesson on volumes name their run as {run}.
        let runs = ([data].compactMap { $0 } + models.compactMap(\.data)).compactMap(\.volumes).first?.runs ?? []
        return paths + (events?.files.flatMap { VolumeSpec.expand($0.path, runs: runs) } ?? [])
    }
}
