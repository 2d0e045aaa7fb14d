import CLapack

/// Minimum-norm least squares, the answer SPM's pseudo-inverse gives: β̂ = X⁺y.
///
/// Every design is estimable this way. When X has full column rank the answer is the
/// ordinary least-squares estimate; when columns are aliased it is the β̂ of smallest
/// Euclidean norm, and the coefficients that the data cannot identify are flagged.
///
/// Two paths:
/// - **LAPACK** (`dgeqrf`, `dormqr`, then `dgesdd` on the small triangular factor).
///   X is copied once, its columns equilibrated (scaled to unit length) and reduced to
///   R by Householder QR; the singular values and right singular vectors of R are
///   those of X, so rank, X⁺y and (X′X)⁺ come from a p×p problem. No n×n or n×p
///   singular-vector matrix is ever formed, which keeps 10⁶-row designs cheap.
/// - **Extended precision** (`Float80` Householder QR refined with double-double
///   residuals, see `ExtendedPrecisionLeastSquares`) for small full-rank designs, where
///   double precision alone loses half the digits on ill-conditioned polynomials
///   (`glmviz accuracy --lapack-only` shows the double-precision baseline).
public enum LeastSquares {

    /// Which computation to use.
    public enum Strategy: Sendable {
        /// Extended precision for small full-rank designs, LAPACK otherwise.
        case automatic
        /// Always LAPACK in double precision.
        case lapack
        /// Extended precision whenever the design has full column rank, whatever its
        /// size (for measurements; slow on large designs).
        case extendedPrecision
    }

    /// Designs with n·p² up to this value take the extended-precision path when they
    /// have full column rank.
    ///
    /// Measured with `glmviz accuracy --timing` (release build, this project's 2-core
    /// x86-64 build machine, median of 5): the `Float80` path costs 10–45 ns per n·p²
    /// unit against 0.5–5 ns for LAPACK — about 1.3 ms against 0.07 ms at n = 1000,
    /// p = 11, and 16 ms against 0.6 ms at n = 10 000, p = 11. At the limit the extra
    /// time is about 13 ms, unnoticeable in a command or a lesson build, and the limit
    /// covers every NIST StRD set (Filip: 82·11² ≈ 10⁴) and course-sized designs by two
    /// orders of magnitude. Beyond it the path is 20–30× slower than LAPACK, and large
    /// designs must stay fast: a whole fit of 10⁶ × 11 takes about 130 ms on the LAPACK
    /// path. A design whose condition number exceeds 10⁶ (high-degree polynomials) also
    /// has its (X′X)⁻¹ refined, a few times the cost of the QR: a degree-10 polynomial
    /// on 8 000 rows, at the limit, fits in about 110 ms instead of 35 ms.
    public static let extendedPrecisionLimit = 1_000_000

    /// Solves min ‖y − Xβ‖ with the minimum-norm β.
    ///
    /// Data beyond 2^±128 are first scaled by powers of two (`LeastSquaresScaling`), so
    /// no sum of squares overflows or turns subnormal; the answer is unscaled exactly.
    ///
    /// - Throws: `LeastSquaresError` when the sizes disagree, a value is not finite, a
    ///   coefficient lies beyond the range of a double, or LAPACK reports a failure.
    public static func solve(
        _ x: Matrix, _ y: [Double], strategy: Strategy = .automatic
    ) throws -> LeastSquaresSolution {
        guard x.rows == y.count else {
            throw LeastSquaresError.sizeMismatch(rows: x.rows, responseCount: y.count)
        }
        // One scan finds any value that is not finite and the scale of each column.
        let scaling = try LeastSquaresScaling(x, y)
        if scaling.isIdentity { return try solveInWorkingUnits(x, y, strategy: strategy) }
        let solution = try solveInWorkingUnits(scaling.scaled(x), scaling.scaled(y), strategy: strategy)
        if solution.rank < x.columns, !scaling.isUniformOverColumns {
            // The minimum-norm answer depends on the columns' relative scale: solve again
            // with one factor for every column, which leaves it unchanged.
            let uniform = scaling.uniformOverColumns
            return try solveInWorkingUnits(uniform.scaled(x), uniform.scaled(y), strategy: strategy)
                .unscaled(by: uniform)
        }
        return try solution.unscaled(by: scaling)
    }

