import GLM

/// Removes from a vector its component in the column space of X, using
/// Householder reflections (the same orthogonal transform LAPACK's QR uses,
/// written out because X is tiny and this runs once per generated lesson).
///
/// Why: noise orthogonal to every design column leaves the least-squares
/// estimate untouched, so generated data can reproduce a quoted β̂ exactly.
enum NoiseProjection {
    enum Failure: Error { case rankDeficient(column: Int) }

    /// `e − X(X′X)⁻¹X′e`, computed stably. Throws if X is (numerically) rank deficient.
    static func residual(of e: [Double], orthogonalTo x: Matrix) throws -> [Double] {
        let n = x.rows, p = x.columns
        var a = x
        var v = e
        var reflectors: [[Double]] = []
        let scale = a.storage.reduce(0) { max($0, abs($1)) }
        for k in 0..<p {
            var norm = 0.0
            for i in k..<n { norm += a[i, k] * a[i, k] }
            norm = norm.squareRoot()
            guard norm > 1e-10 * max(scale, 1) else { throw Failure.rankDeficient(column: k) }
            let alpha = a[k, k] > 0 ? -norm : norm
            var u = [Double](repeating: 0, count: n)
            for i in k..<n { u[i] = a[i, k] }
            u[k] -= alpha
            let uu = u[k...].reduce(0) { $0 + $1 * $1 }
            // Apply H = I − 2uu′/(u′u) to the remaining columns of A.
            for j in k..<p {
                var dot = 0.0
                for i in k..<n { dot += u[i] * a[i, j] }
                let factor = 2 * dot / uu
                for i in k..<n { a[i, j] -= factor * u[i] }
            }
            reflect(&v, by: u, from: k, uu: uu)
            reflectors.append(u)
        }
        // In the rotated basis the first p coordinates span col(X): drop them, rotate back.
        for k in 0..<p { v[k] = 0 }
        for k in stride(from: p - 1, through: 0, by: -1) {
            let u = reflectors[k]
            reflect(&v, by: u, from: k, uu: u[k...].reduce(0) { $0 + $1 * $1 })
        }
        return v
    }

    private static func reflect(_ v: inout [Double], by u: [Double], from k: Int, uu: Double) {
        var dot = 0.0
        for i in k..<v.count { dot += u[i] * v[i] }
        let factor = 2 * dot / uu
        for i in k..<v.count { v[i] -= factor * u[i] }
    }
}
