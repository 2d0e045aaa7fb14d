import XCTest
@testable import GLM

/// t and F contrasts, checked against identities every GLM text states and against
/// NIST's certified Longley ANOVA F.
final class ContrastTests: XCTestCase {
    private static let longley: Fit = {
        let set = try! NISTReferenceSet.loadAll(from: FitFixtures.nist).first { $0.name == "Longley" }!
        return try! Fit(x: set.design, y: set.response, columnNames: set.columnNames, hasIntercept: true)
    }()

    func testUnitContrastReproducesTheCoefficientT() throws {
        let fit = Self.longley
        for j in 0..<fit.columnNames.count {
            var c = [Double](repeating: 0, count: fit.columnNames.count)
            c[j] = 1
            let test = try fit.contrast(c)
            XCTAssertEqual(test.estimate, fit.coefficients[j].estimate)
            XCTAssertEqual(test.t, fit.coefficients[j].t!, accuracy: 1e-12 * abs(test.t))
            XCTAssertEqual(test.p, fit.coefficients[j].p!, accuracy: 1e-12)
            XCTAssertEqual(test.degreesOfFreedom, 9)
        }
    }

    /// C selecting every slope tests the same hypothesis as the overall F; NIST
    /// certifies it as 330.285339234588 on 6 and 9 df.
    func testAllSlopesContrastIsTheOverallF() throws {
        let fit = Self.longley
        var rows: [[Double]] = []
        for j in 1..<7 {
            var row = [Double](repeating: 0, count: 7)
            row[j] = 1
            rows.append(row)
        }
        let test = try fit.contrast(Matrix(rows: rows))
        XCTAssertEqual(test.numeratorDegreesOfFreedom, 6)
        XCTAssertEqual(test.denominatorDegreesOfFreedom, 9)
        XCTAssertEqual(test.f, fit.fStatistic!, accuracy: 1e-8 * test.f)
        XCTAssertGreaterThan(LogRelativeError.of(test.f, certified: 330.285339234588), 8)
        XCTAssertEqual(test.p, fit.fPValue!, accuracy: 1e-15)
    }

    /// One contrast as a 1-row F equals t²; a repeated row adds no degrees of freedom.
    func testSingleRowFIsTSquaredAndRedundantRowsAreIgnored() throws {
        let fit = Self.longley
        let c: [Double] = [0, 1, -1, 0, 0, 0, 0]
        let t = try fit.contrast(c)
        let f = try fit.contrast(Matrix(rows: [c, c.map { 2 * $0 }]))
        XCTAssertEqual(f.numeratorDegreesOfFreedom, 1)
        XCTAssertEqual(f.f, t.t * t.t, accuracy: 1e-9 * f.f)
        XCTAssertEqual(f.p, t.p, accuracy: 1e-12)
    }

    /// With an intercept and every group's dummy, single dummies are not estimable but
    /// their differences are, and equal the treatment-coded estimates.
    func testDifferencesOfAliasedDummiesAreEstimable() throws {
        let groups = [0, 0, 0, 1, 1, 2, 2, 2]
        let y: [Double] = [4, 5, 7, 9, 8, 14, 12, 13]
        let ones = [Double](repeating: 1, count: groups.count)
        let dummy = { (g: Int) in groups.map { $0 == g ? 1.0 : 0.0 } }
        let overParametrized = try Fit(
            x: Matrix(columns: [ones, dummy(0), dummy(1), dummy(2)]), y: y,
            columnNames: ["(Intercept)", "gA", "gB", "gC"], hasIntercept: true)
        let treatment = try Fit(
            x: Matrix(columns: [ones, dummy(1), dummy(2)]), y: y,
            columnNames: ["(Intercept)", "gB", "gC"], hasIntercept: true)

        let difference = try overParametrized.contrast([0, -1, 0, 1])  // gC − gA
        XCTAssertEqual(difference.estimate, treatment.coefficients[2].estimate, accuracy: 1e-12)
        XCTAssertEqual(difference.standardError, treatment.coefficients[2].standardError!, accuracy: 1e-12)
        XCTAssertEqual(difference.estimate, 13 - 16.0 / 3, accuracy: 1e-12)

        XCTAssertThrowsError(try overParametrized.contrast([0, 1, 0, 0])) { error in
            XCTAssertEqual(error as? ContrastError, .notEstimable(row: 0))
            XCTAssertTrue("\(error)".contains("not estimable"))
        }
        let groupEffect = try overParametrized.contrast(Matrix(rows: [[0, -1, 1, 0], [0, -1, 0, 1]]))
        XCTAssertEqual(groupEffect.f, treatment.fStatistic!, accuracy: 1e-9 * groupEffect.f)
    }

    func testRefusals() throws {
        let fit = Self.longley
        XCTAssertThrowsError(try fit.contrast([1, 0])) { error in
            XCTAssertEqual(error as? ContrastError, .wrongLength(row: 0, expected: 7, got: 2, columns: fit.columnNames))
        }
        XCTAssertThrowsError(try fit.contrast([Double](repeating: 0, count: 7))) { error in
            XCTAssertEqual(error as? ContrastError, .zeroVariance)
        }
        let interpolation = try Fit(x: Matrix(rows: [[1, 1], [1, 2]]), y: [1, 3], columnNames: ["(Intercept)", "x"], hasIntercept: true)
        XCTAssertThrowsError(try interpolation.contrast([0, 1])) { error in
            XCTAssertEqual(error as? ContrastError, .noResidualDegreesOfFreedom)
        }
    }
}
