/// The result of `LeastSquares.solve`: the minimum-norm estimate and what inference
/// needs from the factorization.
public struct LeastSquaresSolution: Sendable {
    /// How the estimate was computed; reported in `FitReport.method`.
    public enum Method: String, Sendable, Codable {
        /// Householder QR (`dgeqrf`) then SVD (`dgesdd`) of the triangular factor.
        case lapackQRSVD = "lapack-qr-svd"
        /// Column-equilibrated `Float80` Householder QR with iterative refinement.
        case extendedPrecisionQR = "float80-qr-refined"
    }

    /// β̂ = X⁺y, in design-column order. Aliased columns get their minimum-norm value.
    public let coefficients: [Double]
    /// Numerical rank of X (see `rankTolerance`).
    public let rank: Int
    public let fitted: [Double]
    public let residuals: [Double]
    /// e′e, accumulated in extended precision.
    public let residualSumOfSquares: Double
    /// (X′X)⁺; multiplied by σ̂² it is Cov(β̂).
    public let pseudoInverseGram: Matrix
    /// Singular values of the column-equilibrated design, largest first.
    public let scaledSingularValues: [Double]
    /// Singular values at or below this count as zero: max(n, p)·ε·σ_max of the
    /// column-equilibrated design, the rule of numpy's and MATLAB's `pinv`. Judging it
    /// after equilibration means a column's units cannot make the design look singular
    /// (raw Filip has σ_max/σ_min ≈ 10¹⁵ yet is of full rank).
    public let rankTolerance: Double
    /// Multipliers that gave each column unit length (1 for a zero column).
    let columnScale: [Double]
    /// Orthonormal basis (p × rank) of the row space of the equilibrated design.
    let rowSpaceBasis: Matrix
    public let method: Method

    /// Per-column estimability: β_j is estimable iff e_j lies in the row space of X.
    ///
    /// Aliased columns are flagged here and kept (with their minimum-norm estimate),
    /// never dropped.
    public var estimable: [Bool] {
        (0..<coefficients.count).map { j in
            var e = [Double](repeating: 0, count: coefficients.count)
            e[j] = 1
            return isEstimable(e)
        }
    }

    /// Whether c′β is estimable, i.e. c lies in the row space of X.
    ///
    /// Tested on the equilibrated design (c ∈ row(X) iff D·c ∈ row(X·D) for the diagonal
    /// scaling D): c counts as estimable when the part of D·c outside the row space is at
    /// most 10⁻⁶ of its length. Exact aliasing leaves O(1) outside; rounding leaves
    /// O(ε·condition number), far below the threshold for any design judged of full rank.
    public func isEstimable(_ c: [Double]) -> Bool {
        precondition(c.count == coefficients.count, "contrast length must equal the number of coefficients")
        let p = c.count
        if rank == p { return true }
        let scaled = (0..<p).map { c[$0] * columnScale[$0] }
        let length = scaled.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if length == 0 { return true }
        var projected = [Double](repeating: 0, count: p)
        for k in 0..<rank {
            var dot = 0.0
            for j in 0..<p { dot += rowSpaceBasis[j, k] * scaled[j] }
            for j in 0..<p { projected[j] += rowSpaceBasis[j, k] * dot }
        }
        var outside = 0.0
        for j in 0..<p { outside += (scaled[j] - projected[j]) * (scaled[j] - projected[j]) }
        return outside.squareRoot() <= 1e-6 * length
    }

    func replacing(
        coefficients: [Double], fitted: [Double], residuals: [Double],
        residualSumOfSquares: Double, pseudoInverseGram: Matrix, method: Method
    ) -> LeastSquaresSolution {
        LeastSquaresSolution(
            coefficients: coefficients, rank: rank, fitted: fitted, residuals: residuals,
            residualSumOfSquares: residualSumOfSquares, pseudoInverseGram: pseudoInverseGram,
            scaledSingularValues: scaledSingularValues, rankTolerance: rankTolerance,
            columnScale: columnScale, rowSpaceBasis: rowSpaceBasis, method: method)
    }
}
