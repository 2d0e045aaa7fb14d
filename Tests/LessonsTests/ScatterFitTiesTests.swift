import GLM
import Plot
import XCTest
@testable import Lessons

/// The Toluca scatter (Kutner et al., Table 1.1; b₀ = 62.37, b₁ = 3.5702):
/// three runs at lot size 30 each show their own residual, the x ticks follow
/// the lot sizes' step of 10, and the legend names the observations first.
final class ScatterFitTiesTests: XCTestCase {
    func chart(width: Int = 600) throws -> (Chart, FittedModel) {
        let spec = try InlineSpec.parse("""
            title: Toluca
            data: {builtin: toluca}
            models:
              hours: work_hours ~ lot_size
            figures:
              simple-reg:
                kind: scatter-fit
                options: {residuals: true, width: \(width)}
            """)
        let lesson = try PreparedLesson(spec)
        let figure = spec.figures[0]
        let model = try lesson.model(for: figure)
        return (try XCTUnwrap(FigureFactory.make(figure, model: model) as? Chart), model)
    }

    func residualSegments(_ chart: Chart) -> [Segment] {
        chart.marks.flatMap { mark -> [Segment] in
            guard case .segments(let segments) = mark.geometry else { return [] }
            return segments
        }
    }

    func testEachOfTheThreeRunsAtLotSize30ShowsItsOwnResidual() throws {
        let (chart, model) = try chart()
        let b0 = try XCTUnwrap(model.estimate("(Intercept)")), b1 = try XCTUnwrap(model.estimate("lot_size"))
        XCTAssertEqual(b0, 62.366, accuracy: 0.001)
        XCTAssertEqual(b1, 3.5702, accuracy: 0.0001)
        let segments = residualSegments(chart)
        XCTAssertEqual(segments.count, 25)
        // Toluca's runs at lot size 30 took 121, 212 and 273 hours.
        let atThirty = segments.filter { abs($0.from.x - 30) < 1 }
        XCTAssertEqual(atThirty.map(\.from.y).sorted(), [121, 212, 273])
        let fitted = b0 + b1 * 30
        for segment in atThirty {
            XCTAssertEqual(segment.from.x, segment.to.x, "upright")
            XCTAssertEqual(segment.to.y, fitted, accuracy: 1e-9, "each ends on the line: ŷ = b₀ + 30·b₁")
        }
        // 212 and 273 lie above the line on the same x: set apart, one pixel at
        // least (the 600-pixel plot spans about 110 lot-size units over 480 pixels).
        let above = atThirty.filter { $0.from.y > fitted }.map(\.from.x)
        XCTAssertEqual(above.count, 2)
        XCTAssertGreaterThan(abs(above[0] - above[1]), 110.0 / 480 * 3)
        XCTAssertLessThan(abs(above[0] - above[1]), 110.0 / 480 * 6)
        XCTAssertEqual(Set(atThirty.map(\.from.x)).count, 3)
        // Every residual is y − ŷ of the fit, whatever its dodge.
        let y = model.design.y, fittedValues = model.fit.fitted
        for (segment, i) in zip(segments, y.indices) {
            XCTAssertEqual(segment.from.y - segment.to.y, y[i] - fittedValues[i], accuracy: 1e-9)
        }
    }

    func testTicksFollowTheLotSizesStepAndTheLegendStartsWithTheObservations() throws {
        let (chart, _) = try chart()
        XCTAssertEqual(chart.x.tickStep, 10)
        let layout = try chart.layout()
        // The x axis's labels are the row of tick labels lowest on the canvas.
        let tickLabels = layout.textBoxes.filter { $0.role == .tickLabel }
        let bottom = try XCTUnwrap(tickLabels.map(\.rect.minY).max())
        let xTicks = tickLabels.filter { abs($0.rect.minY - bottom) < 1 }.sorted { $0.rect.minX < $1.rect.minX }.map(\.plainText)
        XCTAssertEqual(xTicks, ["20", "40", "60", "80", "100", "120"])
        XCTAssertEqual(chart.marks.compactMap(\.label), ["Observed", "Fitted line", "Residual"])
        XCTAssertEqual(layout.violations(), [])
    }
}
