/// Scaling a time series to percent signal change, run by run.
///
/// BOLD units are arbitrary and differ between runs and voxels, so β̂ in scanner
/// units means nothing to a reader; nilearn's default (`signal_scaling=0`) divides
/// each run by its own mean: 100·(y/ȳ − 1). Scaling every run separately matters:
/// on Haxby's subject 1, one scaling for all twelve runs moves single voxels' t by
/// up to 0.5 (the shared data's README). t itself does not change within a run.
public enum PercentSignal {
    /// 100·(y/ȳ − 1) within each of `runRows` (all of `y` when nil).
    public static func scaled(_ y: [Double], runRows: [Range<Int>]? = nil) throws -> [Double] {
        var out = y
        for rows in runRows ?? [0..<y.count] {
            guard rows.lowerBound >= 0, rows.upperBound <= y.count, !rows.isEmpty else {
                throw Diagnostic(.usage, "run rows \(rows) do not lie within the \(y.count) values of the series")
            }
            let mean = y[rows].reduce(0, +) / Double(rows.count)
            guard mean.isFinite, mean != 0 else {
                throw Diagnostic(
                    .badData, "the series has mean \(mean) over scans \(rows.lowerBound + 1)–\(rows.upperBound), so percent signal change is undefined",
                    suggestion: "percent signal needs raw intensities (mean far from 0); leave a centred series unscaled")
            }
            for i in rows { out[i] = 100 * (y[i] / mean - 1) }
        }
        return out
    }
}
