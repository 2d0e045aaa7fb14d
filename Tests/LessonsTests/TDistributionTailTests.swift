import GLM
import Plot
import Support
import XCTest
@testable import Lessons

/// What the t-distribution figure shades, states and reaches for, checked
/// against R's `pt` and `qt` (Rmath, through GLM's StudentTDistribution) and,
/// for df = 2, against the closed form P(T > t) = ½(1 − t/√(t² + 2)).
final class TDistributionTailTests: XCTestCase {
    /// Two groups of `n/2` with σ̂ = 1 and β̂₁ = `difference` exactly, so
    /// t = difference / √(2/(n/2)) and df = n − 2.
    func chart(difference: Double, n: Int = 4, options: String = "") throws -> (Chart, TTestPicture) {
        let spec = try InlineSpec.parse("""
            title: Tails
            data:
              generate:
                n: \(n)
                seed: 29
                sigma: 1
                exact: true
                response: score
                predictors:
                  group: {levels: {control: \(n / 2), treated: \(n - n / 2)}, reference: control}
                beta: {(Intercept): 10, grouptreated: \(difference)}
            models:
              m: score ~ group
            figures:
              t:
                kind: t-distribution
                options: {term: grouptreated\(options.isEmpty ? "" : ", " + options)}
            """)
        let lesson = try PreparedLesson(spec)
        let figure = spec.figures[0]
        let context = FigureContext(figure: figure, model: try lesson.model(for: figure))
        let chart = try XCTUnwrap(try TDistributionFigure.make(context) as? Chart)
        return (chart, try TDistributionFigure.picture(context).picture)
    }

    /// The shaded p areas as drawn: each polygon's area by the shoelace formula,
    /// left to right.
    func shadedAreas(_ chart: Chart) -> [Double] {
        chart.marks.compactMap { mark -> Double? in
            guard case .polygon(let ps) = mark.geometry, mark.label != "Rejection region",
                  mark.color == chart.theme.palette[1] else { return nil }
            let twice = zip(ps, ps.dropFirst() + ps.prefix(1)).map { $0.x * $1.y - $1.x * $0.y }.reduce(0, +)
            return abs(twice) / 2
        }
    }

    func texts(_ chart: Chart) -> [String] {
        chart.marks.compactMap { mark in
            if case .text(let tex, _, _, _) = mark.geometry { return tex }
            return nil
        }
    }

    /// df = 2, t = 2.5: R's `pt(-2.5, 2)` = 0.06480586 = ½(1 − 2.5/√8.25). The
    /// area drawn in each tail plus the part the figure states lies beyond the
    /// axis is p/2; at least nine tenths of it is drawn.
    func testTheShadedTailAndWhatIsStatedBeyondItMakeHalfThePValue() throws {
        let (chart, picture) = try chart(difference: 2.5)
        XCTAssertEqual(picture.t, 2.5, accuracy: 1e-12)
        XCTAssertEqual(picture.degreesOfFreedom, 2)
        let half = StudentTDistribution(degreesOfFreedom: 2).cdf(-2.5)
        XCTAssertEqual(half, 0.06480586011, accuracy: 1e-11, "pt(-2.5, 2)")
        XCTAssertEqual(half, 0.5 * (1 - 2.5 / 8.25.squareRoot()), accuracy: 1e-15)
        XCTAssertEqual(picture.p, 2 * half, accuracy: 1e-15)

        let drawn = shadedAreas(chart)
        XCTAssertEqual(drawn.count, 2)
        for (area, shade) in zip(drawn, picture.shades) {
            // The polygon's trapezoids over 400 steps of the axis: within 1e-4 of the integral.
            XCTAssertEqual(area, picture.drawnArea(shade), accuracy: 1e-4)
            XCTAssertEqual(area + shade.beyondAxis, half, accuracy: 1e-4)
            XCTAssertEqual(picture.drawnArea(shade) + shade.beyondAxis, half, accuracy: 1e-14)
            XCTAssertGreaterThanOrEqual(area / half, 0.9, "nine tenths of the labelled tail is drawn")
        }
        // What the figure says: p/2 over each tail, the rest beyond each end, p in the annotation.
        let beyond = NumberFormat.pValue(picture.shades[1].beyondAxis, style: .texMath)
        XCTAssertEqual(beyond, "0.006")
        XCTAssertEqual(texts(chart).filter { $0 == "$p/2 = 0.065$" }.count, 2)
        XCTAssertTrue(texts(chart).contains("$0.006$ beyond $\\rightarrow$"))
        XCTAssertTrue(texts(chart).contains("$\\leftarrow$ $0.006$ beyond"))
        XCTAssertEqual(chart.annotations[0].lines[2], "two-sided $\(NumberFormat.pClause(2 * half, style: .texMath))$")
        XCTAssertEqual(chart.annotations[0].lines[2], "two-sided $p = 0.13$")
    }

    /// Before, the axis stopped at ±(|t| + 1) whatever df: with df = 2 and
    /// t = 5.2, ±6.2, hiding two thirds of the labelled tail.
    func testAFewDegreesOfFreedomWidenTheAxisUpToTheShapeLimit() throws {
        for (df, t) in [(1, 2.0), (2, 5.2), (3, 3.0), (5, 2.5), (18, 2.24)] {
            let picture = TTestPicture(t: t, degreesOfFreedom: df, tail: .twoSided, alpha: nil)
            let shade = picture.shades[1]
            let visible = picture.drawnArea(shade) / picture.labelledArea
            let limit = TTestPicture.shapeLimit(degreesOfFreedom: df)
            XCTAssertTrue(visible >= 0.9 - 1e-12 || picture.reach >= limit, "df \(df), t \(t): \(visible) drawn, reach \(picture.reach)")
            XCTAssertLessThanOrEqual(picture.reach, max(limit, t + 1) + 1e-12)
            if df == 2 { XCTAssertGreaterThan(picture.reach, 6.2 + 3) }
        }
        // 15 × the upper quartile: qt(0.75, 1) = 1, qt(0.75, 2) = 0.8164966 (R).
        XCTAssertEqual(TTestPicture.shapeLimit(degreesOfFreedom: 1), 15, accuracy: 1e-9)
        XCTAssertEqual(TTestPicture.shapeLimit(degreesOfFreedom: 2), 15 * 0.8164966, accuracy: 1e-6)
    }

