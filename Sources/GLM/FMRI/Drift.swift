import Foundation

/// Slow scanner drift, modelled by columns added to the design.
public enum DriftModel: Sendable, Equatable {
    case none
    /// SPM's discrete cosine set (`spm_dctmtx`) below the high-pass cut-off (a
    /// period in seconds, 128 by default).
    case cosine(cutoff: Double = 128, count: CosineCount = .spm)
    /// Polynomials of time up to `order`, orthogonal to the constant and to each other.
    case polynomial(order: Int)

    /// How many cosines a cut-off keeps. SPM12 (`spm_filter`: fix(2·n·TR/cut-off + 1)
    /// basis vectors, the constant dropped) and nilearn (`create_cosine_drift`:
    /// floor(2·n·TR/cut-off)) keep the same number, at most n − 1: every cosine whose
    /// period is longer than the cut-off.
    public enum CosineCount: Sendable, Equatable {
        case spm
        case exactly(Int)
    }
}

extension DriftModel {
    /// The number of cosines kept for `scans` scans of `tr` seconds.
    public static func cosineCount(scans: Int, tr: Double, cutoff: Double, rule: CosineCount) -> Int {
        let span = 2 * Double(scans) * tr / cutoff
        switch rule {
        case .spm: return max(0, min(scans - 1, Int((span + 1).rounded(.towardZero)) - 1))
        case .exactly(let k): return max(0, min(scans - 1, k))
        }
    }

    /// `spm_dctmtx(n, k)`: column 0 is 1/√n, column m is √(2/n)·cos(π(2i + 1)m / 2n).
    public static func dctMatrix(scans n: Int, columns k: Int) -> [[Double]] {
        (0..<k).map { m in
            if m == 0 { return [Double](repeating: 1 / Double(n).squareRoot(), count: n) }
            let scale = (2 / Double(n)).squareRoot()
            return (0..<n).map { i in scale * cos(Double.pi * Double(2 * i + 1) * Double(m) / Double(2 * n)) }
        }
    }

    /// The drift columns for one run (the constant is not among them; the design
    /// adds one per run).
    public func columns(timing: ScanTiming) -> [[Double]] {
        let n = timing.scanCount
        switch self {
        case .none:
            return []
        case .cosine(let cutoff, let rule):
            let k = DriftModel.cosineCount(scans: n, tr: timing.tr, cutoff: cutoff, rule: rule)
            return Array(DriftModel.dctMatrix(scans: n, columns: k + 1).dropFirst())
        case .polynomial(let order):
            guard order > 0 else { return [] }
            let times = timing.frameTimes
            let first = times.first ?? 0, span = max((times.last ?? 0) - first, .leastNonzeroMagnitude)
            let scaled = times.map { ($0 - first) / span }
            var powers: [[Double]] = [[Double](repeating: 1, count: n)]
            for p in 1...order { powers.append(scaled.map { pow($0, Double(p)) }) }
            return HRFBasis.orthogonalised(powers).dropFirst().map { column in
                let norm = column.reduce(0) { $0 + $1 * $1 }.squareRoot()
                return norm > 0 ? column.map { $0 / norm } : column
            }
        }
    }
}
