import XCTest
@testable import Lessons

/// Figures print σ̂ and β̂ for data at any scale: fixed decimals up to 10⁷, R's
/// exponent form beyond (R prints σ̂ = 2.118e+153 for the data of docs/errors.md's
/// "Data at extreme scales"). `fixed` trapped converting 10¹⁹ or more to an Int.
final class NumberTextTests: XCTestCase {
    func testOrdinaryEstimatesKeepFixedDecimals() {
        XCTAssertEqual(NumberText.estimate(62.366), "62.37")
        XCTAssertEqual(NumberText.estimate(3.5702), "3.570")
        XCTAssertEqual(NumberText.estimate(-5.344), "-5.344")
        XCTAssertEqual(NumberText.estimate(0.00123), "0.001230")
    }

    func testExtremeEstimatesUseTheExponentForm() {
        XCTAssertEqual(NumberText.estimate(2.118e153), "2.118e+153")
        XCTAssertEqual(NumberText.estimate(-5e-308), "-5.000e-308")
        XCTAssertEqual(NumberText.estimate(4.9e-324), "4.941e-324")
        XCTAssertEqual(NumberText.estimate(12_345_678), "1.235e+07")
        XCTAssertEqual(NumberText.estimate(9.9996e-5), "1.000e-04")
        XCTAssertEqual(NumberText.estimate(.greatestFiniteMagnitude), "1.798e+308")
    }

    func testFixedNeverTrapsOnLargeValues() {
        XCTAssertEqual(NumberText.fixed(1e20, 2), "1.000e+20")
        XCTAssertEqual(NumberText.fixed(.infinity, 0), "Inf")
        XCTAssertEqual(NumberText.fixed(1234.5, 1), "1234.5")
    }

    /// A response near 10²⁰ made `glmviz lesson` trap (σ̂ ≈ 10²⁰ went through
    /// `Int(_:)`); its figures now draw, σ̂ reading 2.118e+19 (0.2118 for the same data
    /// divided by 10²⁰, as for the 10¹⁵⁴ example in docs/errors.md).
    func testLessonWithAResponseNear1e20Draws() throws {
        let lesson = try PreparedLesson(InlineSpec.parse("""
            title: Big y
            data:
              columns:
                x: [1, 2, 3, 4, 5, 6]
                y: [2.1e20, 3.9e20, 6.2e20, 7.8e20, 9.8e20, 12.2e20]
            models:
              m:
                formula: y ~ x
            figures:
              sc:
                kind: scatter-fit
                model: m
              table:
                kind: coefficient-table
                model: m
            """))
        for (figure, drawing) in try lesson.drawings() {
            XCTAssertFalse(try drawing.pngData().isEmpty, figure.id)
        }
        XCTAssertEqual(NumberText.estimate(lesson.models[0].fit.sigma!), "2.118e+19")
    }
}
