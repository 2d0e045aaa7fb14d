/// A design matrix factorised once for every voxel: X⁺ (the pseudo-inverse from
/// the SVD), the residual degrees of freedom, and for each contrast C the matrix
/// C(XᵀX)⁺Cᵀ that turns a voxel's σ̂² into the variance of its contrast.
///
/// The same quantities as nilearn's `OLSModel` (`pinv(X)`, `matrix_rank(X)`,
/// `pinv(X) @ pinv(X).T`), so a voxel's β̂, σ̂², t and F are theirs to rounding.
/// All the work per voxel is then matrix products on blocks (see `VoxelBlockFit`).
struct FactorisedDesign: Sendable {
    let x: Matrix
    /// X⁺, p × n, column-major.
    let pseudoInverse: [Double]
    let rank: Int
    /// n − rank(X).
    let residualDF: Int
    /// For each contrast (q × p): C(XᵀX)⁺Cᵀ, q × q, row-major.
    let contrastCovariances: [[Double]]
    /// For each contrast of several rows: (C(XᵀX)⁺Cᵀ)^(−1/2), q × q, row-major,
    /// which whitens Cβ̂ as nilearn's F contrast does (nil for one row).
    let contrastWhitening: [[Double]?]
    let contrasts: [Matrix]

    init(x: Matrix, contrasts: [Matrix]) throws {
        let n = x.rows, p = x.columns
        let svd = try SingularValueDecomposition(x)
        let largest = svd.values.first ?? 0
        // numpy's matrix_rank tolerance, and pinv's default cut-off (rcond 1e-15).
        rank = svd.values.filter { $0 > largest * Double(max(n, p)) * Double.ulpOfOne }.count
        let kept = svd.values.filter { $0 > 1e-15 * largest }.count
        var pinv = [Double](repeating: 0, count: p * n)
        for i in 0..<kept {
            let s = svd.values[i]
            for r in 0..<n {
                let u = svd.u[r, i] / s
                if u == 0 { continue }
                for j in 0..<p { pinv[j + r * p] += svd.vt[i, j] * u }
            }
        }
        var gram = [Double](repeating: 0, count: p * p)
        for i in 0..<kept {
            let w = 1 / (svd.values[i] * svd.values[i])
            for a in 0..<p { for b in 0..<p { gram[a * p + b] += svd.vt[i, a] * svd.vt[i, b] * w } }
        }
        self.x = x
        self.contrasts = contrasts
        self.pseudoInverse = pinv
        self.residualDF = n - rank
        self.contrastCovariances = contrasts.map { c in
            let q = c.rows
            var out = [Double](repeating: 0, count: q * q)
            for r in 0..<q {
                for s in 0..<q {
                    var sum = 0.0
                    for a in 0..<p where c[r, a] != 0 {
                        for b in 0..<p where c[s, b] != 0 { sum += c[r, a] * gram[a * p + b] * c[s, b] }
                    }
                    out[r * q + s] = sum
                }
            }
            return out
        }
        self.contrastWhitening = try contrastCovariances.enumerated().map { ci, cov -> [Double]? in
            let q = contrasts[ci].rows
            guard q > 1 else { return nil }
            return try Self.inverseSquareRoot(cov, q)
        }
    }

    /// A^(−1/2) of a symmetric positive semi-definite q × q matrix from its SVD
    /// (U = V for such a matrix); directions with no variance are dropped, as a
    /// pseudo-inverse drops them.
    static func inverseSquareRoot(_ a: [Double], _ q: Int) throws -> [Double] {
        let svd = try SingularValueDecomposition(Matrix(rows: q, columns: q, columnMajor: a))
        let largest = svd.values.first ?? 0
        var out = [Double](repeating: 0, count: q * q)
        for i in 0..<q where svd.values[i] > largest * Double(q) * Double.ulpOfOne {
            let w = 1 / svd.values[i].squareRoot()
            for r in 0..<q { for c in 0..<q { out[r * q + c] += svd.u[r, i] * w * svd.u[c, i] } }
        }
        return out
    }
}
