import Foundation
import Plot
import XCTest
@testable import Lessons

/// `dummy-means` with 2 to 8 groups: what it draws must be the fit's numbers.
/// Each arrow's length in data units is that group's β̂ⱼ from the GLM fit,
/// the dashed reference line stands at β̂₀, and each group's mean bar stands
/// at the mean of that group's observations, computed here from the data
/// without the fit.
final class DummyMeansFigureTests: XCTestCase {
    let catalogue = LessonCatalogue(workingDirectory: "/nonexistent")

    /// The chart of `figure` in `spec`, with the model it was fitted from.
    func chart(_ spec: LessonSpec, _ figure: String) throws -> (Chart, FittedModel) {
        let lesson = try PreparedLesson(spec)
        let figureSpec = try XCTUnwrap(spec.figures.first { $0.id == figure })
        let model = lesson.model(for: figureSpec)
        let chart = try XCTUnwrap(try FigureFactory.make(figureSpec, model: model) as? Chart)
        return (chart, model)
    }

    struct Drawn {
        var arrows: [(x: Double, from: Double, to: Double)] = []
        var referenceLines: [Double] = []
        /// Mean bars by the group position at their centre.
        var bars: [Int: Double] = [:]
        var arrowLabels: [String] = []
    }

    /// The arrows, the horizontal rules and the group mean bars of `chart`.
    func drawn(_ chart: Chart) -> Drawn {
        var drawn = Drawn()
        for mark in chart.marks {
            switch mark.geometry {
            case .arrow(let from, let to):
                XCTAssertEqual(from.x, to.x, "an arrow is vertical")
                drawn.arrows.append((from.x, from.y, to.y))
            case .horizontalRule(let y):
                drawn.referenceLines.append(y)
            case .segments(let segments) where mark.label == "Group mean":
                for s in segments {
                    XCTAssertEqual(s.from.y, s.to.y, "a mean bar is horizontal")
                    drawn.bars[Int(((s.from.x + s.to.x) / 2).rounded())] = s.from.y
                }
            // An arrow's label; β̂₀ labels the reference line, not an arrow.
            case .text(let tex, _, _, _) where tex.contains("\\hat{\\beta}_{") && !tex.contains("\\hat{\\beta}_{0}"):
                drawn.arrowLabels.append(tex)
            default:
                break
            }
        }
        return drawn
    }

    /// The mean of `y` over the rows whose `group` is `level`, from the data.
    func dataMean(_ model: FittedModel, _ group: String, _ level: String) -> Double {
        let column = model.frame[group]!
        let response = model.frame[model.design.responseName]!.numericValues!
        let rows = (0..<response.count).filter { column.label(at: $0) == level }
        return rows.map { response[$0] }.reduce(0, +) / Double(rows.count)
    }

    func testBloodTypeArrowsAreTheFittedDifferencesFromGroupO() throws {
        let spec = try catalogue.source(for: "categorical-predictors").parse()
        let (chart, model) = try chart(spec, "means-blood-type")
        let drawn = drawn(chart)
        // lessons/categorical-predictors.yaml: O is the reference, then A, B, AB as listed.
        XCTAssertEqual(chart.x.tickLabels, ["O (reference)", "A", "B", "AB"])
        let b0 = try XCTUnwrap(model.estimate("(Intercept)"))
        XCTAssertEqual(drawn.referenceLines, [b0])
        XCTAssertEqual(b0, dataMean(model, "blood", "O"), accuracy: 1e-12)
        // The inline scores: O 8.6, 9.5; A 11.2, 12.0; B 9.4, 10.1; AB 13.3, 12.5.
        XCTAssertEqual(b0, 9.05, accuracy: 1e-12)
        XCTAssertEqual(drawn.arrows.count, 3)
        for (j, level) in ["A", "B", "AB"].enumerated() {
            let arrow = drawn.arrows[j]
            let estimate = try XCTUnwrap(model.estimate("blood" + level))
            XCTAssertEqual(arrow.from, b0, "\(level): the arrow starts on the reference line")
            XCTAssertEqual(arrow.to - arrow.from, estimate, accuracy: 1e-12, "\(level): the arrow is β̂\(j + 1) long")
            XCTAssertEqual(arrow.to, dataMean(model, "blood", level), accuracy: 1e-12, "\(level): it ends at the group mean")
            XCTAssertEqual(drawn.bars[j + 1]!, dataMean(model, "blood", level), accuracy: 1e-12)
            XCTAssertTrue(drawn.arrowLabels[j].contains("\\hat{\\beta}_{\(j + 1)} ="), drawn.arrowLabels[j])
        }
        XCTAssertEqual(drawn.bars[0]!, b0, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(model.estimate("bloodA")), 2.55, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(model.estimate("bloodB")), 0.7, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(model.estimate("bloodAB")), 3.85, accuracy: 1e-12)
        // The labels print the estimates as the coefficient table does.
        XCTAssertEqual(drawn.arrowLabels.map { $0.components(separatedBy: "$").dropLast().last! },
                       ["2.55", "0.7", "3.85"])
    }

