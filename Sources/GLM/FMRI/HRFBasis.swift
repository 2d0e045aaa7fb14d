/// The basis set each condition's events are convolved with, one design column
/// per basis function (SPM's `xBF`).
public enum HRFBasis: Sendable, Equatable {
    /// SPM's canonical HRF alone.
    case canonical(SPMHRFParameters = .spmDefault)
    /// The canonical HRF and its temporal derivative.
    case canonicalWithTemporalDerivative(SPMHRFParameters = .spmDefault)
    /// The canonical HRF, its temporal and its dispersion derivatives.
    case canonicalWithDerivatives(SPMHRFParameters = .spmDefault)
    /// Glover's HRF as nilearn defines it.
    case glover
    /// A finite impulse response set: `order` boxes, each `length/order` seconds
    /// long, covering `length` seconds after each event (SPM's "Finite Impulse
    /// Response"), so the response's shape is estimated rather than assumed.
    case fir(order: Int, length: Double)

    /// The suffix each basis function adds to a condition's column name:
    /// `face`, `face_derivative`, `face_dispersion`, `face_fir_1` ….
    public var columnSuffixes: [String] {
        switch self {
        case .canonical, .glover: return [""]
        case .canonicalWithTemporalDerivative: return ["", "_derivative"]
        case .canonicalWithDerivatives: return ["", "_derivative", "_dispersion"]
        case .fir(let order, _): return (1...max(order, 1)).map { "_fir_\($0)" }
        }
    }

    /// The basis functions on the microtime grid of `timing` (step TR/T), as
    /// `spm_get_bf` forms them: kernels computed by `spm_hrf(TR/T, p, T)`, the
    /// derivatives as finite differences, then orthogonalised in order
    /// (`spm_orth`) so the derivatives carry only what the canonical shape cannot.
    public func functions(microtimeStep dt: Double, microtimeResolution t: Int) -> [[Double]] {
        switch self {
        case .canonical(let p):
            return [HRF.spm(dt: dt, parameters: p, microtimeResolution: t)]
        case .canonicalWithTemporalDerivative(let p):
            let raw = HRFBasis.canonicalWithRawDerivatives(dt: dt, parameters: p, microtimeResolution: t)
            return HRFBasis.orthogonalised(Array(raw.prefix(2)))
        case .canonicalWithDerivatives(let p):
            return HRFBasis.orthogonalised(
                HRFBasis.canonicalWithRawDerivatives(dt: dt, parameters: p, microtimeResolution: t))
        case .glover:
            return [HRF.glover(dt: dt)]
        case .fir(let order, let length):
            let width = Int((length / Double(order) / dt).rounded(.toNearestOrAwayFromZero))
            return (0..<order).map { k in
                var box = [Double](repeating: 0, count: width * order)
                for i in (k * width)..<((k + 1) * width) { box[i] = 1 }
                return box
            }
        }
    }

    /// The canonical HRF and its two derivatives before orthogonalisation, as
    /// `spm_get_bf` differences them: temporal = (h − h with onset + 1 s) / 1,
    /// dispersion = (h − h with dispersion + 0.01) / 0.01.
    public static func canonicalWithRawDerivatives(
        dt: Double, parameters p: SPMHRFParameters = .spmDefault, microtimeResolution t: Int = 16
    ) -> [[Double]] {
        let h = HRF.spm(dt: dt, parameters: p, microtimeResolution: t)
        var shifted = p
        shifted.onset += 1
        let later = HRF.spm(dt: dt, parameters: shifted, microtimeResolution: t)
        var wider = p
        wider.peakDispersion += 0.01
        let broader = HRF.spm(dt: dt, parameters: wider, microtimeResolution: t)
        let temporal = h.indices.map { h[$0] - (($0 < later.count) ? later[$0] : 0) }
        let dispersion = h.indices.map { (h[$0] - (($0 < broader.count) ? broader[$0] : 0)) / 0.01 }
        return [h, temporal, dispersion]
    }

    /// `spm_orth`: each column minus its projection on the columns before it (already
    /// orthogonalised), not normalised; a column that nothing is left of becomes zeros.
    public static func orthogonalised(_ columns: [[Double]]) -> [[Double]] {
        var kept: [[Double]] = []
        var out: [[Double]] = []
        for column in columns {
            var d = column
            for x in kept {
                let xx = zip(x, x).reduce(0) { $0 + $1.0 * $1.1 }
                guard xx > 0 else { continue }
                let xd = zip(x, d).reduce(0) { $0 + $1.0 * $1.1 }
                let c = xd / xx
                for i in d.indices { d[i] -= c * x[i] }
            }
            if d.reduce(0, { $0 + abs($1) }) > 1.2664165549094176e-14 {  // exp(-32), spm_orth's threshold
                kept.append(d)
                out.append(d)
            } else {
                out.append([Double](repeating: 0, count: d.count))
            }
        }
        return out
    }
}
