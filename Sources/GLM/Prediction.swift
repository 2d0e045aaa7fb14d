/// The fitted mean at one point of the design space, with the intervals a regression
/// band draws: a confidence interval for the mean E(Y) and a prediction interval for a
/// new observation.
public struct Prediction: Sendable, Equatable {
    /// x′β̂.
    public let mean: Double
    /// √(x′ Cov(β̂) x); nil when σ̂ is undefined.
    public let standardError: Double?
    /// mean ± t·SE.
    public let confidenceInterval: ClosedRange<Double>?
    /// mean ± t·√(σ̂² + SE²).
    public let predictionInterval: ClosedRange<Double>?
    public let level: Double
}

/// Why a prediction could not be made.
public enum PredictionError: Error, Equatable, CustomStringConvertible {
    case wrongLength(expected: Int, got: Int, columns: [String])
    case notEstimable
    case nonFinite
    case invalidLevel(Double)

    public var description: String {
        switch self {
        case let .wrongLength(expected, got, columns):
            return "a prediction point needs \(expected) values, one per design column (\(columns.joined(separator: ", "))), but \(got) were given"
        case .notEstimable:
            return "the fitted mean at this point is not estimable: it involves aliased columns in a way the data cannot identify"
        case .nonFinite:
            return "a prediction point must contain only finite numbers"
        case let .invalidLevel(level):
            return "level \(level) must lie strictly between 0 and 1 (e.g. 0.95)"
        }
    }
}

extension Fit {
    /// The fitted mean at design row `row` (one value per design column, including the
    /// 1 for the intercept) with analytic confidence and prediction intervals.
    public func prediction(at row: [Double], level: Double = 0.95) throws -> Prediction {
        guard row.count == columnNames.count else {
            throw PredictionError.wrongLength(expected: columnNames.count, got: row.count, columns: columnNames)
        }
        guard row.allSatisfy(\.isFinite) else { throw PredictionError.nonFinite }
        guard level > 0, level < 1 else { throw PredictionError.invalidLevel(level) }
        guard solution.isEstimable(row) else { throw PredictionError.notEstimable }
        // In the solver's scaled units (see `LeastSquaresScaling`), unscaled last.
        let (weights, exponent) = scaledWeights(row)
        var scaledMean = 0.0
        for j in row.indices { scaledMean += weights[j] * solution.scaledCoefficients[j] }
        let mean = LeastSquaresScaling.times(scaledMean, powerOfTwo: exponent)
        guard let s2 = scaledSigmaSquared, let sigma else {
            return Prediction(mean: mean, standardError: nil, confidenceInterval: nil, predictionInterval: nil, level: level)
        }
        let scaledVariance = max(Fit.quadraticForm(weights, solution.scaledGram), 0) * s2
        let se = LeastSquaresScaling.times(scaledVariance.squareRoot(), powerOfTwo: exponent)
        let t = StudentTDistribution(degreesOfFreedom: Double(dfResidual)).quantile(1 - (1 - level) / 2)
        // √(σ̂² + SE²) without squaring either in the data's units.
        let larger = max(sigma, se)
        let predictionSE = larger > 0
            ? larger * ((sigma / larger) * (sigma / larger) + (se / larger) * (se / larger)).squareRoot() : 0
        return Prediction(
            mean: mean, standardError: se,
            confidenceInterval: (mean - t * se)...(mean + t * se),
            predictionInterval: (mean - t * predictionSE)...(mean + t * predictionSE),
            level: level)
    }

    /// v′Mv.
    static func quadraticForm(_ v: [Double], _ m: Matrix) -> Double {
        var total = 0.0
        for c in v.indices where v[c] != 0 {
            var column = 0.0
            for r in v.indices { column += v[r] * m[r, c] }
            total += column * v[c]
        }
        return total
    }
}
