import Foundation
import XCTest
@testable import Lessons

/// The `anova-table` figure and its LaTeX export show R's numbers: warpbreaks'
/// `breaks ~ wool * tension`, whose tables R and car print as in
/// Tests/GLMTests/Fixtures/r-reference (scripts/r-reference/make-fixtures.R):
/// type I SS 450.67, 2034.26, 1002.78, residual 5745.11 on 48 df, F 3.7653,
/// 8.4980, 4.1891.
final class AnovaTableFigureTests: XCTestCase {
    static let spec = """
        title: ANOVA is the GLM
        data:
          columns:
            breaks: [26, 30, 54, 25, 70, 52, 51, 26, 67, 18, 21, 29, 17, 12, 18, 35, 30, 36, 36, 21, 24, 18, 10, 43, 28, 15, 26, 27, 14, 29, 19, 29, 31, 41, 20, 44, 42, 26, 19, 16, 39, 28, 21, 39, 29, 20, 21, 24, 17, 13, 15, 15, 16, 28]
            wool: [A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B]
            tension: [L, L, L, L, L, L, L, L, L, M, M, M, M, M, M, M, M, M, H, H, H, H, H, H, H, H, H, L, L, L, L, L, L, L, L, L, M, M, M, M, M, M, M, M, M, H, H, H, H, H, H, H, H, H]
        models:
          m:
            formula: breaks ~ wool * tension
        figures:
          sequential:
            kind: anova-table
            model: m
          type-two:
            kind: anova-table
            model: m
            options:
              type: 2
        """

    func testTableAndLaTeXShowRsNumbers() throws {
        let lesson = try PreparedLesson(InlineSpec.parse(Self.spec))
        let drawings = try lesson.drawings()
        for (figure, drawing) in drawings {
            XCTAssertFalse(try drawing.pngData().isEmpty, figure.id)
        }
        let files = try LessonExports.files(for: lesson, drawings: drawings.map(\.1), formats: lesson.spec.formats)
        let tex = String(decoding: try XCTUnwrap(files.first { $0.0 == "sequential.tex" }).1, as: UTF8.self)
        XCTAssertTrue(tex.contains("wool & 1 & $450.67$ & $450.67$ & $3.77$ & $0.058$ \\\\"), tex)
        XCTAssertTrue(tex.contains("tension & 2 & $2034.3\\phantom{0}$ & $1017.1\\phantom{0}$ & $8.50$ & $<0.001$ \\\\"), tex)
        XCTAssertTrue(tex.contains("wool:tension & 2 & $1002.8\\phantom{0}$ & $501.39$ & $4.19$ & $0.021$ \\\\"), tex)
        XCTAssertTrue(tex.contains("Residuals & 48 & $5745.1\\phantom{0}$ & $119.69$ &  &  \\\\"), tex)
        let model = lesson.models[0]
        let typeTwo = try model.design.anova(.typeII)
        XCTAssertEqual(typeTwo.rows[1].f!, 8.49804664835804, accuracy: 1e-9)
        let figure = lesson.spec.figures[0]
        let description = try AnovaTableFigure.describe(FigureContext(figure: figure, model: try lesson.model(for: figure)))
        XCTAssertTrue(description.contains("wool F = 3.77 on 1 and 48 df"), description)
    }
}
