import Foundation
import Plot
import Support
import XCTest
@testable import Lessons

/// The probability-model figure of the Toluca fit (Kutner et al., Table 1.1:
/// b0 = 62.37, b1 = 3.5702, MSE ≈ 2384, so σ̂ ≈ 48.82): σ̂ marked where the
/// fit puts it, the observations drawn over everything that could hide them,
/// one residual from E(Y) to its observation, and an animation told in held steps.
final class ProbabilityModelFigureTests: XCTestCase {
    let catalogue = LessonCatalogue(workingDirectory: "/nonexistent")

    func lesson() throws -> (FigureSpec, FittedModel) {
        let lesson = try PreparedLesson(catalogue.source(for: "probability-model").parse())
        let figure = lesson.spec.figures[0]
        return (figure, lesson.model(for: figure))
    }

    func still() throws -> (Chart, FittedModel) {
        let (figure, model) = try lesson()
        return (try XCTUnwrap(try FigureFactory.make(figure, model: model) as? Chart), model)
    }

    func testSigmaIsMarkedOnTheFirstDensityAtTheFittedValue() throws {
        let (chart, model) = try still()
        let sigma = try XCTUnwrap(model.fit.sigma)
        XCTAssertEqual(sigma * sigma, 2384, accuracy: 1, "Kutner's MSE")
        let b0 = try XCTUnwrap(model.estimate("(Intercept)")), b1 = try XCTUnwrap(model.estimate("lot_size"))
        // lessons/probability-model.yaml: densities at 30, 60, 90, 120; the first is marked.
        let mean = b0 + b1 * 30
        let rules = chart.marks.compactMap { mark -> [Segment]? in
            if case .segments(let segments) = mark.geometry, segments.count == 4 { return segments }
            return nil
        }
        XCTAssertEqual(rules.count, 1)
        let heights = try XCTUnwrap(rules.first).map(\.from.y)
        for (height, k) in zip(heights, [-2.0, -1, 1, 2]) {
            XCTAssertEqual(height, mean + k * sigma, accuracy: 1e-9)
        }
        XCTAssertTrue(try XCTUnwrap(rules.first).allSatisfy { $0.from.x == 30 && $0.to.x > 30 })
        let texts = chart.marks.compactMap { mark -> String? in
            if case .text(let tex, _, _, _) = mark.geometry { return tex }
            return nil
        }
        XCTAssertTrue(texts.contains("$\\hat{\\sigma} = 48.82$"), "\(texts)")
        XCTAssertTrue(texts.contains("$2\\hat{\\sigma} = 97.65$"), "\(texts)")
    }

    func testObservationsAreDrawnOverTheMeansAndDensities() throws {
        let (chart, model) = try still()
        let observed = Set(zip(try XCTUnwrap(model.frame["lot_size"]?.numericValues), model.design.y).map { Point($0, $1) })
        var lastCovering = -1, observations: Int?
        for (index, mark) in chart.marks.enumerated() {
            switch mark.geometry {
            case .points(let points, .diamond) where !points.isEmpty: lastCovering = index
            case .polygon(let points) where !points.isEmpty && (mark.alpha ?? 1) > 0: lastCovering = index
            case .points(let points, .circle) where Set(points) == observed && (mark.alpha ?? 1) > 0: observations = index
            default: break
            }
        }
        let drawn = try XCTUnwrap(observations, "the observations are drawn")
        XCTAssertGreaterThan(drawn, lastCovering, "no E(Y) marker or density is drawn over an observation")
        XCTAssertEqual(observed.count, 25, "Toluca has 25 lots")
    }

    func testTheResidualRunsFromTheMeanToItsObservation() throws {
        let (chart, model) = try still()
        // Single vertical segments are the densities' stems and the residual,
        // the one that ends on an observation.
        let residuals = chart.marks.compactMap { mark -> Segment? in
            if case .segments(let segments) = mark.geometry, segments.count == 1,
               model.design.y.contains(segments[0].to.y) { return segments[0] }
            return nil
        }
        let segment = try XCTUnwrap(residuals.first)
        XCTAssertEqual(residuals.count, 1)
        let row = try XCTUnwrap(model.design.y.firstIndex(of: segment.to.y))
        XCTAssertEqual(segment.from.y, model.fit.fitted[row], accuracy: 1e-9)
        XCTAssertEqual(segment.to.y - segment.from.y, model.fit.residuals[row], accuracy: 1e-9)
        // The largest residual away from the marked density: lot size 90, 468 hours.
        XCTAssertEqual(segment.from.x, 90)
        XCTAssertEqual(segment.to.y, 468)
        XCTAssertTrue(chart.marks.contains { mark in
            if case .text("$\\hat{\\varepsilon}_i = 84.32$", _, _, _) = mark.geometry { return true }
            return false
        })
    }

    /// The lesson plays 120 frames of 0.08 s: each step is held long enough to
    /// read before the next begins.
    func testTheStoryHoldsEachStep() throws {
        let (figure, _) = try lesson()
        let timing = try XCTUnwrap(AnimationTiming(figure))
        XCTAssertEqual(timing.frameCount, 120)
        let seconds = Double(timing.frameDelay) / 100
        let stages = ProbabilityModelStory.stages(count: timing.frameCount, densities: 4, points: true)
        XCTAssertEqual(stages.first, ProbabilityModelStage(line: 0, densities: [0, 0, 0, 0], sigma: false, points: 0, residual: 0))
        XCTAssertEqual(stages.last, .complete(densities: 4))

        /// How long the first stage matching `condition` is shown unchanged.
        func held(_ condition: (ProbabilityModelStage) -> Bool) throws -> Double {
            let start = try XCTUnwrap(stages.firstIndex(where: condition))
            let end = stages[start...].firstIndex { $0 != stages[start] } ?? stages.count
            return Double(end - start) * seconds
        }
        XCTAssertGreaterThanOrEqual(try held { $0.line == 1 }, 0.6, "the finished line")
        XCTAssertGreaterThanOrEqual(try held { $0.densities == [1, 1, 1, 1] && $0.sigma }, 1.2, "σ̂'s marks")
        XCTAssertGreaterThanOrEqual(try held { $0.points == 1 }, 0.8, "the observations")
        XCTAssertEqual(timing.finalDelay, 400, "the complete figure, with the residual")
        // The steps come in the chapter's order.
        let firstDensity = try XCTUnwrap(stages.firstIndex { $0.densities[0] > 0 })
        let firstPoints = try XCTUnwrap(stages.firstIndex { $0.points > 0 })
        let firstResidual = try XCTUnwrap(stages.firstIndex { $0.residual > 0 })
        XCTAssertEqual(stages[firstDensity].line, 1)
        XCTAssertTrue(stages[firstPoints].sigma)
        XCTAssertEqual(stages[firstResidual].points, 1)
    }
}
