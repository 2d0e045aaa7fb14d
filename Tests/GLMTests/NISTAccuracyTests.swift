import XCTest
@testable import GLM

/// The accuracy floor of issue 2 against NIST's certified values: on every one of the
/// 11 StRD linear sets, at least 9 correct digits in every β and 8 in every SE.
final class NISTAccuracyTests: XCTestCase {
    private static let sets: [NISTReferenceSet] = try! NISTReferenceSet.loadAll(from: FitFixtures.nist)

    func testAllElevenSetsAreRead() {
        XCTAssertEqual(Self.sets.map(\.name), NISTReferenceSet.names)
        let filip = Self.sets.first { $0.name == "Filip" }!
        XCTAssertEqual(filip.design.rows, 82)
        XCTAssertEqual(filip.design.columns, 11)
    }

    func testEverySetMeetsTheFloor() throws {
        for set in Self.sets {
            let score = try NISTAccuracy.measure(set)
            XCTAssertGreaterThanOrEqual(score.coefficients, 9, "\(set.name): min LRE of β")
            XCTAssertGreaterThanOrEqual(score.standardErrors, 8, "\(set.name): min LRE of SE")
            XCTAssertGreaterThanOrEqual(score.residualSD, 8, "\(set.name): LRE of residual SD")
            XCTAssertGreaterThanOrEqual(score.rSquared, 8, "\(set.name): LRE of R²")
        }
    }

    /// Filip is the set plain double precision fails (numpy's lstsq: −0.03 digits).
    func testFilipUsesTheExtendedPath() throws {
        let filip = Self.sets.first { $0.name == "Filip" }!
        let fit = try Fit(x: filip.design, y: filip.response, columnNames: filip.columnNames, hasIntercept: true)
        XCTAssertEqual(fit.rank, 11)
        XCTAssertEqual(fit.method, .extendedPrecisionQR)
        XCTAssertTrue(fit.coefficients.allSatisfy(\.estimable))
        XCTAssertTrue(fit.warnings.isEmpty, "\(fit.warnings)")
    }

    /// NIST certifies the ANOVA F; the overall F must agree (Longley: 330.285339234588).
    func testLongleyOverallF() throws {
        let longley = Self.sets.first { $0.name == "Longley" }!
        let fit = try Fit(x: longley.design, y: longley.response, columnNames: longley.columnNames, hasIntercept: true)
        XCTAssertEqual(fit.dfModel, 6)
        XCTAssertEqual(fit.dfResidual, 9)
        XCTAssertGreaterThan(LogRelativeError.of(fit.fStatistic!, certified: 330.285339234588), 9)
    }

    /// NoInt1: no intercept, so R² is uncentred (NIST 0.999365492298663) and the overall
    /// F tests the one slope (NIST 15750.2500000000 on 1 and 10 df).
    func testNoInterceptConventions() throws {
        let set = Self.sets.first { $0.name == "NoInt1" }!
        let fit = try Fit(x: set.design, y: set.response, columnNames: set.columnNames, hasIntercept: false)
        XCTAssertEqual(fit.dfModel, 1)
        XCTAssertGreaterThan(LogRelativeError.of(fit.rSquared!, certified: 0.999365492298663), 12)
        XCTAssertGreaterThan(LogRelativeError.of(fit.fStatistic!, certified: 15750.25), 12)
    }

    func testLogRelativeError() {
        XCTAssertEqual(LogRelativeError.of(1.0001, certified: 1), 4, accuracy: 1e-9)
        XCTAssertEqual(LogRelativeError.of(1e-7, certified: 0), 7, accuracy: 1e-9)
        XCTAssertEqual(LogRelativeError.of(2, certified: 2), 15)
        XCTAssertEqual(LogRelativeError.of(.nan, certified: 2), 0)
    }
}
