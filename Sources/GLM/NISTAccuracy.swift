/// How closely a fit reproduces one NIST StRD set's certified results, as minimum LRE
/// (digits correct) over the coefficients and their standard errors, plus the LRE of
/// the residual SD and R².
public struct NISTAccuracy: Sendable {
    public let set: String
    public let method: LeastSquaresSolution.Method
    public let coefficients: Double
    public let standardErrors: Double
    public let residualSD: Double
    public let rSquared: Double

    /// Fits `set` and scores it. NIST certifies uncentred R² for the no-intercept sets,
    /// which is what `Fit` reports for a model without intercept.
    public static func measure(
        _ set: NISTReferenceSet, strategy: LeastSquares.Strategy = .automatic
    ) throws -> NISTAccuracy {
        let fit = try Fit(
            x: set.design, y: set.response, columnNames: set.columnNames,
            hasIntercept: set.hasIntercept, strategy: strategy)
        // Certified SEs are 0 for the exact-fit sets (Wampler1, 2); the absolute error
        // of our SE is then what LRE measures.
        let standardErrors = fit.coefficients.map { $0.standardError ?? .nan }
        return NISTAccuracy(
            set: set.name, method: fit.method,
            coefficients: LogRelativeError.minimum(fit.coefficients.map(\.estimate), certified: set.certifiedBeta),
            standardErrors: LogRelativeError.minimum(standardErrors, certified: set.certifiedStandardErrors),
            residualSD: LogRelativeError.of(fit.sigma ?? .nan, certified: set.certifiedResidualSD),
            rSquared: LogRelativeError.of(fit.rSquared ?? .nan, certified: set.certifiedRSquared))
    }
}
