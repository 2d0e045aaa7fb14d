import Foundation
import GLM
import Plot
import XCTest
@testable import Lessons

/// The `design-matrix` figure past 20 rows (SPM's design review), its
/// estimability row and contrasts, and `design-orthogonality`, on the stress
/// corpus's 40 × 8 design: four conditions listed rest, house, face, scrambled,
/// two sessions and two scanners that coincide (an aliased pair), head motion
/// and reaction time.
final class DesignReviewFigureTests: XCTestCase {
    private func lesson(_ name: String) throws -> PreparedLesson {
        let file = StressCorpusTests.corpus.appendingPathComponent("\(name).yaml")
        return try PreparedLesson(LessonSpecParser.parse(yaml: String(contentsOf: file, encoding: .utf8), file: file.path,
                                                         name: name, baseDirectory: StressCorpusTests.corpus.path))
    }

    private func image(_ lesson: PreparedLesson, _ id: String) throws -> MatrixImage {
        let figure = try XCTUnwrap(lesson.spec.figures.first { $0.id == id })
        return try XCTUnwrap(FigureFactory.make(figure, model: lesson.model(for: figure)) as? MatrixImage)
    }

    private func make(_ yaml: String) throws -> any Figure {
        let lesson = try PreparedLesson(InlineSpec.parse(yaml))
        let figure = lesson.spec.figures[0]
        return try FigureFactory.make(figure, model: lesson.model(for: figure))
    }

    /// Dummy columns follow the generator's listing (house before face), not R's
    /// alphabetical order.
    func testColumnsFollowTheListedLevelOrder() throws {
        let review = try lesson("design-spm-review")
        let model = review.model(for: review.spec.figures[0])
        XCTAssertEqual(model.design.columnNames, ["(Intercept)", "conditionhouse", "conditionface", "conditionscrambled",
                                                  "sessionsecond", "scannersouth", "motion", "rt"])
        XCTAssertEqual(model.design.x.rows, 40)
    }

    /// The estimability row is the fit's: session and scanner coincide, so their
    /// β are not uniquely determined and only those two squares are grey.
    func testEstimabilityRowIsTheFitsEstimability() throws {
        let review = try lesson("design-spm-review")
        let model = review.model(for: review.spec.figures[0])
        let flags = model.fit.coefficients.map(\.estimable)
        XCTAssertEqual(flags, [true, true, true, true, false, false, true, true])
        XCTAssertEqual(try image(review, "design-spm-review").estimable, flags)
    }

    /// Both ways of writing a contrast give the weights in design order.
    func testContrastsFromTheSpec() throws {
        let drawn = try image(lesson("design-spm-review"), "design-spm-review")
        XCTAssertEqual(drawn.contrasts, [
            .init(name: "face-vs-house", weights: [0, -1, 1, 0, 0, 0, 0, 0]),
            .init(name: "task-vs-rest", weights: [0, 1, 1, 1, 0, 0, 0, 0]),
        ])
    }

    /// Session and scanner coincide: their difference has no unique value, their
    /// sum does (it is the second half's shift, however it is split).
    func testContrastOnAliasedColumnsIsMarked() throws {
        let review = try lesson("design-spm-review")
        var figure = review.spec.figures[0]
        let start = SourceLocation(file: "demo.yaml", line: 1, column: 1)
        figure.options["contrasts"] = .contrasts([
            FigureContrast(name: "difference", weights: .expression("sessionsecond - scannersouth"), location: start, expressionColumnsExact: true),
            FigureContrast(name: "sum", weights: .expression("sessionsecond + scannersouth"), location: start, expressionColumnsExact: true),
        ])
        let drawn = try XCTUnwrap(FigureFactory.make(figure, model: review.model(for: figure)) as? MatrixImage)
        XCTAssertEqual(drawn.contrasts.map(\.name), ["difference (not estimable)", "sum"])
    }

    /// Past 20 rows: SPM's scaling, no numbers in cells, row labels 1, 5, …, 40,
    /// and no layout violation at the 600 px the spec asks for.
    func testReviewStyleLayout() throws {
        let drawn = try image(lesson("design-spm-review"), "design-spm-review")
        guard case .spm = drawn.scaling else { return XCTFail("expected SPM's scaling, found \(drawn.scaling)") }
        let layout = try drawn.layout()
        XCTAssertEqual(layout.violations(), [])
        XCTAssertEqual(layout.size.width, 600)
        XCTAssertEqual(layout.textBoxes.filter { $0.role == .cellNumber }.count, 0)
        let rowLabels = layout.textBoxes.filter { $0.role == .matrixLabel && Int($0.text) != nil }.map(\.text)
        XCTAssertEqual(rowLabels, ["1", "5", "10", "15", "20", "25", "30", "35", "40"])
        XCTAssertTrue(layout.textBoxes.contains { $0.role == .note && $0.text.hasPrefix("Grey levels as SPM shows a design") })
    }

