import Foundation
import GLM
import Plot
import XCTest
@testable import Lessons

/// The `equation` kind: its options, its `\model{…}` placeholders against the
/// GLM fit of the chapter's small model (3 patients and 3 controls, the
/// `diagnosis` model of lessons/categorical-predictors.yaml), errors at the
/// spec's line and column, layout and determinism.
final class EquationFigureTests: XCTestCase {
    static func bundled(_ name: String) throws -> PreparedLesson {
        try PreparedLesson(LessonCatalogue(workingDirectory: "/nonexistent").source(for: name).parse())
    }

    private func make(_ lesson: PreparedLesson, _ id: String) throws -> DisplayEquations {
        let figure = try XCTUnwrap(lesson.spec.figures.first { $0.id == id })
        let drawing = try FigureFactory.make(figure, model: lesson.model(for: figure))
        return try XCTUnwrap(drawing as? DisplayEquations)
    }

    private func context(_ lesson: PreparedLesson, _ id: String) throws -> FigureContext {
        let figure = try XCTUnwrap(lesson.spec.figures.first { $0.id == id })
        return FigureContext(figure: figure, model: lesson.model(for: figure))
    }

    static func spec(equations: String, options: String = "") -> String {
        """
        title: Demo
        models:
          m:
            formula: score ~ diagnosis
            reference: {diagnosis: control}
            data:
              columns:
                diagnosis: [patient, patient, patient, control, control, control]
                score: [14.2, 12.9, 15.1, 9.8, 11.0, 10.3]
        figures:
          eq:
            kind: equation
            options:
        \(options)      equations:
        \(equations)
        """
    }

    /// The numbers of every `bmatrix` in `tex`, in order, and of a lone
    /// number in braces (σ̂²), read back from the figure's TeX.
    static func numbers(in tex: String) -> [Double] {
        var numbers: [Double] = []
        var rest = tex[...]
        while let open = rest.range(of: "{") {
            rest = rest[open.upperBound...]
            if rest.hasPrefix("bmatrix}"), let end = rest.range(of: "\\end{bmatrix}") {
                let body = rest[rest.index(rest.startIndex, offsetBy: 8)..<end.lowerBound]
                numbers += body.components(separatedBy: "\\\\").flatMap { $0.components(separatedBy: "&") }
                    .compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
                rest = rest[end.upperBound...]
            } else if let close = rest.range(of: "}"), rest[..<close.lowerBound].contains("."),
                      let value = Double(rest[..<close.lowerBound]) {
                numbers.append(value)
                rest = rest[close.upperBound...]
            }
        }
        return numbers
    }

