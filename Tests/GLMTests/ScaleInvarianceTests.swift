import XCTest
@testable import GLM

/// A fit must not depend on the units of its data: scaling y by a and a predictor by b
/// multiplies σ̂ by a, that predictor's β̂ and SE by a/b, and leaves t, p, R², adjusted
/// R² and F unchanged (Kutner et al., *Applied Linear Statistical Models*, 5th ed.,
/// §1.6–§2.4: every one of these is a ratio of sums of squares or of β̂ to its SE).
///
/// Before the data were scaled by powers of two in the solver, 10¹⁵⁴ overflowed the
/// squares (σ̂, SE, t and p undefined, "essentially perfect fit"), 10⁻¹⁶¹ made them
/// subnormal (σ̂ off by 2·10⁻⁴) and 10⁻¹⁷⁰ gave σ̂ = 0. The reference is the fit of the
/// same data unscaled: Toluca (Kutner Table 1.1) and NIST's Norris.
final class ScaleInvarianceTests: XCTestCase {
    /// (response factor, predictor factor).
    static let cases: [(Double, Double)] = [
        (1e150, 1), (1e-150, 1), (1, 1e150), (1, 1e-150),
        (1e150, 1e150), (1e-150, 1e-150), (1e150, 1e-150), (1e-150, 1e150),
        (1e154, 1e154), (1e-161, 1e-161), (1e-170, 1e-170),
    ]

    /// Relative agreement asked of every quantity; the data themselves are rounded once
    /// when multiplied by a power of ten, a relative change of 10⁻¹⁶.
    static let tolerance = 1e-12

    private func toluca() throws -> (x: [Double], y: [Double]) {
        let data = try FitFixtures.numericColumns("toluca.csv")
        return (data["lot_size"]!, data["work_hours"]!)
    }

    private func norris() throws -> (x: [Double], y: [Double]) {
        let norris = try NISTReferenceSet.loadAll(from: FitFixtures.nist).first { $0.name == "Norris" }!
        return (norris.design.column(1), norris.response)
    }

    private func simpleFit(x: [Double], y: [Double]) throws -> Fit {
        let design = Matrix(columns: [[Double](repeating: 1, count: x.count), x])
        return try Fit(x: design, y: y, columnNames: ["(Intercept)", "x"], hasIntercept: true)
    }

    private func assertRelative(_ actual: Double?, _ expected: Double?, _ what: String,
                                file: StaticString = #filePath, line: UInt = #line) {
        guard let actual, let expected else {
            XCTFail("\(what): \(String(describing: actual)) against \(String(describing: expected))", file: file, line: line)
            return
        }
        let error = expected == 0 ? Swift.abs(actual) : Swift.abs(actual - expected) / Swift.abs(expected)
        XCTAssertLessThanOrEqual(error, Self.tolerance, "\(what): \(actual) against \(expected)", file: file, line: line)
    }

    private func checkInvariance(_ data: (x: [Double], y: [Double]), name: String) throws {
        let reference = try simpleFit(x: data.x, y: data.y)
        XCTAssertTrue(reference.warnings.isEmpty)
        let referenceContrast = try reference.contrast([1, -1])
        let referencePoint = data.x[0] * 1.5
        let referencePrediction = try reference.prediction(at: [1, referencePoint])
        for (a, b) in Self.cases {
            let label = "\(name), y × \(a), x × \(b)"
            let fit = try simpleFit(x: data.x.map { $0 * b }, y: data.y.map { $0 * a })
            XCTAssertTrue(fit.warnings.isEmpty, "\(label): \(fit.warnings)")
            assertRelative(fit.sigma.map { $0 / a }, reference.sigma, "\(label): σ̂")
            assertRelative(fit.coefficients[0].estimate / a, reference.coefficients[0].estimate, "\(label): β̂₀")
            assertRelative(fit.coefficients[1].estimate * (b / a), reference.coefficients[1].estimate, "\(label): β̂₁")
            assertRelative(fit.coefficients[0].standardError.map { $0 / a }, reference.coefficients[0].standardError, "\(label): SE₀")
            assertRelative(fit.coefficients[1].standardError.map { $0 * (b / a) }, reference.coefficients[1].standardError, "\(label): SE₁")
            for j in 0..<2 {
                assertRelative(fit.coefficients[j].t, reference.coefficients[j].t, "\(label): t\(j)")
                assertRelative(fit.coefficients[j].p, reference.coefficients[j].p, "\(label): p\(j)")
            }
            assertRelative(fit.coefficients[1].ciLow.map { $0 * (b / a) }, reference.coefficients[1].ciLow, "\(label): CI low")
            assertRelative(fit.rSquared, reference.rSquared, "\(label): R²")
            assertRelative(fit.adjustedRSquared, reference.adjustedRSquared, "\(label): adjusted R²")
            assertRelative(fit.fStatistic, reference.fStatistic, "\(label): F")
            assertRelative(fit.fPValue, reference.fPValue, "\(label): p of F")
            assertRelative(fit.residuals[3] / a, reference.residuals[3], "\(label): residual 4")
            // e′e scales by a², which leaves the range of a double beyond about 10¹⁵⁰.
            let rss = reference.residualSumOfSquares * a * a
            if rss.isFinite, rss > 1e-300 {
                assertRelative(fit.residualSumOfSquares / (a * a), reference.residualSumOfSquares, "\(label): e′e")
            }
            // The contrast β₀ − β₁ in scaled units is β₀·a − β₁·a/b: weights (1, −b) give
            // a·(β₀ − β₁) when b is the predictor's factor. Keep it in range with 1/b.
            let contrast = try fit.contrast([1, -b])
            assertRelative(contrast.t, referenceContrast.t, "\(label): contrast t")
            assertRelative(contrast.estimate / a, referenceContrast.estimate, "\(label): contrast estimate")
            assertRelative(contrast.standardError / a, referenceContrast.standardError, "\(label): contrast SE")
            let prediction = try fit.prediction(at: [1, referencePoint * b])
            assertRelative(prediction.mean / a, referencePrediction.mean, "\(label): predicted mean")
            assertRelative(prediction.standardError.map { $0 / a }, referencePrediction.standardError, "\(label): prediction SE")
            assertRelative(prediction.predictionInterval.map { $0.upperBound / a },
                           referencePrediction.predictionInterval?.upperBound, "\(label): prediction interval")
        }
    }

