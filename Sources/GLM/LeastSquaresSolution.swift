/// The result of `LeastSquares.solve`: the minimum-norm estimate and what inference
/// needs from the factorization.
public struct LeastSquaresSolution: Sendable {
    /// How the estimate was computed; reported in `FitReport.method`.
    public enum Method: String, Sendable, Codable {
        /// Householder QR (`dgeqrf`); the SVD (`dgesdd`) of the triangular factor R
        /// judges rank; β̂ by back-substitution on R at full rank, from the SVD
        /// (minimum norm) otherwise.
        case lapackQRSVD = "lapack-qr-svd"
        /// The same, with β̂ refined on residuals in double-double
        /// (`LeastSquaresRefinement`), for ill-conditioned large designs.
        case lapackQRRefined = "lapack-qr-refined"
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
    /// σ_max/σ_min of the column-equilibrated design; nil when it is rank deficient.
    var conditionNumber: Double? {
        guard rank == coefficients.count, rank > 0, let smallest = scaledSingularValues.last, smallest > 0 else { return nil }
        return scaledSingularValues[0] / smallest
    }

    /// Multipliers that gave each column of the scaled design (see `scaling`) unit
    /// length (1 for a zero column).
    let columnScale: [Double]
    /// Orthonormal basis (p × rank) of the row space of the equilibrated design.
    let rowSpaceBasis: Matrix
    public let method: Method
    /// The power-of-two scaling the solver worked in (identity for data within 2^±128).
    /// Inference is computed from the scaled quantities below and unscaled last, so
    /// that σ̂, SE, t and p stay finite and exact when e′e or (X′X)⁻¹ in the data's own
    /// units would overflow or underflow.
    var scaling: LeastSquaresScaling
    /// β̂ of the scaled problem: coefficients[j] = scaledCoefficients[j]·2^(e_y − e_j).
    var scaledCoefficients: [Double]
    /// (X′X)⁺ of the scaled design: pseudoInverseGram[j, k] = scaledGram[j, k]·2^(−e_j − e_k).
    var scaledGram: Matrix
    /// e′e of the scaled problem: residualSumOfSquares = scaledResidualSumOfSquares·2^(2e_y).
    var scaledResidualSumOfSquares: Double

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
        // c ∈ row(X) iff diag(2^−e)·c ∈ row(X·diag(2^−e)), then equilibrated.
        let weights = (0..<p).map { c[$0] * columnScale[$0] }
        let scaled = LeastSquaresScaling.normalized(weights, exponents: scaling.columnExponents.map { -$0 }).values
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

    /// A solution in the units it was computed in (no scaling).
    init(
        coefficients: [Double], rank: Int, fitted: [Double], residuals: [Double],
        residualSumOfSquares: Double, pseudoInverseGram: Matrix, scaledSingularValues: [Double],
        rankTolerance: Double, columnScale: [Double], rowSpaceBasis: Matrix, method: Method
    ) {
        self.coefficients = coefficients
        self.rank = rank
        self.fitted = fitted
        self.residuals = residuals
        self.residualSumOfSquares = residualSumOfSquares
        self.pseudoInverseGram = pseudoInverseGram
        self.scaledSingularValues = scaledSingularValues
        self.rankTolerance = rankTolerance
        self.columnScale = columnScale
        self.rowSpaceBasis = rowSpaceBasis
        self.method = method
        self.scaling = LeastSquaresScaling(
            responseExponent: 0, columnExponents: [Int](repeating: 0, count: coefficients.count))
        self.scaledCoefficients = coefficients
        self.scaledGram = pseudoInverseGram
        self.scaledResidualSumOfSquares = residualSumOfSquares
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

    /// This solution, computed on data scaled by `scaling`, in the data's own units.
    ///
    /// Powers of two make the unscaling exact except where a value leaves the range of
    /// a double. e′e and (X′X)⁺ may then become infinite or zero (they are squares:
    /// data near 10¹⁵⁴ have e′e past 10³⁰⁸), and `Fit` keeps working from the scaled
    /// values; a coefficient that cannot be represented is an error.
    ///
    /// - Throws: `LeastSquaresError.coefficientOutOfRange` when some β̂_j overflows.
    func unscaled(by scaling: LeastSquaresScaling) throws -> LeastSquaresSolution {
        guard !scaling.isIdentity else { return self }
        let p = coefficients.count
        let ey = scaling.responseExponent, e = scaling.columnExponents
        let beta = (0..<p).map { LeastSquaresScaling.times(coefficients[$0], powerOfTwo: ey - e[$0]) }
        if let column = beta.firstIndex(where: { !$0.isFinite }) {
            throw LeastSquaresError.coefficientOutOfRange(column: column)
        }
        var gram = pseudoInverseGram
        for k in 0..<p {
            for j in 0..<p { gram[j, k] = LeastSquaresScaling.times(gram[j, k], powerOfTwo: -e[j] - e[k]) }
        }
        return LeastSquaresSolution(
            coefficients: beta, rank: rank,
            fitted: fitted.map { LeastSquaresScaling.times($0, powerOfTwo: ey) },
            residuals: residuals.map { LeastSquaresScaling.times($0, powerOfTwo: ey) },
            residualSumOfSquares: LeastSquaresScaling.times(residualSumOfSquares, powerOfTwo: 2 * ey),
            pseudoInverseGram: gram, scaledSingularValues: scaledSingularValues,
            rankTolerance: rankTolerance, columnScale: columnScale, rowSpaceBasis: rowSpaceBasis,
            method: method, scaling: scaling, scaledCoefficients: coefficients,
            scaledGram: pseudoInverseGram, scaledResidualSumOfSquares: residualSumOfSquares)
    }

    private init(
        coefficients: [Double], rank: Int, fitted: [Double], residuals: [Double],
        residualSumOfSquares: Double, pseudoInverseGram: Matrix, scaledSingularValues: [Double],
        rankTolerance: Double, columnScale: [Double], rowSpaceBasis: Matrix, method: Method,
        scaling: LeastSquaresScaling, scaledCoefficients: [Double], scaledGram: Matrix,
        scaledResidualSumOfSquares: Double
    ) {
        self.init(
            coefficients: coefficients, rank: rank, fitted: fitted, residuals: residuals,
            residualSumOfSquares: residualSumOfSquares, pseudoInverseGram: pseudoInverseGram,
            scaledSingularValues: scaledSingularValues, rankTolerance: rankTolerance,
            columnScale: columnScale, rowSpaceBasis: rowSpaceBasis, method: method)
        self.scaling = scaling
        self.scaledCoefficients = scaledCoefficients
        self.scaledGram = scaledGram
        self.scaledResidualSumOfSquares = scaledResidualSumOfSquares
    }
}
