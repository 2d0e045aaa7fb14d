import Foundation

/// R's `poly(x, degree)`: polynomials in x orthogonal over the fitted values of x,
/// each column of unit length, with the `alpha` and `norm2` coefficients R keeps so
/// that the same polynomials can be evaluated at new x (`predict` on a `poly()` fit).
///
/// The columns come from the three-term recurrence
/// p₀ = 1, p₁ = x − α₀, p_{j+1} = (x − α_j)·p_j − (‖p_j‖²/‖p_{j−1}‖²)·p_{j−1},
/// divided by ‖p_j‖: the same polynomials as R's QR of the centred powers (each is
/// the part of x^j orthogonal to the lower powers, leading coefficient positive),
/// computed as R's `predict.poly` does.
public struct OrthogonalPolynomial: Hashable, Sendable {
    public let alpha: [Double]
    /// R's `norm2`: 1, n, ‖p₁‖², …, ‖p_degree‖².
    public let norm2: [Double]
    public var degree: Int { alpha.count }

    public init(alpha: [Double], norm2: [Double]) {
        self.alpha = alpha
        self.norm2 = norm2
    }

    /// The coefficients for the values `x` (no missing values).
    public init(fitting x: [Double], degree: Int) {
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        var previous = [Double](repeating: 0, count: x.count)
        var current = [Double](repeating: 1, count: x.count)
        var alpha: [Double] = []
        var norm2: [Double] = [1, n]
        for j in 0..<degree {
            let normSquared = norm2[j + 1]
            // α_j = Σ x p_j² / ‖p_j‖², accumulated in centred x for accuracy.
            var weighted = 0.0
            for i in x.indices { weighted += (x[i] - mean) * current[i] * current[i] }
            let a = weighted / normSquared + mean
            alpha.append(a)
            let ratio = j == 0 ? 0 : normSquared / norm2[j]
            var next = [Double](repeating: 0, count: x.count)
            for i in x.indices { next[i] = (x[i] - a) * current[i] - ratio * previous[i] }
            norm2.append(next.reduce(0) { $0 + $1 * $1 })
            previous = current
            current = next
        }
        self.alpha = alpha
        self.norm2 = norm2
    }

    /// The `degree` columns at `x`, each divided by its norm over the fitted x.
    public func columns(at x: [Double]) -> [[Double]] {
        var out: [[Double]] = []
        var previous = [Double](repeating: 0, count: x.count)
        var current = [Double](repeating: 1, count: x.count)
        for j in 0..<degree {
            let ratio = j == 0 ? 0 : norm2[j + 1] / norm2[j]
            var next = [Double](repeating: 0, count: x.count)
            for i in x.indices { next[i] = (x[i] - alpha[j]) * current[i] - ratio * previous[i] }
            previous = current
            current = next
            let scale = norm2[j + 2].squareRoot()
            out.append(next.map { $0 / scale })
        }
        return out
    }
}
