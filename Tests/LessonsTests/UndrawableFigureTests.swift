import Plot
import XCTest
@testable import Lessons

/// Figures whose coordinates cannot be drawn are refused at the figure, with its
/// line and column and a fix, before any file is written; they were rendered as
/// empty plots with exit 0.
final class UndrawableFigureTests: XCTestCase {
    private func refusal(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) throws -> LessonError? {
        let lesson = try PreparedLesson(InlineSpec.parse(yaml))
        for figure in lesson.spec.figures {
            do {
                _ = try FigureFactory.make(figure, model: lesson.model(for: figure))
            } catch let error as LessonError {
                return error
            }
        }
        XCTFail("expected a figure to be refused", file: file, line: line)
        return nil
    }

    /// The mean β̂₀ + β̂₁x at x = 10³⁰⁸ is 3.57·10³⁰⁸ for Toluca: infinite.
    func testProbabilityModelAtTenToThe308IsRefused() throws {
        let error = try refusal("""
            title: At
            data:
              builtin: toluca
            models:
              hours:
                formula: work_hours ~ lot_size
            figures:
              prob:
                kind: probability-model
                model: hours
                options:
                  at: [1e308]
            """)
        XCTAssertEqual(error?.category, .badSpec)
        XCTAssertEqual(error?.line, 8)
        XCTAssertEqual(error?.column, 3)
        XCTAssertEqual(error?.message, "figure 'prob': cannot be drawn: one of the y coordinates is infinite: a value it was computed from overflows a double (magnitude above 1.8e308)")
        XCTAssertEqual(error?.suggestion, "rescale the data so the y values are moderate numbers (measure in other units, e.g. thousands or millionths, or subtract a constant such as the mean), and choose 'at' positions within the range of the data")
    }

    /// Data near 10³⁰⁸ are drawable, and all four densities are drawn: their default
    /// places were computed as (high − low)·k/5, which overflowed for k = 3 and 4 and
    /// left those densities out of the plot without a word.
    func testProbabilityModelOfDataNearTheLargestDoubleIsDrawnWhole() throws {
        let lesson = try PreparedLesson(InlineSpec.parse("""
            title: Far
            data:
              columns:
                x: [1e308, 1.1e308, 1.2e308, 1.4e308, 1.7e308]
                y: [1, 3, 2, 5, 4]
            models:
              m:
                formula: y ~ x
            figures:
              prob:
                kind: probability-model
                model: m
            """))
        let figure = lesson.spec.figures[0]
        let chart = try XCTUnwrap(FigureFactory.make(figure, model: lesson.model(for: figure)) as? Chart)
        // Diamonds drawn at the densities' means (the legend's entry has no points).
        let diamonds = chart.marks.filter { if case .points(let points, .diamond) = $0.geometry { return !points.isEmpty } else { return false } }
        XCTAssertEqual(diamonds.count, 4)
        XCTAssertFalse(try chart.pngData().isEmpty)
    }

    /// x values a few ulps apart: no axis can tell them apart.
    func testScatterOfIndistinguishableValuesIsRefused() throws {
        let error = try refusal("""
            title: Narrow
            data:
              columns:
                x: [1, 1.0000000000000002, 1.0000000000000004, 1.0000000000000007, 1.000000000000001]
                y: [1, 3, 2, 5, 4]
            models:
              m:
                formula: y ~ x
            figures:
              sc:
                kind: scatter-fit
                model: m
            """)
        XCTAssertEqual(error?.line, 10)
        XCTAssertTrue(error?.message.hasPrefix("figure 'sc': cannot be drawn: the x values span only 1.11e-15 around 1") ?? false,
                      error?.message ?? "")
    }

    /// Values up to 1.7e308 spread over −1.7e308…1.7e308: the axis itself overflows.
    func testRegressionPlaneBeyondTheLargestDoubleIsRefused() throws {
        let error = try refusal("""
            title: Wide
            data:
              columns:
                a: [-1.7e308, 1.7e308, 0, 1e307, -1e307, 5e307]
                b: [1, 2, 3, 4, 5, 7]
                y: [1, 3, 2, 5, 4, 6]
            models:
              m:
                formula: y ~ a + b
            figures:
              plane:
                kind: regression-plane
                model: m
            """)
        XCTAssertEqual(error?.line, 11)
        XCTAssertTrue(error?.message.contains("beyond the largest number a double holds") ?? false, error?.message ?? "")
    }

    /// The bundled lessons are all drawable.
    func testBundledLessonsPass() throws {
        let catalogue = LessonCatalogue(workingDirectory: "/nonexistent")
        for name in ["simple-regression", "probability-model", "multiple-regression", "interpreting-parameters",
                     "categorical-predictors", "inference"] {
            let lesson = try PreparedLesson(catalogue.source(for: name).parse())
            for figure in lesson.spec.figures {
                XCTAssertNoThrow(try FigureFactory.make(figure, model: lesson.model(for: figure)), "\(name)/\(figure.id)")
            }
        }
    }
}
