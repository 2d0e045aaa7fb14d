import CRmath

/// The seven parameters of SPM's canonical haemodynamic response (`spm_hrf`'s
/// `p`), in seconds except the ratio. Defaults are SPM's.
public struct SPMHRFParameters: Sendable, Equatable {
    /// p(1): delay of the response peak's gamma (shape = delay / dispersion).
    public var peakDelay: Double = 6
    /// p(2): delay of the undershoot's gamma.
    public var undershootDelay: Double = 16
    /// p(3): dispersion (scale) of the response.
    public var peakDispersion: Double = 1
    /// p(4): dispersion of the undershoot.
    public var undershootDispersion: Double = 1
    /// p(5): ratio of response to undershoot.
    public var ratio: Double = 6
    /// p(6): onset, seconds.
    public var onset: Double = 0
    /// p(7): length of the kernel, seconds.
    public var length: Double = 32

    public init(
        peakDelay: Double = 6, undershootDelay: Double = 16, peakDispersion: Double = 1,
        undershootDispersion: Double = 1, ratio: Double = 6, onset: Double = 0, length: Double = 32
    ) {
        self.peakDelay = peakDelay
        self.undershootDelay = undershootDelay
        self.peakDispersion = peakDispersion
        self.undershootDispersion = undershootDispersion
        self.ratio = ratio
        self.onset = onset
        self.length = length
    }

    public static let spmDefault = SPMHRFParameters()
}

/// Haemodynamic response kernels.
public enum HRF {
    /// SPM's canonical HRF sampled every `dt` seconds, computed as `spm_hrf(dt, p, T)`
    /// computes it: the difference of two gamma densities evaluated on a grid T times
    /// finer than `dt`, starting at −onset, kept at every T-th point, and scaled to
    /// sum to 1 (so its scale does not depend on `dt`).
    ///
    /// The densities are Rmath's `dgamma` (shape delay/dispersion, scale
    /// dispersion/(dt/T) in grid units), the same gamma R and SPM's `spm_Gpdf`
    /// evaluate; they are zero before the onset.
    public static func spm(dt: Double, parameters p: SPMHRFParameters = .spmDefault, microtimeResolution t: Int = 16) -> [Double] {
        let fine = dt / Double(t)
        let points = Int((p.length / fine).rounded(.up)) + 1
        let kept = Int((p.length / dt).rounded(.down)) + 1
        let peakShape = p.peakDelay / p.peakDispersion, peakScale = p.peakDispersion / fine
        let underShape = p.undershootDelay / p.undershootDispersion, underScale = p.undershootDispersion / fine
        let shift = p.onset / fine
        var hrf: [Double] = []
        hrf.reserveCapacity(kept)
        for k in 0..<kept {
            let i = k * t
            guard i < points else { break }
            let u = Double(i) - shift
            hrf.append(gammaDensity(u, shape: peakShape, scale: peakScale)
                - gammaDensity(u, shape: underShape, scale: underScale) / p.ratio)
        }
        let total = hrf.reduce(0, +)
        return hrf.map { $0 / total }
    }

    /// Glover's HRF as nilearn defines it (`glover_hrf`): peak gamma of shape
    /// 6/0.9 and scale 0.9 s minus 0.48 times an undershoot gamma of shape 12/0.9 (nilearn 0.14),
    /// both shifted by one step (nilearn's `loc=dt`), on nilearn's grid of
    /// round(length/dt) points spaced length/(points − 1), scaled to sum to 1.
    public static func glover(dt: Double, length: Double = 32, onset: Double = 0) -> [Double] {
        nilearnGammaDifference(
            dt: dt, length: length, onset: onset, delay: 6, undershoot: 12, dispersion: 0.9,
            undershootDispersion: 0.9, ratio: 0.48)
    }

    /// SPM's HRF as nilearn computes it (`spm_hrf`, ratio 1/6, shifted by one step),
    /// kept to measure how far nilearn's design is from SPM's.
    public static func nilearnSPM(dt: Double, length: Double = 32, onset: Double = 0) -> [Double] {
        nilearnGammaDifference(
            dt: dt, length: length, onset: onset, delay: 6, undershoot: 16, dispersion: 1,
            undershootDispersion: 1, ratio: 0.167)
    }

    static func nilearnGammaDifference(
        dt: Double, length: Double, onset: Double, delay: Double, undershoot: Double, dispersion: Double,
        undershootDispersion: Double, ratio: Double
    ) -> [Double] {
        let points = Int((length / dt).rounded(.toNearestOrEven))
        guard points > 1 else { return [1] }
        let spacing = length / Double(points - 1)
        var hrf = (0..<points).map { k -> Double in
            let time = Double(k) * spacing - onset - dt
            return gammaDensity(time, shape: delay / dispersion, scale: dispersion)
                - ratio * gammaDensity(time, shape: undershoot / undershootDispersion, scale: undershootDispersion)
        }
        let total = hrf.reduce(0, +)
        for k in hrf.indices { hrf[k] /= total }
        return hrf
    }

    /// Rmath's gamma density; 0 at negative times (as `spm_Gpdf`).
    static func gammaDensity(_ x: Double, shape: Double, scale: Double) -> Double {
        x < 0 ? 0 : dgamma(x, shape, scale, 0)
    }
}
