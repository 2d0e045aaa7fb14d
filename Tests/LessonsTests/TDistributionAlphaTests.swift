import XCTest
import Plot
@testable import Lessons

/// `alpha` on a t-distribution: the bounds of the two-sided test come from R's
/// `qt` (through GLM's StudentTDistribution), and the figure shades and marks them.
final class TDistributionAlphaTests: XCTestCase {
    /// R 4.3: `qt(0.975, 23)`, `qt(0.975, 18)`, `qt(0.995, 18)`, `qt(0.975, 2)`, `qt(0.995, 2)`.
    func testCriticalValuesAreRsQt() {
        let cases: [(alpha: Double, df: Int, qt: Double)] = [
            (0.05, 23, 2.068658), (0.05, 18, 2.100922), (0.01, 18, 2.878440), (0.05, 2, 4.302653), (0.01, 2, 9.924843),
        ]
        for c in cases {
            XCTAssertEqual(TDistributionFigure.criticalValue(alpha: c.alpha, degreesOfFreedom: c.df), c.qt, accuracy: 5e-7,
                           "qt(\(1 - c.alpha / 2), \(c.df))")
        }
    }

    func chart(_ options: String, n: Int = 20) throws -> Chart {
        let spec = try InlineSpec.parse("""
            title: Inference
            data:
              generate:
                n: \(n)
                seed: 11
                sigma: 4
                exact: true
                response: score
                predictors:
                  group: {levels: {control: \(n / 2), patient: \(n - n / 2)}, reference: control}
                beta: {(Intercept): 20, grouppatient: 4}
            models:
              groups: score ~ group
            figures:
              t:
                kind: t-distribution
                options: {\(options)}
            """)
        let lesson = try PreparedLesson(spec)
        let figure = spec.figures[0]
        return try XCTUnwrap(FigureFactory.make(figure, model: lesson.model(for: figure)) as? Chart)
    }

    /// Where the chart's upright stems stand.
    func stems(_ chart: Chart) -> [Double] {
        chart.marks.flatMap { mark -> [Double] in
            guard case .segments(let segments) = mark.geometry else { return [] }
            return segments.filter { $0.from.x == $0.to.x }.map(\.from.x)
        }
    }

    func testAlphaMarksBothBoundsAndSaysTheRule() throws {
        let plain = try chart("term: grouppatient")
        let tested = try chart("term: grouppatient, alpha: 0.05")
        let critical = 2.100922
        XCTAssertEqual(stems(plain), [])
        XCTAssertEqual(stems(tested).count, 2)
        XCTAssertTrue(stems(tested).contains { abs($0 - critical) < 1e-5 })
        XCTAssertTrue(stems(tested).contains { abs($0 + critical) < 1e-5 })
        XCTAssertEqual(tested.marks.count, plain.marks.count + 6, "two regions, two stems, two labels")
        XCTAssertEqual(tested.annotations[0].lines.last, "$\\alpha = 0.05,\\ t_{\\mathrm{crit}} = 2.101$")
    }

    func testAFarBoundIsAnArrowAtTheAxisEnd() throws {
        // n = 4: df = 2, and qt(0.9995, 2) = 31.6 lies far beyond the observed t:
        // reaching for it would squash the curve, so the axis stops at the shape
        // limit (or nearer) and each bound is an arrow at an end with its value.
        let tested = try chart("alpha: 0.001", n: 4)
        let domain = try XCTUnwrap(tested.x.domain)
        XCTAssertLessThanOrEqual(domain.upperBound, TTestPicture.shapeLimit(degreesOfFreedom: 2))
        let texts = tested.marks.compactMap { mark -> String? in
            if case .text(let tex, _, _, _) = mark.geometry { return tex }
            return nil
        }
        XCTAssertTrue(texts.contains("$t_{\\mathrm{crit}} = 31.599$"))
        XCTAssertTrue(texts.contains("$-t_{\\mathrm{crit}} = -31.599$"))
        XCTAssertEqual(stems(tested), [])
        XCTAssertTrue(tested.annotations[0].lines.last?.hasPrefix("$\\alpha = 0.001,") ?? false)
    }

    func testWithoutAlphaNothingIsAdded() throws {
        XCTAssertEqual(try chart("").marks.count, try chart("term: grouppatient").marks.count)
        XCTAssertEqual(try chart("").annotations[0].lines.count, 3)
    }
}
