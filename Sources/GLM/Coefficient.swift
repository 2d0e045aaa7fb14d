/// One row of a coefficient table.
///
/// A coefficient that is not estimable (its design column is aliased with others)
/// keeps its minimum-norm estimate but has `standardError`, `t`, `p` and the interval
/// set to nil, as R prints `NA`: the data say nothing about it on its own.
public struct Coefficient: Sendable, Equatable {
    /// The design column's name, e.g. `(Intercept)` or `groupdrugA`.
    public let term: String
    public let estimate: Double
    public let standardError: Double?
    public let t: Double?
    /// Two-sided p-value from Student's t with the residual degrees of freedom.
    public let p: Double?
    public let ciLow: Double?
    public let ciHigh: Double?
    public let estimable: Bool

    public init(
        term: String, estimate: Double, standardError: Double?, t: Double?, p: Double?,
        ciLow: Double?, ciHigh: Double?, estimable: Bool
    ) {
        self.term = term
        self.estimate = estimate
        self.standardError = standardError
        self.t = t
        self.p = p
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.estimable = estimable
    }

    /// The confidence interval at the fit's level, when defined.
    public var confidenceInterval: ClosedRange<Double>? {
        guard let low = ciLow, let high = ciHigh else { return nil }
        return low...high
    }
}
