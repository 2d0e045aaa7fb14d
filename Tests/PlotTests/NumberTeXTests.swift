import Plot
import Support
import XCTest

/// Support's `NumberFormat` writes TeX math source for figure labels; every
/// form it produces must be in the TeX subset Plot typesets, or a label with
/// a large, tiny or missing number would stop a render.
final class NumberTeXTests: XCTestCase {
    func testEveryNumberFormIsInPlotsTeXSubset() throws {
        let numbers: [FormattedNumber] = [
            NumberFormat.estimate(-5.344, standardError: 0.2999),  // minus
            NumberFormat.label(2_500_000),  // \, groups
            NumberFormat.label(1e-4),  // \times 10^{-4}
            NumberFormat.label(.nan),  // \mathrm{NA}
            NumberFormat.label(-.infinity),  // -\infty
        ]
        let styles = [NumberStyle.texMath, NumberStyle(output: .texMath, grouping: .comma)]
        for style in styles {
            for number in numbers {
                XCTAssertNoThrow(try TeX.markup("$x = " + number.text(style) + "$"), number.text(style))
            }
            XCTAssertNoThrow(try TeX.markup("$" + NumberFormat.pClause(4.7e-4, style: style) + "$"))
            XCTAssertNoThrow(try TeX.markup("$" + AxisScale(ticks: [5e6, 1e7]).factor(style) + "$"))
        }
    }

    func testTypesetNumbersReadAsDisplayTextDoes() throws {
        // TeX's "-" becomes the U+2212 the Unicode form writes directly.
        XCTAssertEqual(try TeX.markup("$" + NumberFormat.label(-5.344).text(.texMath) + "$"), "\u{2212}5.344")
        // "\," is the thin space U+2009 of the Unicode form.
        XCTAssertEqual(try TeX.markup("$" + NumberFormat.label(2_500_000).text(.texMath) + "$"),
                       NumberFormat.label(2_500_000).text(.unicode))
        XCTAssertEqual(try TeX.markup("$" + NumberFormat.label(1e-4).text(.texMath) + "$"), "1 × 10<sup>\u{2212}4</sup>")
    }
}
