import Foundation
import XCTest
@testable import GLM

/// Edge cases of `Fit` and its machine form: no residual degrees of freedom, a
/// perfect fit, aliased columns, bad input, and JSON that round-trips.
final class FitTests: XCTestCase {
    /// y = x² at x = 1, 2, 3 with columns 1, x, x²: interpolation, n = rank = 3.
    func testZeroResidualDegreesOfFreedom() throws {
        let x = Matrix(rows: [[1, 1, 1], [1, 2, 4], [1, 3, 9]])
        let fit = try Fit(x: x, y: [1, 4, 9], columnNames: ["(Intercept)", "x", "I(x^2)"], hasIntercept: true)
        XCTAssertEqual(fit.rank, 3)
        XCTAssertEqual(fit.dfResidual, 0)
        XCTAssertNil(fit.sigma)
        XCTAssertNil(fit.sigmaSquared)
        XCTAssertNil(fit.covariance)
        XCTAssertNil(fit.adjustedRSquared)
        XCTAssertNil(fit.fStatistic)
        XCTAssertEqual(fit.rSquared!, 1, accuracy: 1e-15)
        XCTAssertEqual(fit.coefficients[2].estimate, 1, accuracy: 1e-14)
        XCTAssertTrue(fit.coefficients.allSatisfy { $0.standardError == nil && $0.t == nil && $0.p == nil && $0.estimable })
        XCTAssertTrue(fit.warnings.contains { $0.contains("no residual degrees of freedom") })

        let json = try JSONSerialization.jsonObject(with: fit.report.jsonData()) as! [String: Any]
        XCTAssertTrue(json["sigma"] is NSNull)
        XCTAssertTrue(json["f_statistic"] is NSNull)
        XCTAssertTrue(json["covariance"] is NSNull)
        assertReportIsFinite(fit)
    }

    /// y = 2 + 3x exactly: σ̂ is zero, a warning says the fit is perfect, and nothing
    /// non-finite reaches the report.
    func testPerfectFit() throws {
        let xs: [Double] = [1, 2, 3, 4, 5]
        let x = Matrix(columns: [[1, 1, 1, 1, 1], xs])
        let fit = try Fit(x: x, y: xs.map { 2 + 3 * $0 }, columnNames: ["(Intercept)", "x"], hasIntercept: true)
        XCTAssertEqual(fit.coefficients[0].estimate, 2, accuracy: 1e-14)
        XCTAssertEqual(fit.coefficients[1].estimate, 3, accuracy: 1e-14)
        XCTAssertEqual(fit.sigma!, 0, accuracy: 1e-14)
        XCTAssertTrue(fit.warnings.contains { $0.contains("perfect fit") }, "\(fit.warnings)")
        assertReportIsFinite(fit)
    }

    /// Intercept plus a dummy for every group: the intercept and the dummies are
    /// aliased, reported as such, kept with minimum-norm estimates and no SE.
    func testAliasedColumnsAreFlaggedNotDropped() throws {
        let groups = [0, 0, 1, 1, 2, 2]
        let dummies = (0..<3).map { g in groups.map { $0 == g ? 1.0 : 0.0 } }
        let x = Matrix(columns: [[Double](repeating: 1, count: 6)] + dummies)
        let y: [Double] = [1, 3, 5, 7, 10, 12]
        let fit = try Fit(x: x, y: y, columnNames: ["(Intercept)", "gA", "gB", "gC"], hasIntercept: true)
        XCTAssertEqual(fit.rank, 3)
        XCTAssertEqual(fit.dfResidual, 3)
        XCTAssertEqual(fit.dfModel, 2)
        XCTAssertEqual(fit.coefficients.count, 4)
        XCTAssertTrue(fit.coefficients.allSatisfy { !$0.estimable && $0.standardError == nil })
        XCTAssertTrue(fit.warnings.contains { $0.contains("'gA', 'gB', 'gC'") && $0.contains("aliased") })
        // Minimum norm: intercept a plus dummy d_g equals the group mean m_g, and a
        // minimises a² + Σ(m_g − a)², so a = Σm_g / 4 = (2 + 6 + 11) / 4.
        XCTAssertEqual(fit.coefficients[0].estimate, 19.0 / 4, accuracy: 1e-13)
        XCTAssertEqual(fit.coefficients[1].estimate, 2 - 19.0 / 4, accuracy: 1e-13)
        // Group means are fitted exactly; σ̂² pools the within-group spread: (2+2+2)/3.
        XCTAssertEqual(fit.fitted[4], 11, accuracy: 1e-13)
        XCTAssertEqual(fit.sigmaSquared!, 2, accuracy: 1e-13)
        let json = try JSONSerialization.jsonObject(with: fit.report.jsonData()) as! [String: Any]
        let rows = json["coefficients"] as! [[String: Any]]
        XCTAssertEqual(rows[1]["estimable"] as? Bool, false)
        XCTAssertTrue(rows[1]["std_error"] is NSNull)
    }

