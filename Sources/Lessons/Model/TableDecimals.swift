import Support

/// Decimals a lesson fixes for the quantities of its coefficient tables
/// (`notation: {decimals: {estimates: 2, standard-errors: 3, t: 2}}`). Left
/// out, each is chosen from the quantity's precision as a regression table
/// prints it: an estimate and its interval at the decimal place of its
/// standard error's fourth significant digit, the standard error to four
/// significant digits, t to two decimals.
public struct TableDecimals: Sendable, Equatable {
    public var estimates: Int?
    public var standardErrors: Int?
    public var statistics: Int?

    public init(estimates: Int? = nil, standardErrors: Int? = nil, statistics: Int? = nil) {
        self.estimates = estimates; self.standardErrors = standardErrors; self.statistics = statistics
    }

    static let keys = ["estimates", "standard-errors", "t"]
    static let range = 0...10

    func estimate(_ value: Double, standardError: Double?) -> FormattedNumber {
        estimates.map { NumberFormat.number(value, .decimals($0)) } ?? NumberFormat.estimate(value, standardError: standardError)
    }

    func standardError(_ value: Double) -> FormattedNumber {
        standardErrors.map { NumberFormat.number(value, .decimals($0)) } ?? NumberFormat.standardError(value)
    }

    func statistic(_ value: Double) -> FormattedNumber {
        statistics.map { NumberFormat.number(value, .decimals($0)) } ?? NumberFormat.statistic(value)
    }

    /// A confidence interval is written at its estimate's decimals.
    func intervalPrecision(standardError: Double?) -> Precision {
        estimates.map { .decimals($0) } ?? NumberFormat.precision(forStandardError: standardError)
    }
}
