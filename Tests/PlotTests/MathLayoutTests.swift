@testable import Plot
import XCTest

/// Three layouts checked by hand from Latin Modern Math's MATH table
/// (AxisHeight 250, FractionRuleThickness 40, FractionNumeratorDisplayStyleShiftUp
/// 677, FractionDenominatorDisplayStyleShiftDown 686, the display gaps 120,
/// SuperscriptShiftUp 363, RadicalRuleThickness 40, RadicalDisplayStyleVerticalGap
/// 148, RadicalExtraAscender 40, per 1000 units to the em) and its glyph
/// metrics (digits 500 wide and 666 tall, 𝑥 572 wide, 442 tall, 11 deep; the
/// radical sign 833 wide, from 40 above to 960 below the baseline), following
/// The TeXbook's appendix G. LaTeX's numbers for the same expressions
/// (reference.json) are in the comments.
final class MathLayoutTests: XCTestCase {
    let setter = try! MathTypesetter(family: "Latin Modern Math")

    /// Rule 15: the numerator at its display shift 0.677 (1 sits 0.407 above
    /// the bar, more than the 0.12 gap), the denominator at 0.686 down, the bar
    /// on the axis (0.25 − 0.02), null delimiters of 0.12 either side.
    func testFractionFromTheConstants() throws {
        let box = try setter.typeset("\\frac{1}{2}")
        XCTAssertEqual(box.glyphs.map(\.character), ["1", "2"])
        XCTAssertEqual(box.glyphs[0].x, 0.12, accuracy: 1e-9)
        XCTAssertEqual(box.glyphs[0].y, 0.677, accuracy: 1e-9)   // LaTeX 0.67651
        XCTAssertEqual(box.glyphs[1].y, -0.686, accuracy: 1e-9)  // LaTeX −0.68595
        XCTAssertEqual(box.rules, [MathBox.Rule(x: 0.12, y: 0.23, width: 0.5, height: 0.04)])  // LaTeX the same
        XCTAssertEqual(box.width, 0.74, accuracy: 1e-9)          // LaTeX 0.74
        XCTAssertEqual(box.height, 0.677 + 0.666, accuracy: 1e-9)
        XCTAssertEqual(box.depth, 0.686, accuracy: 1e-9)         // LaTeX 0.68595
    }

    /// Rule 18a: a superscript on a character starts at its advance and is
    /// raised by TeX's display shift, SuperscriptShiftUp × sup1/sup2 of
    /// Computer Modern = 0.363 × 0.412892/0.362892 = 0.41301.
    func testSuperscriptFromTheConstants() throws {
        let box = try setter.typeset("x^2")
        XCTAssertEqual(box.glyphs.map(\.character), ["x", "2"])
        XCTAssertEqual(box.glyphs[1].x, 0.572, accuracy: 1e-9)   // LaTeX 0.57153
        XCTAssertEqual(box.glyphs[1].y, 0.363 * 0.412892 / 0.362892, accuracy: 1e-9)  // LaTeX 0.41289
        XCTAssertEqual(box.glyphs[1].size, 0.7, accuracy: 1e-9)
    }

    /// Rule 11: the body needs 0.442 + 0.011 + 0.148 + 0.04 = 0.641; the sign
    /// is 1.0 tall, so the gap grows by half the excess to 0.3275; the bar's
    /// bottom is at 0.442 + 0.3275 = 0.7695 and the sign's top meets the bar's.
    func testRadicalFromTheConstants() throws {
        let box = try setter.typeset("\\sqrt{x}")
        XCTAssertEqual(box.glyphs.map(\.character), ["√", "x"])
        XCTAssertEqual(box.glyphs[0].y, 0.7695, accuracy: 1e-9)  // the sign hangs from its top at the bar
        XCTAssertEqual(box.glyphs[1].x, 0.833, accuracy: 1e-9)   // LaTeX 0.83334
        XCTAssertEqual(box.rules.count, 1)
        XCTAssertEqual(box.rules[0].y, 0.7695, accuracy: 1e-9)   // LaTeX 0.7691
        XCTAssertEqual(box.rules[0].width, 0.572, accuracy: 1e-9) // LaTeX 0.57153
        XCTAssertEqual(box.height, 0.7695 + 0.04 + 0.04, accuracy: 1e-9)  // LaTeX 0.84909
        XCTAssertEqual(box.depth, 0.96 - 0.7695, accuracy: 1e-9)  // LaTeX 0.1909
    }