    /// t = 30 with df = 2: the axis keeps the curve's shape (it ends at the
    /// shape limit, not at 31) and the observed t is an arrow at its end that
    /// says 30.00.
    func testATBeyondTheAxisIsAnArrowAtItsEnd() throws {
        let (chart, picture) = try chart(difference: 30)
        XCTAssertEqual(picture.t, 30, accuracy: 1e-9)
        let domain = try XCTUnwrap(chart.x.domain)
        XCTAssertEqual(domain.upperBound, TTestPicture.shapeLimit(degreesOfFreedom: 2), accuracy: 1e-9)
        XCTAssertFalse(picture.observedOnAxis)
        let arrows = chart.marks.compactMap { mark -> (Point, Point)? in
            if case .arrow(let a, let b) = mark.geometry { return (a, b) }
            return nil
        }
        XCTAssertEqual(arrows.count, 2, "t and −t")
        XCTAssertTrue(arrows.contains { $0.1.x == domain.upperBound && $0.0.x < $0.1.x })
        XCTAssertTrue(arrows.contains { $0.1.x == domain.lowerBound && $0.0.x > $0.1.x })
        XCTAssertTrue(texts(chart).contains("observed $t = 30.00$"))
        let rules = chart.marks.filter { if case .verticalRule = $0.geometry { return true } else { return false } }
        XCTAssertEqual(rules.count, 0)
        // p/2 = pt(-30, 2) = 0.0005547 (R), named at each end under its arrow.
        XCTAssertEqual(picture.p / 2, 0.5 * (1 - 30 / 902.0.squareRoot()), accuracy: 1e-15)
        XCTAssertEqual(texts(chart).filter { $0 == "$p/2 < 0.001$" }.count, 2)
        XCTAssertEqual(shadedAreas(chart), [])
    }

    /// `tail: upper`: p = `pt(t, df, lower.tail = FALSE)`, one shaded tail
    /// above t, and t_crit = `qt(0.95, 2)` = 2.919986 (R).
    func testAnUpperTailTestShadesOneTailAndUsesOneSidedQuantiles() throws {
        let (chart, picture) = try chart(difference: 2.5, options: "tail: upper, alpha: 0.05")
        let upper = StudentTDistribution(degreesOfFreedom: 2).survival(2.5)
        XCTAssertEqual(picture.p, upper, accuracy: 1e-15)
        XCTAssertEqual(picture.p, 0.06480586011, accuracy: 1e-11)
        XCTAssertEqual(try XCTUnwrap(picture.critical), 2.919986, accuracy: 5e-7)
        XCTAssertEqual(picture.criticalBounds.count, 1)
        let drawn = shadedAreas(chart)
        XCTAssertEqual(drawn.count, 1)
        XCTAssertEqual(drawn[0] + picture.shades[0].beyondAxis, upper, accuracy: 1e-4)
        XCTAssertEqual(chart.annotations[0].lines[2], "upper-tail $p = 0.065$")
        XCTAssertTrue(texts(chart).contains("$p = 0.065$"))
        XCTAssertFalse(texts(chart).contains("$-t$"), "a one-sided test has no −t")
        XCTAssertEqual(chart.annotations[0].lines[3], "$\\alpha = 0.05,\\ t_{\\mathrm{crit}} = 2.920$")
    }

    /// `tail: lower` with t on the other side: p = `pt(2.5, 2)` = 0.9351941 (R).
    func testALowerTailTestWithTheWrongSignGivesALargeP() throws {
        let (chart, picture) = try chart(difference: 2.5, options: "tail: lower")
        XCTAssertEqual(picture.p, 1 - 0.06480586011, accuracy: 1e-11)
        XCTAssertEqual(chart.annotations[0].lines[2], "lower-tail $p = 0.935$")
        let drawn = shadedAreas(chart)
        XCTAssertEqual(drawn.count, 1)
        XCTAssertEqual(drawn[0] + picture.shades[0].beyondAxis, picture.p, accuracy: 1e-4)
    }

    /// Whatever df, t and tail: what is drawn plus what is stated beyond the
    /// axis is the labelled area, and the axis never passes the shape limit by
    /// more than the room a value's label takes.
    func testDrawnAndBeyondAlwaysMakeTheLabelledArea() {
        for df in [1, 2, 3, 5, 10, 30, 500] {
            for t in [-40.0, -6, -2.5, -0.3, 0, 1, 2.5, 10, 30] {
                for tail in TTestPicture.Tail.allCases {
                    let picture = TTestPicture(t: t, degreesOfFreedom: df, tail: tail, alpha: 0.05)
                    for shade in picture.shades {
                        XCTAssertEqual(picture.drawnArea(shade) + shade.beyondAxis + shade.beyondOtherEnd, picture.labelledArea,
                                       accuracy: 1e-12,
                                       "df \(df), t \(t), \(tail)")
                    }
                    XCTAssertLessThanOrEqual(picture.reach, TTestPicture.shapeLimit(degreesOfFreedom: df) + 1 + 1e-12)
                }
            }
        }
    }
}
