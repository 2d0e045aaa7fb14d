import Foundation

/// The machine-readable form of a fit (`glmviz fit --json`).
///
/// Undefined quantities are JSON `null`, never NaN or ±∞: σ̂ without residual degrees
/// of freedom, SE/t/p/CI of a non-estimable coefficient, F without slopes. Covariance
/// entries that involve a non-estimable coefficient are null too.
public struct FitReport: Encodable, Sendable, Equatable {
    public struct CoefficientRow: Encodable, Sendable, Equatable {
        public let term: String
        public let estimate: Double
        public let stdError: Double?
        public let t: Double?
        public let p: Double?
        public let ciLow: Double?
        public let ciHigh: Double?
        public let estimable: Bool

        enum CodingKeys: String, CodingKey {
            case term, estimate, stdError = "std_error", t, p, ciLow = "ci_low", ciHigh = "ci_high", estimable
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(term, forKey: .term)
            try container.encode(FitReport.finite(estimate), forKey: .estimate)
            try container.encode(FitReport.finite(stdError), forKey: .stdError)
            try container.encode(FitReport.finite(t), forKey: .t)
            try container.encode(FitReport.finite(p), forKey: .p)
            try container.encode(FitReport.finite(ciLow), forKey: .ciLow)
            try container.encode(FitReport.finite(ciHigh), forKey: .ciHigh)
            try container.encode(estimable, forKey: .estimable)
        }
    }

    public let n: Int
    public let droppedRows: Int
    public let rank: Int
    public let dfResidual: Int
    public let dfModel: Int
    public let sigma: Double?
    public let sigmaSquared: Double?
    public let rSquared: Double?
    public let adjRSquared: Double?
    public let fStatistic: Double?
    public let fPValue: Double?
    public let warnings: [String]
    public let coefficients: [CoefficientRow]
    /// Cov(β̂) as rows; nil when σ̂ is undefined.
    public let covariance: [[Double?]]?
    public let method: String

    enum CodingKeys: String, CodingKey {
        case n, droppedRows = "dropped_rows", rank, dfResidual = "df_residual", dfModel = "df_model"
        case sigma, sigmaSquared = "sigma_squared", rSquared = "r_squared", adjRSquared = "adj_r_squared"
        case fStatistic = "f_statistic", fPValue = "f_p_value", warnings, coefficients, covariance, method
    }

    public init(_ fit: Fit) {
        n = fit.n
        droppedRows = fit.droppedRows
        rank = fit.rank
        dfResidual = fit.dfResidual
        dfModel = fit.dfModel
        sigma = fit.sigma
        sigmaSquared = fit.sigmaSquared
        rSquared = fit.rSquared
        adjRSquared = fit.adjustedRSquared
        fStatistic = fit.fStatistic
        fPValue = fit.fPValue
        warnings = fit.warnings
        coefficients = fit.coefficients.map {
            CoefficientRow(
                term: $0.term, estimate: $0.estimate, stdError: $0.standardError, t: $0.t, p: $0.p,
                ciLow: $0.ciLow, ciHigh: $0.ciHigh, estimable: $0.estimable)
        }
        let estimable = fit.coefficients.map(\.estimable)
        covariance = fit.covariance.map { matrix in
            (0..<matrix.rows).map { i in
                (0..<matrix.columns).map { j in estimable[i] && estimable[j] ? matrix[i, j] : nil }
            }
        }
        method = fit.method.rawValue
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(n, forKey: .n)
        try container.encode(droppedRows, forKey: .droppedRows)
        try container.encode(rank, forKey: .rank)
        try container.encode(dfResidual, forKey: .dfResidual)
        try container.encode(dfModel, forKey: .dfModel)
        try container.encode(Self.finite(sigma), forKey: .sigma)
        try container.encode(Self.finite(sigmaSquared), forKey: .sigmaSquared)
        try container.encode(Self.finite(rSquared), forKey: .rSquared)
        try container.encode(Self.finite(adjRSquared), forKey: .adjRSquared)
        try container.encode(Self.finite(fStatistic), forKey: .fStatistic)
        try container.encode(Self.finite(fPValue), forKey: .fPValue)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(coefficients, forKey: .coefficients)
        try container.encode(covariance.map { $0.map { $0.map { Self.finite($0) } } }, forKey: .covariance)
        try container.encode(method, forKey: .method)
    }

    /// The report as UTF-8 JSON: keys sorted, so the bytes depend only on the fit;
    /// numbers in Swift's shortest form that reads back to the same `Double`.
    public func jsonData(prettyPrinted: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = prettyPrinted
            ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// A value the JSON can hold: non-finite numbers become null.
    static func finite(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return value
    }
}

extension Fit {
    /// The machine form of this fit.
    public var report: FitReport { FitReport(self) }
}
