import CLapack

/// A t test of one linear combination c′β.
public struct TContrast: Sendable, Equatable {
    /// c′β̂.
    public let estimate: Double
    /// √(σ̂² c′(X′X)⁺c).
    public let standardError: Double
    public let t: Double
    public let degreesOfFreedom: Int
    /// Two-sided.
    public let p: Double
}

/// An F test of several linear combinations Cβ = 0 at once.
public struct FContrast: Sendable, Equatable {
    public let f: Double
    /// Rank of C(X′X)⁺C′: redundant rows of C add no degrees of freedom.
    public let numeratorDegreesOfFreedom: Int
    public let denominatorDegreesOfFreedom: Int
    public let p: Double
}

/// Why a contrast could not be tested.
public enum ContrastError: Error, Equatable, CustomStringConvertible {
    case wrongLength(row: Int, expected: Int, got: Int, columns: [String])
    case notEstimable(row: Int)
    case nonFinite(row: Int)
    case noResidualDegreesOfFreedom
    case zeroVariance
    case empty

    public var description: String {
        switch self {
        case let .wrongLength(row, expected, got, columns):
            return "contrast row \(row + 1) has \(got) weights but the design has \(expected) columns (\(columns.joined(separator: ", "))); give one weight per column"
        case let .notEstimable(row):
            return "contrast row \(row + 1) is not estimable: it involves aliased columns in a combination the data cannot identify; use differences between aliased columns, or drop one of them from the model"
        case let .nonFinite(row):
            return "contrast row \(row + 1) contains a value that is not a finite number"
        case .noResidualDegreesOfFreedom:
            return "the fit has no residual degrees of freedom, so σ̂ and any contrast test are undefined"
        case .zeroVariance:
            return "the contrast has zero variance (an all-zero contrast, or a perfect fit), so its test statistic is undefined"
        case .empty:
            return "the contrast matrix has no rows"
        }
    }
}

extension Fit {
    /// t test of c′β (one weight per design column), on the residual degrees of freedom.
    public func contrast(_ c: [Double]) throws -> TContrast {
        try validateContrastRow(c, index: 0)
        guard let s2 = scaledSigmaSquared else { throw ContrastError.noResidualDegreesOfFreedom }
        // In the solver's scaled units (see `LeastSquaresScaling`), so that c′(X′X)⁺c
        // cannot overflow or underflow where the answer itself is representable.
        let (weights, exponent) = scaledWeights(c)
        var estimate = 0.0
        for j in c.indices { estimate += weights[j] * solution.scaledCoefficients[j] }
        let variance = s2 * Fit.quadraticForm(weights, solution.scaledGram)
        guard variance > 0 else { throw ContrastError.zeroVariance }
        let se = variance.squareRoot()
        let t = estimate / se
        return TContrast(
            estimate: LeastSquaresScaling.times(estimate, powerOfTwo: exponent),
            standardError: LeastSquaresScaling.times(se, powerOfTwo: exponent), t: t, degreesOfFreedom: dfResidual,
            p: StudentTDistribution(degreesOfFreedom: Double(dfResidual)).twoSidedPValue(t))
    }

    /// F test of Cβ = 0, rows of `c` being contrasts:
    /// F = (Cβ̂)′[C(X′X)⁺C′]⁺(Cβ̂) / (q·σ̂²) with q = rank of C(X′X)⁺C′.
    public func contrast(_ c: Matrix) throws -> FContrast {
        guard c.rows > 0 else { throw ContrastError.empty }
        for i in 0..<c.rows { try validateContrastRow(c.row(i), index: i) }
        guard let s2 = scaledSigmaSquared else { throw ContrastError.noResidualDegreesOfFreedom }
        let q = c.rows
        // F is the same whatever each row's scale, so every row is taken to the solver's
        // scaled units (see `LeastSquaresScaling`) and normalised there.
        let scaled = Matrix(rows: (0..<q).map { scaledWeights(c.row($0)).weights })
        var estimates = scaled.multiplied(by: solution.scaledCoefficients)
        // Equilibrate C(X′X)⁺C′ symmetrically before the eigen-decomposition, so rows of
        // C on very different scales do not cost digits.
        var middle = scaled.multiplied(by: solution.scaledGram).multiplied(by: scaled.transposed)
        let balance = (0..<q).map { middle[$0, $0] > 0 ? 1 / middle[$0, $0].squareRoot() : 1 }
        for i in 0..<q {
            estimates[i] *= balance[i]
            for j in 0..<q { middle[i, j] *= balance[i] * balance[j] }
        }
        var eigen = middle.storage
        var values = [Double](repeating: 0, count: q)
        let info = glmviz_dsyev(
            LAPACK_COL_MAJOR, Int8(UInt8(ascii: "V")), Int8(UInt8(ascii: "U")), Int32(q), &eigen, Int32(q), &values)
        guard info == 0 else { throw ContrastError.zeroVariance }
        let largest = values.max() ?? 0
        let tolerance = Double(q) * Double.ulpOfOne * largest
        var rank = 0
        var quadratic = 0.0
        for k in 0..<q where values[k] > tolerance && values[k] > 0 {
            rank += 1
            var projection = 0.0
            for i in 0..<q { projection += eigen[i + k * q] * estimates[i] }
            quadratic += projection * projection / values[k]
        }
        guard rank > 0, s2 > 0 else { throw ContrastError.zeroVariance }
        let f = quadratic / (Double(rank) * s2)
        return FContrast(
            f: f, numeratorDegreesOfFreedom: rank, denominatorDegreesOfFreedom: dfResidual,
            p: FDistribution(numerator: Double(rank), denominator: Double(dfResidual)).survival(f))
    }

    /// σ̂² of the solver's scaled problem (see `LeastSquaresScaling`); nil when n = rank.
    var scaledSigmaSquared: Double? {
        dfResidual > 0 ? solution.scaledResidualSumOfSquares / Double(dfResidual) : nil
    }

    /// Weights c on the design's columns as weights on the scaled columns, normalised:
    /// c′β̂ = (weights′β̂_scaled)·2^exponent and c′(X′X)⁺c = weights′(X_s′X_s)⁺weights·4^exponent,
    /// with the response's scale folded into `exponent`.
    func scaledWeights(_ c: [Double]) -> (weights: [Double], exponent: Int) {
        let scaling = solution.scaling
        let (weights, exponent) = LeastSquaresScaling.normalized(c, exponents: scaling.columnExponents.map { -$0 })
        return (weights, exponent + scaling.responseExponent)
    }

    private func validateContrastRow(_ row: [Double], index: Int) throws {
        guard row.count == columnNames.count else {
            throw ContrastError.wrongLength(row: index, expected: columnNames.count, got: row.count, columns: columnNames)
        }
        guard row.allSatisfy(\.isFinite) else { throw ContrastError.nonFinite(row: index) }
        guard solution.isEstimable(row) else { throw ContrastError.notEstimable(row: index) }
    }
}
