import XCTest
@testable import Lessons

/// Options are read through their declarations: a value the spec gives, or
/// the one default the declaration carries.
final class FigureOptionKeyTests: XCTestCase {
    func spec(_ options: String) throws -> FigureSpec {
        try XCTUnwrap(InlineSpec.parse("""
            title: Demo
            data:
              builtin: toluca
            models:
              hours: work_hours ~ lot_size
            figures:
              fig:
                kind: probability-model
                options: {\(options)}
            """).figures.first)
    }

    func testALeftOutOptionTakesItsDeclaredDefault() throws {
        let figure = try spec("")
        XCTAssertEqual(figure.value(ProbabilityModelFigure.densityWidth), 0.16)
        XCTAssertEqual(figure.value(ProbabilityModelFigure.points), true)
        XCTAssertNil(figure.value(ProbabilityModelFigure.at))
        XCTAssertNil(figure.value(CommonFigureOptions.width))
        XCTAssertEqual(AnimationTiming(figure), ProbabilityModelFigure.animation?.defaults)
    }

    func testAGivenOptionIsRead() throws {
        let figure = try spec("density-width: 0.3, points: false, at: [60, 100], width: 600, title: Hours")
        XCTAssertEqual(figure.value(ProbabilityModelFigure.densityWidth), 0.3)
        XCTAssertEqual(figure.value(ProbabilityModelFigure.points), false)
        XCTAssertEqual(figure.value(ProbabilityModelFigure.at), [60, 100])
        XCTAssertEqual(figure.value(CommonFigureOptions.width), 600)
        XCTAssertEqual(figure.value(CommonFigureOptions.title), "Hours")
    }

    func testDefaultsReadAsTheDocsShowThem() {
        XCTAssertEqual(FigureOptionKey<Double>.shown(-55), "−55")
        XCTAssertEqual(FigureOptionKey<Double>.shown(0.16), "0.16")
        XCTAssertEqual(FigureOptionKey<Double>.shown(22), "22")
    }
}
