/// A condition's regressor built as SPM's `spm_get_ons` and `spm_fMRI_design`
/// build it: the stimulus function on the microtime grid, convolved with a basis
/// function at that resolution, then read at the scans.
///
/// The microtime grid has TR/T-second bins and 32 bins before time 0 (SPM's
/// offset), so bin b is time (b − 32)·TR/T. An event covers bins
/// round(onset/dt) … round(onset/dt) + round(duration/dt) (SPM's `ton`/`tof`), so
/// a zero-duration event is one bin; when every event of a condition is an
/// impulse, the heights are divided by dt so that ∑ u·dt counts the events (SPM's
/// scaling), which keeps the regressor's size independent of T.
public enum FMRIRegressor {
    /// SPM's 32-bin offset before time 0 on the microtime grid.
    public static let microtimeOffset = 32

    /// How many microtime bins a run needs: every scan, plus the offset.
    public static func microtimeLength(_ timing: ScanTiming) -> Int {
        let dt = timing.microtimeStep
        let last = Int(((timing.frameTimes.last ?? 0) / dt).rounded(.up))
        return max(timing.scanCount * timing.microtimeResolution, last + 2) + microtimeOffset
    }

    /// The time in seconds of each microtime bin.
    public static func microtimes(_ timing: ScanTiming) -> [Double] {
        let dt = timing.microtimeStep
        return (0..<microtimeLength(timing)).map { Double($0 - microtimeOffset) * dt }
    }

    /// The stimulus function of `events` on the microtime grid: each event's
    /// `heights` value (its amplitude unless given) over the bins it covers.
    public static func stimulus(_ events: [FMRIEvent], timing: ScanTiming, heights: [Double]? = nil) -> [Double] {
        let n = microtimeLength(timing)
        let dt = timing.microtimeStep
        var steps = [Double](repeating: 0, count: n + 1)
        let impulses = !events.isEmpty && events.allSatisfy { $0.duration == 0 }
        for (k, event) in events.enumerated() {
            var height = heights?[k] ?? event.amplitude
            if impulses { height /= dt }
            // In Double until clamped to the grid, so an onset of 1e300 s is simply
            // past the last scan rather than an integer overflow.
            let start = (event.onset / dt).rounded(.toNearestOrAwayFromZero) + Double(microtimeOffset)
            let stop = start + (event.duration / dt).rounded(.toNearestOrAwayFromZero) + 1
            let on = Int(min(max(start, 0), Double(n)))
            let off = Int(min(max(stop, 0), Double(n)))
            if on < n { steps[on] += height }
            if off < n { steps[off] -= height }
        }
        var out = [Double](repeating: 0, count: n)
        var level = 0.0
        for b in 0..<n {
            level += steps[b]
            out[b] = level
        }
        return out
    }

    /// The causal convolution of a microtime series with a kernel, truncated to the
    /// series' length (SPM's `conv` followed by keeping the first rows).
    public static func convolve(_ series: [Double], with kernel: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: series.count)
        for (i, s) in series.enumerated() where s != 0 {
            let upper = min(kernel.count, series.count - i)
            for k in 0..<upper { out[i + k] += s * kernel[k] }
        }
        return out
    }

    /// A microtime series read at the scans: the bin at each frame time, or, for a
    /// frame time between bins, the straight line between its neighbours.
    public static func sample(_ series: [Double], timing: ScanTiming) -> [Double] {
        let dt = timing.microtimeStep
        return timing.frameTimes.map { time in
            let position = time / dt + Double(microtimeOffset)
            let nearest = position.rounded()
            if abs(position - nearest) < 1e-6 {
                let b = Int(nearest)
                return series.indices.contains(b) ? series[b] : 0
            }
            let b = Int(position.rounded(.down))
            let w = position - Double(b)
            let left = series.indices.contains(b) ? series[b] : 0
            let right = series.indices.contains(b + 1) ? series[b + 1] : 0
            return (1 - w) * left + w * right
        }
    }

    /// One regressor per basis function for `events`, read at the scans.
    public static func regressors(_ events: [FMRIEvent], basis: [[Double]], timing: ScanTiming, heights: [Double]? = nil) -> [[Double]] {
        let u = stimulus(events, timing: timing, heights: heights)
        return basis.map { sample(convolve(u, with: $0), timing: timing) }
    }

    /// SPM's parametric modulator heights: the amplitudes orthogonalised against
    /// the constant (`spm_orth([1 P])`), i.e. centred on their mean, so the main
    /// effect keeps its meaning and the modulator explains only the variation.
    public static func centredAmplitudes(_ events: [FMRIEvent]) -> [Double] {
        guard !events.isEmpty else { return [] }
        let mean = events.reduce(0) { $0 + $1.amplitude } / Double(events.count)
        return events.map { $0.amplitude - mean }
    }
}
