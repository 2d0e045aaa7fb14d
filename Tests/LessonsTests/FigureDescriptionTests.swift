import Foundation
import Plot
import Support
import XCTest
@testable import Lessons

/// The generated description of every figure: the MyST alt text and the SVG
/// `<desc>`. Toluca numbers: Kutner et al., Applied Linear Statistical
/// Models, Table 1.1 (data) and §2.1/Figure 2.2 (b0 = 62.37, b1 = 3.5702,
/// R² = 0.8215).
final class FigureDescriptionTests: XCTestCase {
    let catalogue = LessonCatalogue(workingDirectory: "/nonexistent")

    func testTolucaScatterFitAltStatesTheFitAsGLMComputesIt() throws {
        let lesson = try PreparedLesson(catalogue.source(for: "simple-regression").parse())
        let figure = try XCTUnwrap(lesson.spec.figures.first { $0.id == "simple-reg" })
        let model = lesson.model(for: figure)
        let alt = try figure.altText(model: model)
        let b0 = try XCTUnwrap(model.estimate("(Intercept)")), b1 = try XCTUnwrap(model.estimate("lot_size"))
        let r2 = try XCTUnwrap(model.fit.rSquared)
        XCTAssertEqual(b0, 62.37, accuracy: 0.005)
        XCTAssertEqual(b1, 3.5702, accuracy: 0.00005)
        XCTAssertEqual(r2, 0.8215, accuracy: 0.00005)
        XCTAssertTrue(alt.contains("ŷ = 62.37 + 3.57x rises"), alt)
        XCTAssertTrue(alt.contains("R² = 0.822"), alt)
        XCTAssertTrue(alt.hasPrefix("Scatterplot of Work hours against Lot size (units) for 25 observations"), alt)
        XCTAssertTrue(alt.contains("residuals drawn as vertical segments"), alt)
        let drawings = try lesson.drawings().map(\.drawing)
        let snippet = try XCTUnwrap(LessonExports.files(for: lesson, drawings: drawings, formats: [.png]).first { $0.0 == "simple-reg.myst.md" })
        XCTAssertTrue(String(decoding: snippet.1, as: UTF8.self).contains(":alt: \"\(alt)\""))
    }

    /// A falling line says so, with the minus the figure prints.
    func testAFallingLineIsDescribedAsFalling() throws {
        let lesson = try PreparedLesson(catalogue.source(for: "interpreting-parameters").parse())
        let figure = try XCTUnwrap(lesson.spec.figures.first { $0.kind == .scatterFit })
        let model = lesson.model(for: figure)
        let slope = try XCTUnwrap(model.estimate(model.predictorColumns[0]))
        XCTAssertLessThan(slope, 0)
        let alt = try figure.altText(model: model)
        XCTAssertTrue(alt.contains("− \(NumberFormat.label(-slope).text(.unicode))x falls"), alt)
    }

    func testEveryBundledFigureHasADescriptionThatIsNotItsCaption() throws {
        var seen = 0
        for name in catalogue.names {
            let lesson = try PreparedLesson(catalogue.source(for: name).parse())
            for figure in lesson.spec.figures {
                let alt = try figure.altText(model: lesson.model(for: figure))
                XCTAssertGreaterThan(alt.count, 40, "\(name)/\(figure.id): \(alt)")
                XCTAssertNotEqual(alt, figure.caption, "\(name)/\(figure.id)")
                XCTAssertFalse(alt.contains(figure.accessibilityTitle), "\(name)/\(figure.id) repeats its caption")
                XCTAssertTrue(alt.hasSuffix("."), alt)
                seen += 1
            }
        }
        XCTAssertGreaterThanOrEqual(seen, 11)
    }

    /// Every SVG a lesson writes starts with its title (the caption's first
    /// sentence) and its description.
    func testRenderedSVGsCarryTitleAndDescFirst() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("glmviz-desc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let rendered = try LessonRenderer(outputRoot: root, formats: [.svg]).render(catalogue.source(for: "simple-regression"))
        let lesson = try PreparedLesson(catalogue.source(for: "simple-regression").parse())
        for figure in lesson.spec.figures {
            let svg = try String(contentsOf: rendered.directory.appendingPathComponent("\(figure.id).svg"), encoding: .utf8)
            let rootEnd = try XCTUnwrap(svg.range(of: "version=\"1.1\">\n"))
            let head = svg[rootEnd.upperBound...]
            let alt = try figure.altText(model: lesson.model(for: figure))
            XCTAssertTrue(head.hasPrefix("<title>\(XMLText.escaped(figure.accessibilityTitle))</title>\n<desc>\(XMLText.escaped(alt))</desc>\n"),
                          String(head.prefix(300)))
        }
        let title = try XCTUnwrap(lesson.spec.figures.first).accessibilityTitle
        XCTAssertEqual(title, "Work hours for 25 Toluca production runs against lot size.")
    }

    func testTheTitleIsTheFirstSentenceOrTheId() throws {
        let spec = try catalogue.source(for: "simple-regression").parse()
        var figure = try XCTUnwrap(spec.figures.first)
        figure.caption = nil
        XCTAssertEqual(figure.accessibilityTitle, "simple-reg")
        figure.caption = "Mean 3.5 per run? Yes. More"
        XCTAssertEqual(figure.accessibilityTitle, "Mean 3.5 per run?")
        figure.caption = "No full stop"
        XCTAssertEqual(figure.accessibilityTitle, "No full stop")
    }
}