    func testEightGroupsDrawSevenArrowsOfTheirFittedLengths() throws {
        let file = StressCorpusTests.corpus.appendingPathComponent("dummy-eight-long-levels.yaml")
        let spec = try LessonSpecParser.parse(yaml: String(contentsOf: file, encoding: .utf8), file: file.path,
                                              name: "dummy-eight-long-levels", baseDirectory: StressCorpusTests.corpus.path)
        let (chart, model) = try chart(spec, "dummy-eight-long-levels")
        let drawn = drawn(chart)
        let levels = try XCTUnwrap(model.design.levels["region"])
        XCTAssertEqual(levels.count, 8)
        XCTAssertEqual(levels.first, "Southern Highlands")
        let b0 = try XCTUnwrap(model.estimate("(Intercept)"))
        XCTAssertEqual(drawn.referenceLines, [b0])
        XCTAssertEqual(b0, dataMean(model, "region", "Southern Highlands"), accuracy: 1e-9)
        // The spec generates exact data: β̂₀ = −8.5, the reference mean.
        XCTAssertEqual(b0, -8.5, accuracy: 1e-9)
        XCTAssertEqual(drawn.arrows.count, 7)
        for (j, level) in levels.enumerated().dropFirst() {
            let arrow = drawn.arrows[j - 1]
            XCTAssertEqual(arrow.x, Double(j) + DummyMeansFigure.arrowOffset, "\(level) is drawn in place \(j)")
            XCTAssertEqual(arrow.to - arrow.from, try XCTUnwrap(model.estimate("region" + level)), accuracy: 1e-9, level)
            XCTAssertEqual(drawn.bars[j]!, dataMean(model, "region", level), accuracy: 1e-9, level)
        }
        XCTAssertEqual(try XCTUnwrap(model.estimate("regionSubarctic Peninsula")), -15.2, accuracy: 1e-9)
        // Seven labels do not fit between the groups of a 700-pixel figure: they
        // form a row under the data, each in its own group's column.
        let labels = chart.marks.compactMap { mark -> (String, Point)? in
            if case .text(let tex, let at, _, _) = mark.geometry, tex.contains("\\hat{\\beta}_{"), !tex.contains("\\hat{\\beta}_{0}") {
                return (tex, at)
            }
            return nil
        }
        XCTAssertEqual(labels.map(\.1.x), (1...7).map(Double.init))
        XCTAssertEqual(Set(labels.map(\.1.y)), [model.design.y.min()!])
        for (j, label) in labels.enumerated() {
            let value = ScatterFitFigure.label(try XCTUnwrap(model.estimate("region" + levels[j + 1])))
            XCTAssertEqual(label.0, "$\\hat{\\beta}_{\(j + 1)} =$\n$\(value)$")
        }
    }

    func testTwoGroupsKeepTheDummyCodeAndTheFittedLine() throws {
        let spec = try catalogue.source(for: "interpreting-parameters").parse()
        let (chart, model) = try chart(spec, "reg-dummy")
        let drawn = drawn(chart)
        let b0 = try XCTUnwrap(model.estimate("(Intercept)")), b1 = try XCTUnwrap(model.estimate("grouppatient"))
        // lessons/interpreting-parameters.yaml generates exact data: β̂₁ = 7.94.
        XCTAssertEqual(b1, 7.94, accuracy: 1e-9)
        XCTAssertEqual(chart.x.tickLabels, ["0\ncontrol", "1\npatient"])
        XCTAssertEqual(drawn.arrows.count, 1)
        XCTAssertEqual(drawn.arrows[0].to - drawn.arrows[0].from, b1, accuracy: 1e-12)
        let line = chart.marks.compactMap { mark -> [Point]? in
            if case .polyline(let points) = mark.geometry, mark.label == "Fitted line" { return points }
            return nil
        }
        XCTAssertEqual(line, [[Point(0, b0), Point(1, b0 + b1)]])
        XCTAssertEqual(b0 + b1, dataMean(model, "group", "patient"), accuracy: 1e-9)
    }

    /// The figure of `figure` refused, from a spec given inline.
    func refusal(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) throws -> LessonError? {
        let lesson = try PreparedLesson(InlineSpec.parse(yaml))
        let figure = lesson.spec.figures[0]
        do {
            _ = try FigureFactory.make(figure, model: lesson.model(for: figure))
            XCTFail("expected the figure to be refused", file: file, line: line)
        } catch let error as LessonError {
            return error
        }
        return nil
    }

    func testNineGroupsAreRefusedAtTheFigure() throws {
        let error = try refusal("""
            title: Nine
            data:
              columns:
                g: [a, b, c, d, e, f, g, h, i, a, b, c, d, e, f, g, h, i]
                y: [1, 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5, 6, 7, 8, 9, 10]
            models:
              m: y ~ g
            figures:
              means:
                kind: dummy-means
            """)
        XCTAssertEqual(error?.category, .badSpec)
        XCTAssertEqual(error?.line, 9)
        XCTAssertEqual(error?.column, 3)
        XCTAssertEqual(error?.message, "figure 'means': dummy-means draws a model with one categorical predictor of 2 to 8 levels, like 'y ~ group'; 'g' has 9 levels in the rows used")
        XCTAssertEqual(error?.suggestion, "merge levels into at most 8 groups, or show every estimate with a 'coefficient-table' figure")
    }

    func testANumericPredictorIsRefusedWithTheKindThatDrawsIt() throws {
        let error = try refusal("""
            title: Numeric
            data:
              builtin: toluca
            models:
              hours: work_hours ~ lot_size
            figures:
              means:
                kind: dummy-means
            """)
        XCTAssertEqual(error?.line, 7)
        XCTAssertEqual(error?.column, 3)
        XCTAssertEqual(error?.message, "figure 'means': dummy-means draws a model with one categorical predictor of 2 to 8 levels, like 'y ~ group'; model 'hours' has the numeric predictor 'lot_size'")
        XCTAssertEqual(error?.suggestion, "draw a numeric predictor with a 'scatter-fit' figure, or fit one categorical predictor alone for this figure")
    }
}