    func testReportHasExactlyTheDocumentedKeys() throws {
        let fit = try Fit(x: Matrix(columns: [[1, 1, 1, 1], [1, 2, 3, 5]]), y: [2, 3, 7, 8], columnNames: ["(Intercept)", "x"], hasIntercept: true)
        let json = try JSONSerialization.jsonObject(with: fit.report.jsonData()) as! [String: Any]
        XCTAssertEqual(Set(json.keys), [
            "n", "dropped_rows", "rank", "df_residual", "sigma", "r_squared", "adj_r_squared", "f_statistic",
            "f_p_value", "warnings", "coefficients", "sigma_squared", "df_model", "covariance", "method",
        ])
        let row = (json["coefficients"] as! [[String: Any]])[0]
        XCTAssertEqual(Set(row.keys), ["term", "estimate", "std_error", "t", "p", "ci_low", "ci_high", "estimable"])
        XCTAssertEqual(json["method"] as? String, "float80-qr-refined")
    }

    /// Every number in the JSON reads back to the identical Double, and the bytes are
    /// the same on every encoding.
    func testReportNumbersRoundTripExactly() throws {
        let data = try FitFixtures.numericColumns("toluca.csv")
        let lotSize = data["lot_size"]!
        let fit = try Fit(
            x: Matrix(columns: [[Double](repeating: 1, count: lotSize.count), lotSize]), y: data["work_hours"]!,
            columnNames: ["(Intercept)", "lot_size"], hasIntercept: true, droppedRows: 2)
        let bytes = try fit.report.jsonData()
        XCTAssertEqual(bytes, try fit.report.jsonData())
        struct Row: Decodable { let estimate: Double; let std_error: Double; let p: Double; let ci_low: Double }
        struct Report: Decodable {
            let sigma: Double; let r_squared: Double; let f_p_value: Double; let dropped_rows: Int
            let coefficients: [Row]; let covariance: [[Double]]
        }
        let decoded = try JSONDecoder().decode(Report.self, from: bytes)
        XCTAssertEqual(decoded.sigma, fit.sigma!)
        XCTAssertEqual(decoded.r_squared, fit.rSquared!)
        XCTAssertEqual(decoded.f_p_value, fit.fPValue!)
        XCTAssertEqual(decoded.dropped_rows, 2)
        for (row, coefficient) in zip(decoded.coefficients, fit.coefficients) {
            XCTAssertEqual(row.estimate, coefficient.estimate)
            XCTAssertEqual(row.std_error, coefficient.standardError!)
            XCTAssertEqual(row.p, coefficient.p!)
            XCTAssertEqual(row.ci_low, coefficient.ciLow!)
        }
        XCTAssertEqual(decoded.covariance[0][1], fit.covariance![0, 1])
    }

    func testImpossibleInputIsRefusedWithAClearMessage() {
        XCTAssertThrowsError(try Fit(x: Matrix(rows: [[1], [2]]), y: [1, 2, 3], columnNames: ["x"], hasIntercept: false)) {
            XCTAssertEqual($0 as? FitError, .responseLength(rows: 2, responseCount: 3))
        }
        XCTAssertThrowsError(try Fit(x: Matrix(rows: [[1], [2]]), y: [1, 2], columnNames: ["x", "z"], hasIntercept: false)) {
            XCTAssertEqual($0 as? FitError, .columnNameCount(names: 2, columns: 1))
        }
        XCTAssertThrowsError(try Fit(x: Matrix(rows: [[1, 1], [1, .nan]]), y: [1, 2], columnNames: ["(Intercept)", "dose"], hasIntercept: true)) {
            XCTAssertEqual("\($0)", "design column 'dose' is not a finite number in row 2; drop or fix that observation")
        }
        XCTAssertThrowsError(try Fit(x: Matrix(rows: 0, columns: 1), y: [], columnNames: ["x"], hasIntercept: false)) {
            XCTAssertEqual($0 as? FitError, .noObservations)
        }
    }

    /// A model with no columns at all (y ~ 0) still fits: everything is residual.
    func testEmptyModel() throws {
        let fit = try Fit(x: Matrix(rows: 3, columns: 0), y: [1, 2, 2], columnNames: [], hasIntercept: false)
        XCTAssertEqual(fit.rank, 0)
        XCTAssertEqual(fit.dfResidual, 3)
        XCTAssertEqual(fit.sigmaSquared!, 3, accuracy: 1e-15)
        XCTAssertNil(fit.fStatistic)
        assertReportIsFinite(fit)
    }

    /// JSONEncoder refuses NaN and ±∞, so encoding and parsing back proves none slipped through.
    private func assertReportIsFinite(_ fit: Fit, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: fit.report.jsonData()), file: file, line: line)
    }
}
