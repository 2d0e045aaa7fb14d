import Plot
import XCTest
@testable import Lessons

/// Designs too wide for a readable figure: the design matrix is summarised with a
/// note, tables that would be cropped are refused at the figure with their size.
final class WideDesignFigureTests: XCTestCase {
    /// 320 rows of a factor with 300 levels: a 300-column design (intercept and 299
    /// dummies), y a fixed pattern.
    private func spec(_ figures: String) -> String {
        let levels = (0..<320).map { "g\(String(format: "%03d", $0 % 300 + 1))" }
        let y = (0..<320).map { "\($0 % 7)" }
        return """
            title: Wide
            data:
              columns:
                g: [\(levels.joined(separator: ", "))]
                y: [\(y.joined(separator: ", "))]
            models:
              m:
                formula: y ~ g
            figures:
            \(figures)
            """
    }

    private func make(_ yaml: String) throws -> any Figure {
        let lesson = try PreparedLesson(InlineSpec.parse(yaml))
        let figure = lesson.spec.figures[0]
        return try FigureFactory.make(figure, model: lesson.model(for: figure))
    }

    func testWideDesignMatrixIsSummarisedNotCropped() throws {
        let figure = try make(spec("""
              design:
                kind: design-matrix
                model: m
            """))
        let layout = try figure.layout()
        XCTAssertEqual(layout.textOutsideCanvas(), [])
        let texts = layout.textBoxes.map(\.text)
        XCTAssertTrue(texts.contains { $0.hasPrefix("300 columns, ") && $0.contains(" shown: the first ") }, "\(texts)")
        XCTAssertTrue(texts.contains("g: g300"), "the last dummy is labelled, its variable and level apart")
    }

    func testWideDummyCodingTableIsRefusedFromItsCounts() throws {
        XCTAssertThrowsError(try make(spec("""
              coding:
                kind: dummy-coding
                model: m
            """))) { error in
            let error = error as? LessonError
            XCTAssertEqual(error?.line, 10)
            XCTAssertEqual(error?.message, "figure 'coding': the table (299 dummy columns and 300 levels) needs at least 6000 × 4816 pixels and cannot be shown whole on a 4000 × 4000 canvas")
            XCTAssertEqual(error?.suggestion, "tabulate a predictor with fewer levels, or show the design with a 'design-matrix' figure, which summarises wide designs")
        }
    }

    /// A coefficient table narrower than its text was cropped at the right edge.
    func testTableWiderThanItsWidthOptionIsRefused() throws {
        let yaml = """
            title: Narrow table
            data:
              builtin: toluca
            models:
              hours:
                formula: work_hours ~ lot_size
            figures:
              table:
                kind: coefficient-table
                model: hours
                options:
                  width: 200
            """
        XCTAssertThrowsError(try make(yaml)) { error in
            let error = error as? LessonError
            XCTAssertEqual(error?.line, 8)
            XCTAssertTrue(error?.message.hasPrefix("figure 'table': the table (2 coefficients) needs ") ?? false, error?.message ?? "")
            XCTAssertTrue(error?.message.contains("and would be cropped to 200 × ") ?? false, error?.message ?? "")
            XCTAssertTrue(error?.suggestion?.hasPrefix("leave out 'width' and 'height'") ?? false)
        }
    }
}