    /// Solves with the data as given (already scaled by `solve` when they needed it).
    private static func solveInWorkingUnits(
        _ x: Matrix, _ y: [Double], strategy: Strategy
    ) throws -> LeastSquaresSolution {
        let wanted: Bool
        switch strategy {
        case .automatic: wanted = Double(x.rows) * Double(x.columns) * Double(x.columns) <= Double(extendedPrecisionLimit)
        case .lapack: wanted = false
        case .extendedPrecision: wanted = true
        }
        // The extended path refines on its own, so the LAPACK answer it starts from
        // need not be refined first.
        let solution = try solveWithLAPACK(x, y, refine: !(wanted && ExtendedPrecisionLeastSquares.isAvailable))
        if wanted, solution.rank == x.columns, x.rows >= x.columns,
           let accurate = ExtendedPrecisionLeastSquares.solve(x, y, rankInformation: solution) {
            return accurate
        }
        return solution
    }

    // MARK: - LAPACK path

    /// - Parameter refine: whether an ill-conditioned full-rank answer is refined
    ///   (`LeastSquaresRefinement`).
    static func solveWithLAPACK(_ x: Matrix, _ y: [Double], refine: Bool = true) throws -> LeastSquaresSolution {
        let n = x.rows, p = x.columns
        let m = min(n, p)
        let scale = columnScale(of: x)

        // Equilibrated copy A = X·D, factored in place: A = QR.
        var a = x.storage
        for j in 0..<p where scale[j] != 1 {
            let s = scale[j]
            for i in (j * n)..<((j + 1) * n) { a[i] *= s }
        }
        var qty = y
        if m > 0 {
            var tau = [Double](repeating: 0, count: m)
            try check("dgeqrf", glmviz_dgeqrf(LAPACK_COL_MAJOR, Int32(n), Int32(p), &a, Int32(n), &tau))
            try check("dormqr", glmviz_dormqr(
                LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), Int8(UInt8(ascii: "T")),
                Int32(n), 1, Int32(m), &a, Int32(n), &tau, &qty, Int32(max(n, 1))))
        }
        // R is m×p upper trapezoidal.
        var r = Matrix(rows: m, columns: p)
        for j in 0..<p {
            for i in 0..<min(j + 1, m) { r[i, j] = a[i + j * n] }
        }
        let qtyHead = Array(qty.prefix(m))

        // Rank and row space are judged on the equilibrated design, where the singular
        // values measure linear dependence rather than the units of the columns.
        let scaledSVD = try SingularValueDecomposition(r)
        let sigmaMax = scaledSVD.values.first ?? 0
        let tolerance = Double(max(n, p)) * Double.ulpOfOne * sigmaMax
        let rank = scaledSVD.values.prefix { $0 > tolerance && $0 > 0 }.count
        var basis = Matrix(rows: p, columns: rank)
        for k in 0..<rank {
            for j in 0..<p { basis[j, k] = scaledSVD.vt[k, j] }
        }

        var beta = [Double](repeating: 0, count: p)
        var gram = Matrix(rows: p, columns: p)
        if rank == p {
            // Unique solution: solve in equilibrated coordinates, then undo the scaling.
            // β̂ by back-substitution on R, as R's lm does: a triangular solve is
            // accurate componentwise where the SVD's V·Σ⁻¹·Uᵀ is only accurate in norm
            // (Norris 12.4 → 13.3 digits, Wampler1 9.3 → 10.0 before refinement).
            var scaledBeta = qtyHead
            for i in stride(from: p - 1, through: 0, by: -1) {
                var s = scaledBeta[i]
                for j in (i + 1)..<p { s -= r[i, j] * scaledBeta[j] }
                scaledBeta[i] = s / r[i, i]
            }
            let scaledGram = triangularInverseGram(r)
            for j in 0..<p { beta[j] = scaledBeta[j] * scale[j] }
            for k in 0..<p {
                for j in 0..<p { gram[j, k] = scaledGram[j, k] * scale[j] * scale[k] }
            }
        } else {
            // Aliased columns: the minimum-norm answer is defined in the original units,
            // so undo the scaling on R and keep the `rank` largest singular values.
            var unscaled = r
            for j in 0..<p where scale[j] != 0 {
                for i in 0..<m { unscaled[i, j] /= scale[j] }
            }
            let svd = try SingularValueDecomposition(unscaled)
            beta = svd.pseudoInverseApplied(to: qtyHead, rank: rank)
            gram = svd.pseudoInverseGram(rank: rank)
        }