    /// β̂, σ̂², (X′X)⁻¹ and Cov(β̂) shown by the bundled lesson are the GLM fit
    /// of categorical-predictors' `diagnosis` model, to the decimals printed;
    /// and that fit is the one worked by hand from the data: the intercept is
    /// the controls' mean, the slope the patients' mean minus it, σ̂² the
    /// pooled squared deviations over n − p = 4.
    func testDiagnosisNumbersAreTheFitOfTheChaptersModel() throws {
        let chapter = try Self.bundled("categorical-predictors")
        let diagnosis = chapter.model(for: try XCTUnwrap(chapter.spec.figures.first { $0.id == "design-diagnosis" }))
        let fit = diagnosis.fit
        let patients = [14.2, 12.9, 15.1], controls = [9.8, 11.0, 10.3]
        let mean = { (v: [Double]) in v.reduce(0, +) / Double(v.count) }
        XCTAssertEqual(fit.coefficients[0].estimate, mean(controls), accuracy: 1e-12)
        XCTAssertEqual(fit.coefficients[1].estimate, mean(patients) - mean(controls), accuracy: 1e-12)
        let sse = patients.map { pow($0 - mean(patients), 2) }.reduce(0, +) + controls.map { pow($0 - mean(controls), 2) }.reduce(0, +)
        XCTAssertEqual(try XCTUnwrap(fit.sigmaSquared), sse / 4, accuracy: 1e-12)

        let lesson = try Self.bundled("glm-equations")
        let shown = try make(lesson, "estimates-diagnosis")
        // Line 3, an align: β̂ = (X′X)⁻¹X′Y = [(X′X)⁻¹][X′Y] = [β̂], then
        // Cov(β̂) = σ̂²(X′X)⁻¹ = σ̂²[(X′X)⁻¹] = [Cov(β̂)].
        let shownNumbers = Self.numbers(in: shown.equations[2])
        XCTAssertEqual(shownNumbers.count, 4 + 2 + 2 + 1 + 4 + 4, "\(shown.equations[2])")
        let inverse = fit.unscaledCovariance
        let inverseEntries = [inverse[0, 0], inverse[0, 1], inverse[1, 0], inverse[1, 1]]
        for (printed, value) in zip(shownNumbers[0..<4], inverseEntries) { XCTAssertEqual(printed, value, accuracy: 0.5e-4) }
        XCTAssertEqual(shownNumbers[4], patients.reduce(0, +) + controls.reduce(0, +), accuracy: 0.5e-2)   // X′Y: Σy
        XCTAssertEqual(shownNumbers[5], patients.reduce(0, +), accuracy: 0.5e-2)                           // X′Y: Σ over patients
        XCTAssertEqual(shownNumbers[6], fit.coefficients[0].estimate, accuracy: 0.5e-4)
        XCTAssertEqual(shownNumbers[7], fit.coefficients[1].estimate, accuracy: 0.5e-4)
        XCTAssertEqual(shownNumbers[8], try XCTUnwrap(fit.sigmaSquared), accuracy: 0.5e-4)
        for (printed, value) in zip(shownNumbers[9..<13], inverseEntries) { XCTAssertEqual(printed, value, accuracy: 0.5e-4) }
        let covariance = try XCTUnwrap(fit.covariance)
        for (printed, value) in zip(shownNumbers[13...], [covariance[0, 0], covariance[0, 1], covariance[1, 0], covariance[1, 1]]) {
            XCTAssertEqual(printed, value, accuracy: 0.5e-4)
        }
        XCTAssertEqual(shownNumbers[13], 0.79333 / 3, accuracy: 0.5e-4, "σ̂²/3 worked by hand")
        // Line 1: Y as given and the design of three patients then three controls.
        XCTAssertEqual(Self.numbers(in: shown.equations[0]), patients + controls + [1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0])
        // The placeholder's numbers are the fit's, whichever lesson fits the model.
        let glmModel = lesson.model(for: try XCTUnwrap(lesson.spec.figures.first { $0.id == "estimates-diagnosis" }))
        XCTAssertEqual(glmModel.fit.coefficients.map(\.estimate), fit.coefficients.map(\.estimate))
    }

    /// Numbers follow the lesson's `notation: decimals: estimates`.
    func testNotationDecimalsSetThePrintedDecimals() throws {
        let yaml = "notation: {decimals: {estimates: 2}}\n"
            + Self.spec(equations: "        - \\hat\\beta = \\model{beta} = \\model{XtX-inverse}\\model{Xty}")
        let lesson = try PreparedLesson(InlineSpec.parse(yaml))
        let tex = try make(lesson, "eq").equations[0]
        XCTAssertTrue(tex.contains("\\begin{bmatrix}10.37 \\\\ 3.70\\end{bmatrix}"), tex)
        XCTAssertTrue(tex.contains("0.33 & \u{2212}0.33") || tex.contains("0.33 & -0.33"), tex)
    }

