/// A recipe for teaching data: predictors drawn or fixed, then
/// `response = Σ β·column + noise` with noise of standard deviation σ.
public struct GeneratorSpec: Sendable {
    public var n: Int
    public var seed: UInt64
    public var sigma: Double
    /// When true the noise is made orthogonal to the design and rescaled, so the
    /// least-squares fit returns exactly `beta` and σ̂ equals `sigma`.
    public var exact: Bool
    public var response: String
    /// Predictors in the order the spec lists them.
    public var predictors: [PredictorSpec]
    /// Coefficients by design column name as R prints them: `(Intercept)`,
    /// `x`, `grouppatient`. Columns not named get 0.
    public var beta: [String: Double]
    public var betaLocations: [String: SourceLocation]
    public var location: SourceLocation
}

/// How one generated predictor gets its values.
public struct PredictorSpec: Sendable {
    public enum Source: Sendable, Equatable {
        case normal(mean: Double, sd: Double)
        case uniform(min: Double, max: Double)
        /// Exactly these values (must number n).
        case fixed([Double])
        /// n evenly spaced values from `from` to `to`.
        case sequence(from: Double, to: Double)
        /// Labels laid out in blocks, in the listed order, with these counts
        /// (they must sum to n). `reference` is coded 0.
        case groups(levels: [(name: String, count: Int)], reference: String)

        public static func == (lhs: Source, rhs: Source) -> Bool {
            switch (lhs, rhs) {
            case let (.normal(a, b), .normal(c, d)): return a == c && b == d
            case let (.uniform(a, b), .uniform(c, d)): return a == c && b == d
            case let (.fixed(a), .fixed(b)): return a == b
            case let (.sequence(a, b), .sequence(c, d)): return a == c && b == d
            case let (.groups(a, r), .groups(b, s)):
                return r == s && a.map(\.name) == b.map(\.name) && a.map(\.count) == b.map(\.count)
            default: return false
            }
        }
    }

    public var name: String
    public var source: Source
    /// Round drawn values to this many decimals (data that looks measured).
    public var decimals: Int?
    public var location: SourceLocation
}