    func testTolucaIsInvariantUnderScaling() throws {
        try checkInvariance(try toluca(), name: "Toluca")
    }

    func testNorrisIsInvariantUnderScaling() throws {
        try checkInvariance(try norris(), name: "Norris")
    }

    /// The reported numbers: Toluca scaled by 10¹⁵⁴ gave σ̂ = nil and a perfect-fit
    /// warning. Kutner's σ̂ = √2383.7 = 48.82 (Table 2.2: MSE = 2 384).
    func testTolucaAtTenToThe154HasKutnersSigma() throws {
        let data = try toluca()
        let fit = try simpleFit(x: data.x.map { $0 * 1e154 }, y: data.y.map { $0 * 1e154 })
        XCTAssertEqual(fit.sigma! / 1e154, 48.82, accuracy: 0.005)
        XCTAssertEqual(fit.coefficients[1].t!, 10.29, accuracy: 0.005)
        XCTAssertTrue(fit.warnings.isEmpty, "\(fit.warnings)")
        // σ̂² = 2.38·10³¹¹ is beyond a double; the report shows it as undefined, not σ̂.
        XCTAssertEqual(fit.sigmaSquared, .infinity)
    }

    /// The same through the LAPACK path, which large designs take.
    func testLAPACKPathIsInvariantToo() throws {
        let data = try toluca()
        let design = { (b: Double) in Matrix(columns: [[Double](repeating: 1, count: data.x.count), data.x.map { $0 * b }]) }
        let reference = try Fit(x: design(1), y: data.y, columnNames: ["1", "x"], hasIntercept: true, strategy: .lapack)
        for (a, b) in Self.cases {
            let fit = try Fit(x: design(b), y: data.y.map { $0 * a }, columnNames: ["1", "x"], hasIntercept: true, strategy: .lapack)
            XCTAssertEqual(fit.method, .lapackQRSVD)
            assertRelative(fit.sigma.map { $0 / a }, reference.sigma, "y × \(a), x × \(b): σ̂")
            assertRelative(fit.coefficients[1].t, reference.coefficients[1].t, "y × \(a), x × \(b): t")
            assertRelative(fit.rSquared, reference.rSquared, "y × \(a), x × \(b): R²")
        }
    }

    /// An aliased design keeps its minimum-norm answer when the whole design is scaled:
    /// with x twice, β̂ splits the slope evenly (3.5702/2 for Toluca) at any scale. (The
    /// columns get one common factor, since per-column factors would change which β̂ has
    /// the smallest norm.)
    func testAliasedColumnsKeepTheMinimumNormAnswerAtScale() throws {
        let data = try toluca()
        for b in [1.0, 1e150, 1e-150, 1e-170] {
            let x = data.x.map { $0 * b }
            let design = Matrix(columns: [[Double](repeating: b, count: x.count), x, x])
            let fit = try Fit(x: design, y: data.y, columnNames: ["1", "x", "x2"], hasIntercept: true)
            XCTAssertEqual(fit.rank, 2)
            XCTAssertEqual(fit.coefficients.map(\.estimable), [true, false, false])
            XCTAssertEqual(fit.coefficients[0].estimate * b, 62.366, accuracy: 0.0005)
            XCTAssertEqual(fit.coefficients[1].estimate * b, 3.5702 / 2, accuracy: 0.00005)
            XCTAssertEqual(fit.coefficients[2].estimate * b, 3.5702 / 2, accuracy: 0.00005)
            XCTAssertEqual(fit.sigma!, 48.82, accuracy: 0.005)
        }
    }

    /// A slope of 10⁶⁰⁰ cannot be a double: the fit says so and how to fix it, rather
    /// than printing infinity or null.
    func testCoefficientBeyondDoubleRangeIsRefused() throws {
        let data = try toluca()
        XCTAssertThrowsError(try simpleFit(x: data.x.map { $0 * 1e-300 }, y: data.y.map { $0 * 1e300 })) { error in
            XCTAssertEqual(error as? FitError, .coefficientOutOfRange(column: "x"))
            XCTAssertTrue("\(error)".contains("rescale"), "\(error)")
        }
    }

    func testInfiniteValuesAreRefused() throws {
        let data = try toluca()
        var y = data.y
        y[4] = .infinity
        XCTAssertThrowsError(try simpleFit(x: data.x, y: y)) { error in
            XCTAssertEqual(error as? FitError, .nonFiniteResponse(row: 4))
        }
    }
}
