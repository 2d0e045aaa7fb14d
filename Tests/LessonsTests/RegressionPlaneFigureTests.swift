import Foundation
import GLM
import Plot
import Support
import XCTest
@testable import Lessons

/// The regression plane as the chapter uses it: a GIF the size of the still
/// that rocks and pauses, slopes read off the plane's edges, a model with a
/// third predictor held fixed, and the simple slopes beside the partial ones.
/// Expected numbers come from GLM's own least-squares fit of the same data.
final class RegressionPlaneFigureTests: XCTestCase {
    let catalogue = LessonCatalogue(workingDirectory: "/nonexistent")

    /// The bundled reg-plane figure and its fitted model.
    func bundled() throws -> (FigureSpec, FittedModel) {
        let lesson = try PreparedLesson(catalogue.source(for: "multiple-regression").parse())
        let figure = try XCTUnwrap(lesson.spec.figures.first { $0.id == "reg-plane" })
        return (figure, try lesson.model(for: figure))
    }

    /// A figure of an inline spec, with its model.
    func inline(_ yaml: String) throws -> (FigureSpec, FittedModel) {
        let lesson = try PreparedLesson(InlineSpec.parse(yaml))
        let figure = try XCTUnwrap(lesson.spec.figures.first)
        return (figure, try lesson.model(for: figure))
    }

    /// Least squares of `y` on an intercept and `columns`, by GLM.
    func glmFit(_ y: [Double], _ columns: [[Double]], names: [String]) throws -> [String: Double] {
        let fit = try Fit(x: Matrix(columns: [Array(repeating: 1, count: y.count)] + columns), y: y,
                          columnNames: ["(Intercept)"] + names, hasIntercept: true)
        return Dictionary(uniqueKeysWithValues: fit.coefficients.map { ($0.term, $0.estimate) })
    }

    /// "x slope: rise R over run U" → R / U, for each recorded slope triangle.
    func drawnSlopes(_ layout: FigureLayout) -> [String: Double] {
        var slopes: [String: Double] = [:]
        for obstacle in layout.obstacles {
            guard let item = obstacle.item, item.contains(" slope: rise ") else { continue }
            let words = item.split(separator: " ")
            guard let rise = Double(words[3]), let run = Double(words[6]) else { continue }
            slopes[String(words[0])] = rise / run
        }
        return slopes
    }

