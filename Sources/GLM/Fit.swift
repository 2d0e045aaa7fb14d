/// A fitted general linear model y = Xβ + ε, with the inference R's `summary(lm)`
/// prints, computed the way SPM estimates: β̂ = X⁺y.
///
/// Conventions (R's): σ̂² = e′e/(n − rank); Cov(β̂) = σ̂²(X′X)⁺; t and p two-sided on
/// n − rank degrees of freedom; R² and adjusted R² centred when the model has an
/// intercept and uncentred (about 0) otherwise; the overall F tests every column but
/// the intercept. With no residual degrees of freedom the fit still succeeds and every
/// quantity that needs σ̂ is nil.
public struct Fit: Sendable {
    /// Design column names, in design order.
    public let columnNames: [String]
    public let hasIntercept: Bool
    /// Observations used in the fit.
    public let n: Int
    /// Rows left out before fitting (missing values), reported as R's `na.omit` does.
    public let droppedRows: Int
    public let rank: Int
    /// n − rank.
    public let dfResidual: Int
    /// rank − 1 with an intercept, rank without: the numerator df of the overall F.
    public let dfModel: Int
    public let coefficients: [Coefficient]
    /// σ̂² = e′e / (n − rank); nil when n = rank.
    public let sigmaSquared: Double?
    /// Cov(β̂) = σ̂²(X′X)⁺; nil when σ̂² is undefined. Rows and columns of
    /// non-estimable coefficients hold pseudo-inverse values that mean nothing alone.
    public let covariance: Matrix?
    /// (X′X)⁺, the covariance up to the factor σ̂².
    public let unscaledCovariance: Matrix
    /// nil when the response has no variation to explain.
    public let rSquared: Double?
    public let adjustedRSquared: Double?
    public let fStatistic: Double?
    public let fPValue: Double?
    public let residuals: [Double]
    public let fitted: [Double]
    /// e′e.
    public let residualSumOfSquares: Double
    /// Things a reader must know to trust the table: aliased columns, no residual
    /// degrees of freedom, a perfect fit.
    public let warnings: [String]
    /// Level of the coefficient intervals.
    public let confidenceLevel: Double
    /// Which solver produced β̂.
    public let method: LeastSquaresSolution.Method
    /// The underlying solution (rank tolerance, singular values, estimability tests).
    public let solution: LeastSquaresSolution

    /// σ̂; nil when n = rank. Computed from the scaled fit, so it is finite even where
    /// σ̂² in the data's units overflows (data near 10¹⁵⁴).
    public let sigma: Double?

    /// Fits y on the columns of x.
    ///
    /// - Parameters:
    ///   - x: the n×p design matrix, one named column per entry of `columnNames`.
    ///   - hasIntercept: whether the model contains an intercept (decides centred
    ///     versus uncentred R² and the overall F).
    ///   - droppedRows: rows the caller removed (e.g. missing values), for reporting.
    ///   - confidenceLevel: level of the coefficient intervals.
    /// - Throws: `FitError` only for input no fit can use: sizes that disagree, values
    ///   that are not finite, no rows. Rank deficiency and zero residual df are fine.
    public init(
        x: Matrix, y: [Double], columnNames: [String], hasIntercept: Bool,
        droppedRows: Int = 0, confidenceLevel: Double = 0.95,
        strategy: LeastSquares.Strategy = .automatic
    ) throws {
        guard columnNames.count == x.columns else {
            throw FitError.columnNameCount(names: columnNames.count, columns: x.columns)
        }
        guard y.count == x.rows else {
            throw FitError.responseLength(rows: x.rows, responseCount: y.count)
        }
        guard x.rows > 0 else { throw FitError.noObservations }
        guard droppedRows >= 0 else { throw FitError.invalidDroppedRows(droppedRows) }
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw FitError.invalidConfidenceLevel(confidenceLevel)
        }
        if let index = x.storage.firstIndex(where: { !$0.isFinite }) {
            throw FitError.nonFiniteDesign(row: index % x.rows, column: columnNames[index / x.rows])
        }
        if let row = y.firstIndex(where: { !$0.isFinite }) {
            throw FitError.nonFiniteResponse(row: row)
        }
        let solution: LeastSquaresSolution
        do {
            solution = try LeastSquares.solve(x, y, strategy: strategy)
        } catch let LeastSquaresError.coefficientOutOfRange(column) {
            throw FitError.coefficientOutOfRange(column: columnNames[column])
        } catch let error as LeastSquaresError {
            throw FitError.numerical(error.description)
        }

        // Inference is computed on the scaled problem the solver worked in (powers of two,
        // see `LeastSquaresScaling`) and unscaled last: t, p, R² and F are the same in
        // either units, and σ̂, SE and the intervals are exact multiples of their scaled
        // values, so nothing is lost when e′e or (X′X)⁻¹ in the data's own units would
        // overflow or turn subnormal.
        let scaling = solution.scaling
        let ey = scaling.responseExponent
        func inResponseUnits(_ v: Double, _ column: Int) -> Double {
            LeastSquaresScaling.times(v, powerOfTwo: ey - scaling.columnExponents[column])
        }

        let n = x.rows
        let rank = solution.rank
        let dfResidual = n - rank
        let dfModel = hasIntercept ? max(rank - 1, 0) : rank
        let rss = solution.residualSumOfSquares
        let scaledRSS = solution.scaledResidualSumOfSquares
        let scaledSigmaSquared: Double? = dfResidual > 0 ? scaledRSS / Double(dfResidual) : nil
        let scaledSigma = scaledSigmaSquared.map { $0.squareRoot() }
        let sigma = scaledSigma.map { LeastSquaresScaling.times($0, powerOfTwo: ey) }
        if let sigma, !sigma.isFinite { throw FitError.residualScaleOutOfRange }
        let sigmaSquared = scaledSigmaSquared.map { LeastSquaresScaling.times($0, powerOfTwo: 2 * ey) }
        let estimable = solution.estimable