    /// Display limits go above and below a display-size operator; text style
    /// keeps the text-size sign and sets them beside it.
    func testOperatorLimitsByStyle() throws {
        let display = try setter.typeset("\\sum_{i=1}^n x_i", style: .display)
        let text = try setter.typeset("\\sum_{i=1}^n x_i", style: .text)
        let nDisplay = try XCTUnwrap(display.glyphs.first { $0.character == "n" })
        let nText = try XCTUnwrap(text.glyphs.first { $0.character == "n" })
        let sumDisplay = try XCTUnwrap(display.glyphs.first { $0.character == "∑" })
        let sumText = try XCTUnwrap(text.glyphs.first { $0.character == "∑" })
        XCTAssertGreaterThan(nDisplay.y, 1.0)       // above the sign (LaTeX 1.25)
        XCTAssertLessThan(nDisplay.x, 0.8)          // over it, not beside (LaTeX 0.475)
        XCTAssertGreaterThan(nText.x, 0.9)          // beside the sign (LaTeX 1.05)
        XCTAssertNotEqual(sumDisplay.glyph, sumText.glyph, "display style takes the larger variant")
    }
}

/// One display equation drawn through the public API, as an equation figure will.
private struct EquationFigure: Figure {
    var tex: String
    var size = Size(width: 400, height: 120)
    var theme = Theme.textbook
    var accessibility: FigureAccessibility?

    func draw(on canvas: Canvas) throws {
        let box = try MathTypesetter(family: "Latin Modern Math").typeset(tex)
        canvas.draw(box, at: Point(x: 20, y: 60), size: 24, color: theme.foreground, role: .title, text: "beta hat")
    }
}

final class EquationDrawingTests: XCTestCase {
    /// The drawn box is recorded at the box's extent, so the layout check sees
    /// it; its readable text is what the caller gave.
    func testADrawnEquationIsRecordedWithItsBox() throws {
        let figure = EquationFigure(tex: "\\hat{\\boldsymbol\\beta} = (\\mathbf{X}'\\mathbf{X})^{-1}\\mathbf{X}'\\mathbf{Y}")
        let box = try MathTypesetter(family: "Latin Modern Math").typeset(figure.tex)
        let layout = try figure.layout()
        XCTAssertEqual(layout.textBoxes.count, 1)
        let recorded = layout.textBoxes[0]
        XCTAssertEqual(recorded.plainText, "beta hat")
        XCTAssertEqual(recorded.rect.x, 20, accuracy: 1e-9)
        XCTAssertEqual(recorded.rect.y, 60 - box.height * 24, accuracy: 1e-9)
        XCTAssertEqual(recorded.rect.width, box.width * 24, accuracy: 1e-9)
        XCTAssertEqual(recorded.rect.height, (box.height + box.depth) * 24, accuracy: 1e-9)
        XCTAssertEqual(layout.violations().map(\.description), [])
        // Ink inside that box (one pixel of antialiasing around it allowed), none outside.
        let image = try figure.rgba(scale: 1)
        let r = recorded.rect.insetBy(-1)
        var inside = 0, outside = 0
        for y in 0..<image.height {
            for x in 0..<image.width where image.pixels[4 * (y * image.width + x)] < 160 {  // dark ink on the light background
                if r.contains(Point(x: Double(x) + 0.5, y: Double(y) + 0.5)) { inside += 1 } else { outside += 1 }
            }
        }
        XCTAssertGreaterThan(inside, 200)
        XCTAssertEqual(outside, 0)
    }
}