    func testGIFIsTheStillsSizeWithinTheBudgetAndStartsOnTheStill() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("glmviz-plane-\(getpid())")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try LessonRenderer(outputRoot: output).render(catalogue.source(for: "multiple-regression"))
        let bytes = try [UInt8](Data(contentsOf: output.appendingPathComponent("multiple-regression/reg-plane.gif")))
        let gif = try GIFDecoder().decode(bytes)
        // lessons/multiple-regression.yaml: width 600, height 500, 30 frames of 0.1 s.
        XCTAssertEqual(gif.width, 600)
        XCTAssertEqual(gif.height, 500)
        XCTAssertLessThan(bytes.count, 2_000_000)
        // 30 slots: 24 moving frames and a pause of 4 slots at each end, each
        // pause one frame shown for 0.4 s.
        XCTAssertEqual(gif.frames.count, 24)
        XCTAssertEqual(gif.delays.reduce(0, +), 300)
        XCTAssertEqual(gif.delays.filter { $0 == 40 }.count, 2)
        XCTAssertEqual(Set(gif.delays), [10, 40])
        XCTAssertEqual(gif.loopCount, 0)
        let (figure, model) = try bundled()
        let still = try FigureFactory.make(figure, model: model).rgba(scale: 1)
        let first = gif.images[0]
        XCTAssertEqual(first.width, still.width)
        let differing = zip(first.pixels, still.pixels).filter { abs(Int($0) - Int($1)) > 48 }.count
        XCTAssertLessThan(Double(differing) / Double(still.pixels.count), 0.01, "the first frame is the still")
    }

    func testTheCameraRocksThirtyFiveDegreesEachWayAndPausesAtTheEnds() throws {
        let positions = RegressionPlaneFigure.rockPositions(count: 30)
        XCTAssertEqual(positions.count, 30)
        XCTAssertEqual(positions[0], 0)
        XCTAssertEqual(positions.filter { abs($0 - 1) < 1e-12 }.count, 4, "three pause frames after reaching +1")
        XCTAssertEqual(positions.filter { abs($0 + 1) < 1e-12 }.count, 4, "and at −1")
        // Eased: the steps shrink towards each end.
        let steps = zip(positions.dropFirst(), positions).map { abs($0 - $1) }
        XCTAssertGreaterThan(steps[0], steps[5])
        // The lesson's azimuth of 45° allows the full ±35°; 30° keeps 10° clear
        // of looking along an axis.
        XCTAssertEqual(RegressionPlaneFigure.rockAmplitude(around: 45, asked: 35), 35)
        XCTAssertEqual(RegressionPlaneFigure.rockAmplitude(around: 30, asked: 35), 20)
        XCTAssertEqual(RegressionPlaneFigure.rockAmplitude(around: -55, asked: 35), 25)
        let (figure, model) = try bundled()
        let frames = try XCTUnwrap(FigureAnimation.make(figure, model: model)).frames
        let azimuths = frames.compactMap { ($0 as? Chart3D)?.camera.azimuth }
        XCTAssertEqual(azimuths.min()!, 10, accuracy: 1e-9)
        XCTAssertEqual(azimuths.max()!, 80, accuracy: 1e-9)
    }

    /// In every frame the tick labels of the vertical axis and of the floor
    /// axes never form one column or row, and nothing collides.
    func testEveryFrameKeepsEachAxissLabelsApart() throws {
        let (figure, model) = try bundled()
        let frames = try XCTUnwrap(FigureAnimation.make(figure, model: model)).frames
        for (index, frame) in frames.enumerated() {
            let layout = try frame.layout()
            XCTAssertEqual(layout.violations().map(\.description), [], "frame \(index)")
            let ticks = layout.textBoxes.filter { $0.role == .tickLabel }
            let column = ticks.filter { $0.item?.hasPrefix("z") ?? false }
            let floor = ticks.filter { !($0.item?.hasPrefix("z") ?? true) }
            XCTAssertGreaterThanOrEqual(column.count, 3, "frame \(index)")
            XCTAssertGreaterThanOrEqual(floor.count, 4, "frame \(index)")
            let line = column.map(\.rect.height).max() ?? 0
            for f in floor {
                for z in column {
                    let sharesX = f.rect.minX < z.rect.maxX && z.rect.minX < f.rect.maxX
                    let gap = max(f.rect.minY - z.rect.maxY, z.rect.minY - f.rect.maxY)
                    XCTAssertFalse(sharesX && gap < 2 * line, "frame \(index): '\(f.text)' sits in the column of '\(z.text)'")
                }
            }
        }
    }

    func testEachEdgesDrawnSlopeIsItsCoefficient() throws {
        let (figure, model) = try bundled()
        let layout = try FigureFactory.make(figure, model: model).layout()
        let x1 = model.frame["x1"]!.numericValues!, x2 = model.frame["x2"]!.numericValues!
        let expected = try glmFit(model.design.y, [x1, x2], names: ["x1", "x2"])
        let drawn = drawnSlopes(layout)
        XCTAssertEqual(try XCTUnwrap(drawn["x"]), try XCTUnwrap(expected["x1"]), accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(drawn["y"]), try XCTUnwrap(expected["x2"]), accuracy: 1e-9)
        // The lesson's generator makes the fit exact: β̂ = (5, 2, −1.5).
        XCTAssertEqual(expected["x1"]!, 2, accuracy: 1e-9)
        let rises = layout.textBoxes.filter { $0.item?.hasSuffix("slope rise") ?? false }.map(\.text)
        XCTAssertEqual(rises.count, 2, "\(rises)")
        XCTAssertTrue(rises.contains { $0.hasSuffix("= 2") }, "\(rises)")
        XCTAssertTrue(rises.contains { $0.hasSuffix("= −1.5") }, "\(rises)")
    }

    static let threePredictors = """
        title: Three
        models:
          m:
            formula: hours ~ lotsize + wage + age
            data:
              generate:
                n: 60
                seed: 31
                sigma: 20
                exact: true
                response: hours
                predictors:
                  lotsize: {distribution: uniform, min: 20, max: 120, decimals: 0}
                  wage: {distribution: uniform, min: 9, max: 25, decimals: 2}
                  age: {distribution: uniform, min: 19, max: 64, decimals: 0}
                beta: {(Intercept): 60, lotsize: 3.5, wage: -4, age: 1.2}
        figures:
          f:
            kind: regression-plane
            options:
              width: 600
              height: 500
              z-label: Hours
              simple-slopes: true
        """

    func testAThirdPredictorIsHeldAtItsMeanAndTheFigureSaysSo() throws {
        let (figure, model) = try inline(Self.threePredictors)
        let chart = try XCTUnwrap(try FigureFactory.make(figure, model: model) as? Chart3D)
        let layout = try chart.layout()
        XCTAssertEqual(layout.violations().map(\.description), [])
        let age = model.frame["age"]!.numericValues!
        let mean = age.reduce(0, +) / Double(age.count)
        let b = try glmFit(model.design.y, ["lotsize", "wage", "age"].map { model.frame[$0]!.numericValues! },
                           names: ["lotsize", "wage", "age"])
        guard case .plane(let intercept, let slopeX, let slopeY, _, _, _) = chart.marks[0].geometry else {
            return XCTFail("the first mark is the plane")
        }
        XCTAssertEqual(intercept, b["(Intercept)"]! + b["age"]! * mean, accuracy: 1e-9)
        XCTAssertEqual(slopeX, b["lotsize"]!, accuracy: 1e-9)
        XCTAssertEqual(slopeY, b["wage"]!, accuracy: 1e-9)
        let note = "held at its mean, " + NumberFormat.label(mean).text(.unicode)
        XCTAssertTrue(layout.textBoxes.contains { $0.text.contains(note) }, "no '\(note)' in \(layout.textBoxes.map(\.text))")
        XCTAssertTrue(layout.textBoxes.contains { $0.role == .axisTitle && $0.text == "Hours" })
    }

    func testHeldAtSetsTheOtherPredictorsValue() throws {
        let yaml = Self.threePredictors + "\n      held-at: [30]\n"
        let (figure, model) = try inline(yaml)
        let chart = try XCTUnwrap(try FigureFactory.make(figure, model: model) as? Chart3D)
        guard case .plane(let intercept, _, _, _, _, _) = chart.marks[0].geometry else { return XCTFail("no plane") }
        XCTAssertEqual(intercept, model.estimate("(Intercept)")! + model.estimate("age")! * 30, accuracy: 1e-9)
        XCTAssertTrue(try chart.layout().textBoxes.contains { $0.text.hasSuffix("(age) held at 30") })
    }

    func testHeldAtWithTheWrongCountIsRefusedAtTheFigure() throws {
        let (figure, model) = try inline(Self.threePredictors + "\n      held-at: [30, 12]\n")
        XCTAssertThrowsError(try FigureFactory.make(figure, model: model)) { error in
            let error = error as? LessonError
            XCTAssertEqual(error?.category, .badSpec)
            XCTAssertEqual(error?.line, 18)
            XCTAssertTrue(error?.message.contains("gives 2 values but model 'm' has 1 other predictor to hold (age)") ?? false,
                          error?.message ?? "")
        }
    }

    func testSimpleSlopesAreEachPredictorAloneAndDifferFromThePartialOnes() throws {
        let (figure, model) = try inline(Self.threePredictors)
        let chart = try XCTUnwrap(try FigureFactory.make(figure, model: model) as? Chart3D)
        let y = model.design.y
        for (axis, name) in [(0, "lotsize"), (1, "wage")] {
            let alone = try glmFit(y, [model.frame[name]!.numericValues!], names: [name])
            let line = try XCTUnwrap(chart.wallLines.first { $0.axis == axis })
            XCTAssertEqual(line.slope, alone[name]!, accuracy: 1e-9)
            XCTAssertEqual(line.intercept, alone["(Intercept)"]!, accuracy: 1e-9)
            XCTAssertNotEqual(line.slope, model.estimate(name)!, accuracy: 1e-3, "\(name): the simple slope is not the partial one")
        }
        let drawn = try chart.layout().obstacles.compactMap(\.item).filter { $0.hasPrefix("wall line") }
        XCTAssertEqual(drawn.count, 2, "\(drawn)")
    }
}
