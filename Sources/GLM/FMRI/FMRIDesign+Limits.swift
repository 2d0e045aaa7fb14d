/// Bounds on what an fMRI design may ask for, checked before anything is
/// allocated, so a spec from a pull request cannot make glmviz build a grid of
/// 10¹² microtime bins or divide by a zero-length FIR box.
extension FMRIDesign {
    /// Most scans in one run (an hour of 0.5-s scans is 7,200).
    public static let maximumScans = 100_000
    /// Most microtime bins in one run: scans × T.
    public static let maximumMicrotimeBins = 4_000_000
    /// Most kernel points on the microtime grid (32 s at TR/T = 0.0001 s is 320,000).
    public static let maximumKernelPoints = 400_000
    /// Most FIR boxes and polynomial orders.
    public static let maximumBasisOrder = 64

    static func check(runs: [FMRIRun], options: FMRIDesignOptions) throws {
        for (r, run) in runs.enumerated() {
            let timing = run.timing
            let which = runs.count > 1 ? " in run \(r + 1)" : ""
            if timing.scanCount > maximumScans {
                throw Diagnostic(
                    .badData, "\(timing.scanCount) scans\(which) is more than the \(maximumScans) a design may have",
                    suggestion: "model one run at a time, or check the scan count")
            }
            let last = timing.frameTimes.last ?? 0
            let bins = max(Double(timing.scanCount * timing.microtimeResolution), last / timing.microtimeStep)
            if bins > Double(maximumMicrotimeBins) {
                throw Diagnostic(
                    .badData,
                    "the microtime grid\(which) would need \(Int(min(bins, 1e15))) bins, more than \(maximumMicrotimeBins)",
                    suggestion: "lower the microtime resolution T (SPM's default is 16) or check TR and frame times")
            }
            if let bad = run.events.events.first(where: { !$0.onset.isFinite || !$0.duration.isFinite || !$0.amplitude.isFinite || $0.duration < 0 }) {
                throw Diagnostic(
                    .badData, "event of \"\(bad.condition)\" at onset \(bad.onset)\(which) has a value that is not a finite number, or a negative duration",
                    suggestion: "give onset and duration in seconds, duration ≥ 0")
            }
            let kernelSeconds: Double
            switch options.basis {
            case .fir(let order, let length):
                guard (1...maximumBasisOrder).contains(order), length.isFinite, length > 0 else {
                    throw Diagnostic(
                        .usage, "an FIR basis needs 1 to \(maximumBasisOrder) boxes over a positive length in seconds",
                        suggestion: "e.g. 12 boxes over 24 s")
                }
                guard (length / Double(order) / timing.microtimeStep).rounded() >= 1 else {
                    throw Diagnostic(
                        .usage, "FIR boxes of \(length / Double(order)) s are shorter than one microtime bin (\(timing.microtimeStep) s)",
                        suggestion: "use fewer boxes or a longer window")
                }
                kernelSeconds = length
            case .canonical(let p), .canonicalWithTemporalDerivative(let p), .canonicalWithDerivatives(let p):
                let values = [p.peakDelay, p.undershootDelay, p.peakDispersion, p.undershootDispersion, p.ratio, p.length]
                guard values.allSatisfy({ $0.isFinite && $0 > 0 }), p.onset.isFinite, p.onset >= 0 else {
                    throw Diagnostic(
                        .usage, "the HRF's delays, dispersions, ratio and length must be positive numbers and its onset ≥ 0",
                        suggestion: "SPM's defaults are 6, 16, 1, 1, 6, onset 0, length 32")
                }
                kernelSeconds = p.length + 1
            case .glover:
                kernelSeconds = 32
            }
            if kernelSeconds / timing.microtimeStep > Double(maximumKernelPoints) {
                throw Diagnostic(
                    .badData, "the HRF kernel would need more than \(maximumKernelPoints) microtime points",
                    suggestion: "use a shorter kernel or a coarser microtime resolution")
            }
        }
        switch options.drift {
        case .cosine(let cutoff, _):
            guard cutoff.isFinite, cutoff > 0 else {
                throw Diagnostic(.usage, "the high-pass cut-off must be a positive number of seconds", suggestion: "SPM's default is 128")
            }
        case .polynomial(let order):
            guard (0...maximumBasisOrder).contains(order) else {
                throw Diagnostic(.usage, "the polynomial drift order must lie between 0 and \(maximumBasisOrder)")
            }
        case .none:
            break
        }
    }
}
