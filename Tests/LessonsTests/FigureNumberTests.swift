import XCTest
@testable import Lessons

/// Figures print σ̂ and β̂ for data at any scale through Support's
/// `NumberFormat`: four significant digits without trailing zeros, ×10ⁿ for
/// extreme magnitudes, never "0" for a value that is not zero. A response near
/// 10²⁰ once made `glmviz lesson` trap (σ̂ went through `Int(_:)`), so that
/// lesson stays here.
final class FigureNumberTests: XCTestCase {
    func testLabelsDropTrailingZeros() {
        XCTAssertEqual(ScatterFitFigure.label(42), "42")
        XCTAssertEqual(ScatterFitFigure.label(0.8), "0.8")
        XCTAssertEqual(ScatterFitFigure.label(62.366), "62.37")
        XCTAssertEqual(ScatterFitFigure.label(-5.344), "-5.344")
        XCTAssertEqual(ScatterFitFigure.label(2_500_000), "2\\,500\\,000")
    }

    func testLabelsNeverRoundANonZeroValueToZero() {
        XCTAssertEqual(ScatterFitFigure.label(0.00012), "1.2 \\times 10^{-4}")
        // The shortest decimal that reads back as the smallest subnormal is 5e-324.
        XCTAssertEqual(ScatterFitFigure.label(4.9e-324), "5 \\times 10^{-324}")
        XCTAssertEqual(ScatterFitFigure.label(2.118e153), "2.118 \\times 10^{153}")
    }

    func testEquationTermsCarryTheSignAsTheOperator() {
        XCTAssertEqual(ScatterFitFigure.term(3.5), "+ 3.5")
        XCTAssertEqual(ScatterFitFigure.term(-5.344), "- 5.344")
        XCTAssertEqual(ScatterFitFigure.term(1.85), "+ 1.85")
    }

    /// Kutner's Toluca table: b₀ = 62.37 and b₁ = 3.5702 (SE 26.18 and 0.3470)
    /// line up on the point in their right-aligned columns: the shorter
    /// fraction is padded with figure spaces, a digit's width each.
    func testTheCoefficientTableLinesUpOnThePoint() throws {
        let lesson = try PreparedLesson(InlineSpec.parse("""
            title: Toluca
            data: {builtin: toluca}
            models:
              m: {formula: work_hours ~ lot_size}
            figures:
              t: {kind: coefficient-table}
            """))
        let table = try FigureFactory.make(lesson.spec.figures[0], model: lesson.models[0])
        let cells = try table.layout().textBoxes.filter { $0.role == .tableCell }
        let intercept = try XCTUnwrap(cells.first { $0.plainText.hasPrefix("62.37") })
        let slope = try XCTUnwrap(cells.first { $0.plainText == "3.5702" })
        XCTAssertEqual(intercept.plainText, "62.37\u{2007}\u{2007}")
        XCTAssertEqual(intercept.rect.maxX, slope.rect.maxX, accuracy: 0.5, "right-aligned in one column")
        // Both end four digit widths after the point, so the points line up;
        // 62.37 is one integer digit wider than 3.5702.
        XCTAssertGreaterThan(intercept.rect.width, slope.rect.width)
    }

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
        XCTAssertEqual(ScatterFitFigure.label(lesson.models[0].fit.sigma!), "2.118 \\times 10^{19}")
    }
}
