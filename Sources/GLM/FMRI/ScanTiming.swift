/// When the scans of one run were acquired, and the fine time grid regressors are
/// built on before they are sampled at those scans.
///
/// SPM builds every regressor on a grid of `microtimeResolution` (T, default 16)
/// bins per TR and reads it at bin T0 of each scan (`spm_fMRI_design`); T0 = 1 reads
/// at the start of the TR, which is also nilearn's default of frame times 0, TR,
/// 2·TR, …. Explicit frame times (nilearn's `frame_times`) are allowed for scans
/// that are not evenly spaced or do not start at 0; the regressor is then read by
/// linear interpolation on the same microtime grid.
public struct ScanTiming: Sendable, Equatable {
    /// Repetition time in seconds.
    public let tr: Double
    /// Bins per TR of the microtime grid (SPM's `fMRI_T`).
    public let microtimeResolution: Int
    /// The acquisition time of each scan, seconds, on the events' clock.
    public let frameTimes: [Double]

    /// The scan count.
    public var scanCount: Int { frameTimes.count }
    /// The microtime bin width, TR/T seconds (SPM's `xBF.dt`).
    public var microtimeStep: Double { tr / Double(microtimeResolution) }

    /// SPM's timing: `scans` scans every `tr` seconds, each read at microtime bin
    /// `microtimeOnset` (T0, 1-based, 1 ≤ T0 ≤ T) of its TR, so scan j sits at
    /// j·TR + (T0 − 1)·TR/T seconds.
    public init(tr: Double, scans: Int, microtimeResolution: Int = 16, microtimeOnset: Int = 1) throws {
        try ScanTiming.check(tr: tr, microtimeResolution: microtimeResolution)
        guard scans > 0 else {
            throw Diagnostic(.usage, "the number of scans must be at least 1, not \(scans)")
        }
        guard scans <= FMRIDesign.maximumScans else {
            throw Diagnostic(
                .badData, "\(scans) scans is more than the \(FMRIDesign.maximumScans) a run may have",
                suggestion: "check the scan count, or model one run at a time")
        }
        guard (1...microtimeResolution).contains(microtimeOnset) else {
            throw Diagnostic(
                .usage, "the microtime onset T0 must lie between 1 and T = \(microtimeResolution), not \(microtimeOnset)",
                suggestion: "use 1 for the start of each TR (nilearn's frame times) or T/2 for its middle")
        }
        self.tr = tr
        self.microtimeResolution = microtimeResolution
        let offset = Double(microtimeOnset - 1) * tr / Double(microtimeResolution)
        self.frameTimes = (0..<scans).map { Double($0) * tr + offset }
    }

    /// Explicit acquisition times in seconds (increasing), as nilearn's
    /// `frame_times`; `tr` sets the microtime grid.
    public init(frameTimes: [Double], tr: Double, microtimeResolution: Int = 16) throws {
        try ScanTiming.check(tr: tr, microtimeResolution: microtimeResolution)
        guard !frameTimes.isEmpty else { throw Diagnostic(.usage, "no frame times given; expected one time per scan") }
        if let bad = frameTimes.firstIndex(where: { !$0.isFinite }) {
            throw Diagnostic(.usage, "frame time \(bad + 1) is not a finite number")
        }
        if let bad = frameTimes.indices.dropFirst().first(where: { frameTimes[$0] <= frameTimes[$0 - 1] }) {
            throw Diagnostic(
                .usage, "frame times must increase, but time \(bad + 1) does not come after time \(bad)",
                suggestion: "list the acquisition times in order, one per scan")
        }
        self.tr = tr
        self.microtimeResolution = microtimeResolution
        self.frameTimes = frameTimes
    }

    private static func check(tr: Double, microtimeResolution: Int) throws {
        guard tr.isFinite, tr > 0 else {
            throw Diagnostic(.usage, "the repetition time TR must be a positive number of seconds")
        }
        guard (1...1024).contains(microtimeResolution) else {
            throw Diagnostic(
                .usage, "the microtime resolution T must lie between 1 and 1024 bins per TR, not \(microtimeResolution)",
                suggestion: "SPM's default is 16")
        }
    }
}
