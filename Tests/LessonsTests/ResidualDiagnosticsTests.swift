import GLM
import Plot
import XCTest
@testable import Lessons

/// The residual-diagnostics figure on the Toluca data (Kutner et al., Table
/// 1.1): its residuals are Kutner's Table 1.2 and the fit's own, and its Q–Q
/// x values are R's `qqnorm(resid(lm(work_hours ~ lot_size)))$x`, written out
/// here from R's definition, qnorm(ppoints(25)) at each residual's rank, with
/// Rmath's `qnorm` (the C library R calls).
final class ResidualDiagnosticsTests: XCTestCase {
    /// Kutner et al., Table 1.2: the residuals eᵢ of the 25 runs, in run order.
    static let kutnerResiduals: [Double] = [
        51.02, -48.47, -19.88, -7.68, 48.72, -52.58, 55.21, 4.02, -66.39, -83.88, -45.17, -60.28, 5.32,
        -20.77, -20.09, 0.61, 42.53, 27.12, -6.68, -34.09, 103.53, 84.32, 38.83, -5.98, 10.72,
    ]
    /// qqnorm(resid(lm(work_hours ~ lot_size)))$x, in run order: qnorm((rank − ½)/25).
    static let qqnormX: [Double] = [
        1.08031934081496, -0.915365087842814, -0.305480788099397, -0.201893479141851, 0.915365087842814,
        -1.08031934081496, 1.2815515655446, 0.201893479141851, -1.55477359459685, -2.05374891063182,
        -0.772193214188685, -1.2815515655446, 0.305480788099397, -0.524400512708041, -0.412463129441405,
        0.10043372051147, 0.772193214188685, 0.524400512708041, -0.10043372051147, -0.643345405392917,
        2.05374891063182, 1.55477359459685, 0.643345405392917, 0, 0.412463129441405,
    ]

    func figure(_ options: String) throws -> (any Figure, FittedModel) {
        let spec = try InlineSpec.parse("""
            title: Toluca
            data: {builtin: toluca}
            models:
              hours: work_hours ~ lot_size
            figures:
              residuals:
                kind: residual-diagnostics
                options: {\(options)}
            """)
        let lesson = try PreparedLesson(spec)
        let figure = spec.figures[0]
        let model = try lesson.model(for: figure)
        return (try FigureFactory.make(figure, model: model), model)
    }

    func points(_ chart: Chart) throws -> [Point] {
        let found = chart.marks.compactMap { mark -> [Point]? in
            if case .points(let ps, _) = mark.geometry { return ps }
            return nil
        }
        XCTAssertEqual(found.count, 1)
        return try XCTUnwrap(found.first)
    }

    func testTheQQPanelPlotsTheResidualsAtRsQqnormPositions() throws {
        let (drawn, model) = try figure("panel: qq")
        let chart = try XCTUnwrap(drawn as? Chart)
        let ps = try points(chart)
        XCTAssertEqual(ps.count, 25)
        for (i, p) in ps.enumerated() {
            XCTAssertEqual(p.x, Self.qqnormX[i], accuracy: 1e-13, "run \(i + 1)")
            XCTAssertEqual(p.y, Self.kutnerResiduals[i], accuracy: 0.005, "run \(i + 1)")
            XCTAssertEqual(p.y, model.fit.residuals[i])
        }
        XCTAssertEqual(chart.annotations.first?.lines, ["$p_i = (i - 1/2)/n$"])
        // qqline: the quartiles of the residuals (type 7: −34.09 and 38.83, runs 20
        // and 23) against ±qnorm(0.75).
        let line = chart.marks.compactMap { mark -> (Double, Double)? in
            if case .line(let a, let b) = mark.geometry { return (a, b) }
            return nil
        }
        XCTAssertEqual(line.count, 1)
        let q = 0.674489750196082
        XCTAssertEqual(line[0].1, (model.fit.residuals[22] - model.fit.residuals[19]) / (2 * q), accuracy: 1e-12)
        XCTAssertEqual(line[0].0, model.fit.residuals[19] + line[0].1 * q, accuracy: 1e-12)
    }

    func testTheResidualPanelPlotsEachResidualAtItsFittedValueAboutZero() throws {
        let (drawn, model) = try figure("panel: residuals-fitted")
        let chart = try XCTUnwrap(drawn as? Chart)
        let ps = try points(chart)
        let x = try XCTUnwrap(model.frame["lot_size"]?.numericValues)
        let b0 = try XCTUnwrap(model.estimate("(Intercept)")), b1 = try XCTUnwrap(model.estimate("lot_size"))
        for (i, p) in ps.enumerated() {
            XCTAssertEqual(p.x, b0 + b1 * x[i], accuracy: 1e-9)
            XCTAssertEqual(p.y, Self.kutnerResiduals[i], accuracy: 0.005)
        }
        XCTAssertTrue(chart.marks.contains { if case .horizontalRule(0) = $0.geometry { return true } else { return false } })
    }

    func testBothPanelsSideBySideOrStackedAndLaidOutCleanly() throws {
        let (wide, _) = try figure("width: 760")
        let panels = try XCTUnwrap(wide as? Panels)
        XCTAssertEqual(panels.panels.count, 2)
        XCTAssertEqual(panels.arrangement, .sideBySide)
        XCTAssertEqual(try wide.layout().violations(), [])
        let (narrow, _) = try figure("width: 500")
        XCTAssertEqual(try XCTUnwrap(narrow as? Panels).arrangement, .stacked)
        XCTAssertEqual(narrow.size.height, 750)
        let layout = try narrow.layout()
        XCTAssertEqual(layout.violations(), [])
        // The second panel's text is recorded where it is drawn: below the first.
        let titles = layout.textBoxes.filter { $0.role == .title }.map(\.rect.minY)
        XCTAssertEqual(titles.count, 2)
        XCTAssertGreaterThan(titles[1], 375 - 1)
    }
}