    /// The orthogonality matrix against a direct computation of a′b / √(a′a · b′b)
    /// on the model's columns; the aliased session/scanner pair is exactly 1.
    func testOrthogonalityCosines() throws {
        let review = try lesson("design-spm-review")
        let drawn = try image(review, "orthogonality-spm-review")
        let x = review.model(for: review.spec.figures[1]).design.x
        for i in 0..<8 {
            for j in 0..<8 {
                let direct = Self.directCosine(x.column(i), x.column(j))
                XCTAssertEqual(drawn.values[i][j], direct, accuracy: 1e-12, "columns \(i), \(j)")
            }
        }
        XCTAssertEqual(drawn.values[4][5], 1, "sessionsecond and scannersouth are the same column")
        // House and face dummies are never 1 in the same row.
        XCTAssertEqual(drawn.values[1][2], 0)
        XCTAssertTrue(drawn.upperTriangle)
        let layout = try drawn.layout()
        XCTAssertEqual(layout.violations(), [])
        let aliased = layout.textBoxes.first { $0.role == .cellNumber && $0.item == "row 5, column 6" }
        XCTAssertEqual(aliased?.text, "1.00")
    }

    /// A small design whose every β is estimable looks as before: numbers, no
    /// estimability row, no notes.
    func testSmallEstimableDesignIsUnchanged() throws {
        let drawn = try XCTUnwrap(make("""
            title: Demo
            data:
              columns:
                diagnosis: [patient, patient, patient, control, control, control]
                score: [14.2, 12.9, 15.1, 9.8, 11.0, 10.3]
            models:
              m:
                formula: score ~ diagnosis
                reference: {diagnosis: control}
            figures:
              design:
                kind: design-matrix
            """) as? MatrixImage)
        XCTAssertNil(drawn.estimable)
        XCTAssertEqual(drawn.notes, [])
        guard case .perColumn = drawn.scaling else { return XCTFail("expected per-column scaling") }
        XCTAssertEqual(try drawn.layout().textBoxes.filter { $0.role == .cellNumber }.count, 12)
    }

    private let threeGroups = """
        title: Demo
        data:
          columns:
            g: [a, a, b, b, c, c]
            y: [2.1, 3.9, 6.2, 7.8, 9.9, 12.1]
        models:
          m: y ~ g
        figures:
          design:
            kind: design-matrix
            options:
              contrasts:
        """

    func testContrastOfTheWrongLengthPointsAtItsList() {
        XCTAssertThrowsError(try make(threeGroups + "\n        b-vs-c: [0, 1, -1, 0]")) { error in
            let error = error as? LessonError
            XCTAssertEqual(error?.line, 13)
            XCTAssertEqual(error?.column, 17)
            XCTAssertEqual(error?.message, "figure 'design': contrast 'b-vs-c' has 4 weights but the design of model 'm' has 3 columns")
            XCTAssertEqual(error?.suggestion, "give one weight per column, in order: (Intercept), gb, gc")
        }
    }

    func testUnknownColumnPointsInsideTheExpression() {
        XCTAssertThrowsError(try make(threeGroups + "\n        b-vs-c: 'gb - gd'")) { error in
            let error = error as? LessonError
            XCTAssertEqual(error?.line, 13)
            XCTAssertEqual(error?.column, 23, "the 'gd' inside the quotes")
            XCTAssertEqual(error?.message, "figure 'design': contrast 'b-vs-c': no design column named \"gd\"")
        }
    }

    func testAtMostTwelveContrasts() {
        let thirteen = (0..<13).map { "\n        c\($0): [0, 1, -1]" }.joined()
        XCTAssertThrowsError(try make(threeGroups + thirteen)) { error in
            let error = error as? LessonError
            XCTAssertEqual(error?.line, 25, "the thirteenth contrast")
            XCTAssertEqual(error?.message, "figure 'design': a design-matrix figure draws at most 12 contrasts above the matrix, and this one asks for 13")
        }
        XCTAssertNoThrow(try make(threeGroups + thirteen.components(separatedBy: "\n").dropLast().joined(separator: "\n")))
    }

    func testContrastsMustBeAMapping() {
        let error = InlineSpec.refusal(threeGroups + " [0, 1, -1]", file: #filePath, line: #line)
        XCTAssertEqual(error?.line, 12)
        XCTAssertEqual(error?.message, "expected option 'contrasts' (a mapping of keys to values), found a list")
    }

    /// |a′b| / √(a′a · b′b), written out as SPM's documentation defines it.
    static func directCosine(_ a: [Double], _ b: [Double]) -> Double {
        var ab = 0.0, aa = 0.0, bb = 0.0
        for (x, y) in zip(a, b) { ab += x * y; aa += x * x; bb += y * y }
        return abs(ab) / (aa * bb).squareRoot()
    }
}
