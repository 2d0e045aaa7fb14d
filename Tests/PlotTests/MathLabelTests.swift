import Foundation
@testable import Plot
import XCTest

/// Inline math with two-dimensional constructs in labels: typeset by the
/// layout engine inside the Pango text, on the text's baseline.
final class MathLabelTests: XCTestCase {
    func testTwoDimensionalMathStandsInTheMarkupAsOneCharacter() throws {
        let markup = try TeX.markup("slope $\\frac{a+b}{c}$ here")
        XCTAssertTrue(markup.hasPrefix("slope ") && markup.hasSuffix(" here"), markup)
        let placeholder = markup.dropFirst(6).dropLast(5)
        XCTAssertEqual(placeholder.unicodeScalars.count, 1)
        XCTAssertNotNil(MathFragments.fragment(placeholder.unicodeScalars.first!))
        // The same label gives the same character (deterministic markup), and
        // a reader gets the flat form.
        XCTAssertEqual(try TeX.markup("slope $\\frac{a+b}{c}$ here"), markup)
        XCTAssertEqual(TextBox(text: markup, rect: Rect(x: 0, y: 0, width: 0, height: 0)).plainText, "slope (a + b)/c here")
        // Flat math stays markup.
        XCTAssertEqual(try TeX.markup("$x_i^2$"), "<i>x</i><sub><i>i</i></sub><sup>2</sup>")
    }

    /// The fraction's box (typeset in text style at the label's size) is what
    /// the text measures: taller than a line of the same text without it.
    func testAFractionMakesTheLabelTallerByItsBox() throws {
        let style = TextStyle(size: 20)
        let setter = try MathTypesetter()
        let box = try setter.typeset("\\frac{a+b}{c}", style: .text)
        let (flat, tall) = FontSystem.shared.withContext { context in
            (TextLayout(context: context, markup: "slope", style: style),
             TextLayout(context: context, markup: try! TeX.markup("slope $\\frac{a+b}{c}$"), style: style))
        }
        XCTAssertEqual(tall.width - flat.width, box.width * 20 + TextLayout(context: FontSystem.shared.withContext { $0 }, markup: " ", style: style).width, accuracy: 0.5)
        XCTAssertGreaterThan(tall.height, flat.height + 0.5 * 20 * (box.height + box.depth - 1))
    }

    func testChartWithTwoDimensionalLabelsHasNoLayoutViolations() throws {
        var chart = ReferenceFigures.scatterWithLine()
        chart.title = "Least squares: $\\hat{\\beta}_1 = \\frac{\\sum_i (x_i - \\bar{x})(y_i - \\bar{y})}{\\sum_i (x_i - \\bar{x})^2}$"
        chart.annotations = [Annotation("$\\hat{\\sigma} = \\sqrt{\\frac{SS_E}{n - 2}}$", "$R^2 = 0.82$")]
        chart.y = Axis("Score $\\left(\\frac{\\text{points}}{100}\\right)$")
        let layout = try chart.layout()
        XCTAssertEqual(layout.violations().map(\.description), [])
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/math-labels.png")
        try? Data(try chart.pngData(scale: 2)).write(to: url)
        let sheet = LabelSheet(labels: ["Inline $\\frac{a+b}{c}$ and $\\sqrt{x^2+y^2}$ on the baseline",
                                        "$\\sum_{i=1}^n e_i^2$ beside, $\\begin{bmatrix} 1 & x_1 \\\\ 1 & x_2 \\end{bmatrix}$ a matrix",
                                        "flat: $\\hat{\\beta}_1 = -5.344$, $R^2 = 0.82$"])
        try? Data(try sheet.pngData(scale: 2)).write(to: url.deletingLastPathComponent().appendingPathComponent("math-label-sheet.png"))
    }
}