    func testUnknownPlaceholderIsRefusedAtItsColumnWithTheNearestName() throws {
        let yaml = Self.spec(equations: "        - \\hat\\beta = \\model{bta}")
        let lesson = try PreparedLesson(InlineSpec.parse(yaml))
        XCTAssertThrowsError(try make(lesson, "eq")) { error in
            guard let error = error as? LessonError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.line, 15)
            // "        - " is 10 columns; "\hat\beta = \model{" is 19 characters.
            XCTAssertEqual(error.column, 11 + 19)
            XCTAssertTrue(error.message.contains("unknown placeholder '\\model{bta}' — did you mean '\\model{beta}'?"), error.message)
            XCTAssertTrue(error.message.hasSuffix("\\hat\\beta = \\model{bta}\n                       ^^^"), error.message)
        }
    }

    /// A misspelt command inside a block scalar is reported at its own spec
    /// line and column, with the nearest command.
    func testBadTeXInABlockScalarIsRefusedAtItsSpecLine() throws {
        let yaml = Self.spec(equations: "        - |\n          y = 1\n          + \\fracc{a}{b}")
        let lesson = try PreparedLesson(InlineSpec.parse(yaml))
        XCTAssertThrowsError(try make(lesson, "eq")) { error in
            guard let error = error as? LessonError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.line, 17)
            XCTAssertEqual(error.column, 13)
            XCTAssertTrue(error.message.contains("figure 'eq', equation 1: unknown TeX command '\\fracc' — did you mean '\\frac'?"),
                          error.message)
        }
    }

    func testAFigureWithoutEquationsIsRefused() throws {
        let yaml = Self.spec(equations: "", options: "      align: left\n").replacingOccurrences(of: "      equations:\n", with: "")
        let lesson = try PreparedLesson(InlineSpec.parse(yaml))
        XCTAssertThrowsError(try make(lesson, "eq")) { error in
            XCTAssertTrue("\(error)".contains("an equation figure needs at least one equation"), "\(error)")
        }
    }

    /// `align: left` starts every equation at one x; `center` centres each.
    func testAlignment() throws {
        for align in ["left", "center"] {
            let yaml = Self.spec(equations: "        - y = x\n        - y = \\beta_0 + \\beta_1 x + \\epsilon",
                                 options: "      align: \(align)\n")
            let figure = try make(try PreparedLesson(InlineSpec.parse(yaml)), "eq")
            let boxes = try figure.layout().textBoxes.filter { $0.role == .equation }
            XCTAssertEqual(boxes.count, 2)
            if align == "left" {
                XCTAssertEqual(boxes[0].rect.minX, boxes[1].rect.minX, accuracy: 1e-9)
            } else {
                XCTAssertEqual(boxes[0].rect.midX, figure.size.width / 2, accuracy: 1e-9)
                XCTAssertEqual(boxes[1].rect.midX, figure.size.width / 2, accuracy: 1e-9)
            }
        }
    }

    /// Every figure of the bundled lesson: no layout violation, every
    /// equation inside the canvas, and the one too wide for 600 pixels set
    /// smaller (the layout report says so) rather than cut.
    func testBundledLessonLayout() throws {
        let lesson = try Self.bundled("glm-equations")
        XCTAssertGreaterThanOrEqual(lesson.spec.figures.count, 8)
        for figure in lesson.spec.figures {
            let drawing = try make(lesson, figure.id)
            let layout = try drawing.layout()
            XCTAssertEqual(layout.violations().map(\.description), [], figure.id)
            XCTAssertEqual(layout.textOutsideCanvas(tolerance: 0).count, 0, figure.id)
            XCTAssertEqual(drawing.size.width, 600, figure.id)
            for box in layout.textBoxes where box.role == .equation {
                XCTAssertGreaterThanOrEqual(box.rect.minX, 14 - 1e-9, figure.id)
                XCTAssertLessThanOrEqual(box.rect.maxX, 600 - 14 + 1e-9, figure.id)
            }
        }
        let prediction = try make(lesson, "prediction")
        XCTAssertTrue(prediction.isScaledDown)
        XCTAssertEqual(try prediction.layout().textBoxes.first { $0.role == .equation }?.item?.hasSuffix("to fit the width"), true)
        XCTAssertFalse(try make(lesson, "estimation").isScaledDown)
    }

    /// The same spec draws the same bytes, and the description gives the TeX
    /// and the numbers of each placeholder.
    func testDeterministicOutputAndDescription() throws {
        let lesson = try Self.bundled("glm-equations")
        let a = try make(lesson, "estimates-diagnosis"), b = try make(lesson, "estimates-diagnosis")
        XCTAssertEqual(try a.svgData(), try b.svgData())
        XCTAssertEqual(try a.pngData(scale: 2), try b.pngData(scale: 2))
        let text = try EquationFigure.describe(context(lesson, "estimates-diagnosis"))
        XCTAssertTrue(text.contains("\\model{beta} is the estimates β̂ of model 'diagnosis', the 2 × 1 matrix with rows (10.37), (3.7)"), text)
    }
}