        var fitted: [Double]
        var residuals = [Double](repeating: 0, count: n)
        var rss: ExtendedSum = .zero
        let conditionNumber = rank == p && rank > 0 ? sigmaMax / scaledSVD.values[rank - 1] : .infinity
        let refined = refine && rank == p && n > p && LeastSquaresRefinement.isWanted(conditionNumber: conditionNumber)
        if refined {
            let refinement = LeastSquaresRefinement.refine(x, y, beta: beta, gram: gram, scale: scale)
            beta = refinement.beta
            fitted = [Double](repeating: 0, count: n)
            for i in 0..<n {
                let hi = refinement.pass.residualHi[i], lo = refinement.pass.residualLo[i]
                residuals[i] = hi
                fitted[i] = (y[i] - hi) - lo
                rss.add(square: hi)
            }
        } else {
            fitted = x.multiplied(by: beta)
            for i in 0..<n {
                residuals[i] = y[i] - fitted[i]
                rss.add(square: residuals[i])
            }
        }
        return LeastSquaresSolution(
            coefficients: beta, rank: rank, fitted: fitted, residuals: residuals,
            residualSumOfSquares: rss.value, pseudoInverseGram: gram,
            scaledSingularValues: scaledSVD.values, rankTolerance: tolerance,
            columnScale: scale, rowSpaceBasis: basis, method: refined ? .lapackQRRefined : .lapackQRSVD)
    }

    /// (R′R)⁻¹ = R⁻¹R⁻ᵀ for an upper-triangular R of full rank, as R's `chol2inv`.
    ///
    /// Why not the SVD's V·Σ⁻²·Vᵀ: the triangular inverse is accurate row by row, the
    /// SVD's only in norm, and the standard errors read single diagonal entries. On
    /// diamonds' `price ~ carat * cut * color` the SVD gave SEs to 14.2 digits, below
    /// R's 14.5.
    static func triangularInverseGram(_ r: Matrix) -> Matrix {
        let p = r.columns
        var inverse = Matrix(rows: p, columns: p)
        for c in 0..<p {
            inverse[c, c] = 1 / r[c, c]
            for i in stride(from: c - 1, through: 0, by: -1) {
                var s = 0.0
                for j in (i + 1)...c { s += r[i, j] * inverse[j, c] }
                inverse[i, c] = -s / r[i, i]
            }
        }
        var gram = Matrix(rows: p, columns: p)
        for c in 0..<p {
            for row in 0...c {
                var s = 0.0
                for k in c..<p { s += inverse[row, k] * inverse[c, k] }
                gram[row, c] = s
                gram[c, row] = s
            }
        }
        return gram
    }

    /// Scale factors that give every nonzero column unit Euclidean length. A zero
    /// column keeps factor 1: it stays zero and is reported as not estimable.
    static func columnScale(of x: Matrix) -> [Double] {
        (0..<x.columns).map { j in
            var sum: ExtendedSum = .zero
            for i in 0..<x.rows { sum.add(square: x[i, j]) }
            let norm = sum.value.squareRoot()
            return norm > 0 ? 1 / norm : 1
        }
    }

    static func check(_ routine: String, _ info: Int32) throws {
        if info != 0 { throw LeastSquaresError.lapackFailure(routine: routine, info: Int(info)) }
    }
}

/// Why a least-squares problem could not be solved.
public enum LeastSquaresError: Error, Equatable, CustomStringConvertible {
    case sizeMismatch(rows: Int, responseCount: Int)
    case nonFiniteDesign(row: Int, column: Int)
    case nonFiniteResponse(row: Int)
    case lapackFailure(routine: String, info: Int)
    case coefficientOutOfRange(column: Int)

    public var description: String {
        switch self {
        case let .sizeMismatch(rows, count):
            return "the design matrix has \(rows) rows but the response has \(count) values; they must match"
        case let .nonFiniteDesign(row, column):
            return "design matrix entry at row \(row + 1), column \(column + 1) is not a finite number; remove or fix that observation"
        case let .nonFiniteResponse(row):
            return "response value in row \(row + 1) is not a finite number; remove or fix that observation"
        case let .lapackFailure(routine, info) where info == Int(GLMVIZ_LAPACK_UNAVAILABLE):
            return "LAPACK routine \(routine) is not available: neither libopenblas.so.0 nor liblapack.so.3 could be loaded; install OpenBLAS (Debian: apt-get install libopenblas0)"
        case let .coefficientOutOfRange(column):
            return "the estimate for design column \(column + 1) is beyond the range of a double (above 1.8e308 in magnitude): the response and that column differ in scale by more than 300 orders of magnitude; rescale the data (change units) so that they are closer"
        case let .lapackFailure(routine, info):
            return "LAPACK routine \(routine) failed (info = \(info)); the design may contain values too large to factor"
        }
    }
}