        var warnings: [String] = []
        let aliased = columnNames.indices.filter { !estimable[$0] }
        if !aliased.isEmpty {
            let names = aliased.map { "'\(columnNames[$0])'" }.joined(separator: ", ")
            warnings.append(
                "\(aliased.count == 1 ? "column" : "columns") \(names) \(aliased.count == 1 ? "is" : "are") aliased "
                    + "(a linear combination of other columns): not estimable; the estimate shown is the "
                    + "minimum-norm value and has no standard error")
        }
        if dfResidual == 0 {
            warnings.append(
                "no residual degrees of freedom (n = \(n), rank = \(rank)): σ̂, standard errors, t, p and F are undefined")
        }

        let totalSumOfSquares = Fit.totalSumOfSquares(scaling.scaled(y), centred: hasIntercept)
        var meanSquareFitted = ExtendedSum.zero
        if ey == 0 {
            for f in solution.fitted { meanSquareFitted.add(square: f) }
        } else {
            for f in solution.fitted { meanSquareFitted.add(square: LeastSquaresScaling.times(f, powerOfTwo: -ey)) }
        }
        let perfectFit = scaledSigmaSquared.map { $0 <= 1e-30 * meanSquareFitted.value / Double(n) } ?? false
        if perfectFit {
            warnings.append(
                "essentially perfect fit: the residual variance is negligible next to the fitted values, so t, p and F are unreliable or undefined")
        }

        let tDistribution = StudentTDistribution(degreesOfFreedom: Double(dfResidual))
        let criticalT = dfResidual > 0 ? tDistribution.quantile(1 - (1 - confidenceLevel) / 2) : .nan
        let gram = solution.pseudoInverseGram
        let scaledGram = solution.scaledGram
        coefficients = columnNames.indices.map { j in
            let estimate = solution.coefficients[j]
            guard estimable[j], let s2 = scaledSigmaSquared else {
                return Coefficient(
                    term: columnNames[j], estimate: estimate, standardError: nil, t: nil, p: nil,
                    ciLow: nil, ciHigh: nil, estimable: estimable[j])
            }
            let scaledSE = (s2 * max(scaledGram[j, j], 0)).squareRoot()
            let se = inResponseUnits(scaledSE, j)
            let t: Double? = scaledSE > 0 ? solution.scaledCoefficients[j] / scaledSE : nil
            let p = t.map { tDistribution.twoSidedPValue($0) }
            return Coefficient(
                term: columnNames[j], estimate: estimate, standardError: se, t: t, p: p,
                ciLow: estimate - criticalT * se, ciHigh: estimate + criticalT * se, estimable: true)
        }

        var fStatistic: Double?
        var fPValue: Double?
        if let s2 = scaledSigmaSquared, s2 > 0, dfModel > 0 {
            let explained = max(totalSumOfSquares - scaledRSS, 0)
            let f = (explained / Double(dfModel)) / s2
            if f.isFinite {
                fStatistic = f
                fPValue = FDistribution(numerator: Double(dfModel), denominator: Double(dfResidual)).survival(f)
            }
        }

        var rSquared: Double?
        var adjustedRSquared: Double?
        if totalSumOfSquares > 0 {
            let r2 = 1 - scaledRSS / totalSumOfSquares
            rSquared = r2
            if dfResidual > 0 {
                let interceptCount = hasIntercept ? 1 : 0
                adjustedRSquared = 1 - (1 - r2) * Double(n - interceptCount) / Double(dfResidual)
            }
        }

        self.columnNames = columnNames
        self.hasIntercept = hasIntercept
        self.n = n
        self.droppedRows = droppedRows
        self.rank = rank
        self.dfResidual = dfResidual
        self.dfModel = dfModel
        self.sigmaSquared = sigmaSquared
        self.sigma = sigma
        self.covariance = scaledSigmaSquared.map { s2 in
            var covariance = scaledGram
            for k in 0..<covariance.columns {
                for j in 0..<covariance.rows {
                    covariance[j, k] = LeastSquaresScaling.times(
                        scaledGram[j, k] * s2, powerOfTwo: 2 * ey - scaling.columnExponents[j] - scaling.columnExponents[k])
                }
            }
            return covariance
        }
        self.unscaledCovariance = gram
        self.rSquared = rSquared
        self.adjustedRSquared = adjustedRSquared
        self.fStatistic = fStatistic
        self.fPValue = fPValue
        self.residuals = solution.residuals
        self.fitted = solution.fitted
        self.residualSumOfSquares = rss
        self.warnings = warnings
        self.confidenceLevel = confidenceLevel
        self.method = solution.method
        self.solution = solution
    }

    /// Σ(y − ȳ)² (centred) or Σy² (uncentred), accumulated in extended precision so
    /// R² keeps its digits when it is within 10⁻⁷ of 1 (NIST Pontius, Norris).
    static func totalSumOfSquares(_ y: [Double], centred: Bool) -> Double {
        var mean = 0.0
        if centred {
            var sum = ExtendedSum.zero
            for v in y { sum.add(v) }
            mean = sum.value / Double(y.count)
        }
        var total = ExtendedSum.zero
        for v in y { total.add(square: v - mean) }
        return total.value
    }
}
