@testable import Plot
import XCTest

final class TeXTests: XCTestCase {
    func testHatSubscriptAndTrueMinus() throws {
        XCTAssertEqual(try TeX.markup("$\\hat{\\beta}_1 = -5.344$"), "<i>β\u{0302}</i><sub>1</sub> = \u{2212}5.344")
    }

    func testLessonNotation() throws {
        XCTAssertEqual(try TeX.markup("$E(Y)$"), "<i>E</i>(<i>Y</i>)")
        XCTAssertEqual(try TeX.markup("$x_{ij}$"), "<i>x</i><sub><i>i</i><i>j</i></sub>")
        XCTAssertEqual(try TeX.markup("$\\sigma^2$"), "<i>σ</i>\u{200A}<sup>2</sup>")
        XCTAssertEqual(try TeX.markup("$Y^\\prime$"), "<i>Y</i>′")
        XCTAssertEqual(try TeX.markup("$Y'$"), "<i>Y</i>′")
        XCTAssertEqual(try TeX.markup("$\\epsilon \\sim \\mathcal{N}(0, \\sigma^2)$"),
                       "<i>ϵ</i> ∼ <span font_family=\"DejaVu Math TeX Gyre\">𝒩</span>(0,\u{2009}<i>σ</i>\u{200A}<sup>2</sup>)")
        XCTAssertEqual(try TeX.markup("$\\mathbf{X}\\boldsymbol{\\beta}$"), "<b>X</b><b><i>β</i></b>")
        XCTAssertEqual(try TeX.markup("$a \\cdot b \\times c \\pm d$"), "<i>a</i> ⋅ <i>b</i> × <i>c</i> ± <i>d</i>")
        XCTAssertEqual(try TeX.markup("$\\bar{Y} - \\tilde{y}$"), "<i>Y\u{0304}</i> \u{2212} <i>y\u{0303}</i>")
        // An operator's limits stack (beside it in text style), which flat
        // markup cannot show: the layout engine sets it, and the markup holds
        // one character for it whose text is the flat form.
        let sum = try TeX.markup("$\\sum_{i=1}^n e_i$")
        XCTAssertEqual(sum.unicodeScalars.count, 1)
        XCTAssertEqual(MathFragments.fragment(sum.unicodeScalars.first!)?.plain, "∑i=1n\u{2009}ei")
        XCTAssertEqual(try TeX.markup("$\\left( x \\right)$"), "(<i>x</i>)")
        XCTAssertEqual(try TeX.markup("$\\text{mean of } x$"), "mean of <i>x</i>")
    }

    func testPlainTextIsEscapedAndLeftUpright() throws {
        XCTAssertEqual(try TeX.markup("Work hours <Y> & more"), "Work hours &lt;Y&gt; &amp; more")
        XCTAssertEqual(try TeX.markup("price in \\$: $p < 5$"), "price in $: <i>p</i> &lt; 5")
    }

    func testEveryGreekLetterTranslates() throws {
        let lower = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
                     "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"]
        for name in lower {
            let markup = try TeX.markup("$\\\(name)$")
            XCTAssertTrue(markup.hasPrefix("<i>") && markup.count == 8, "\\\(name) → \(markup)")  // lowercase: italic
        }
        for name in ["Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega"] {
            XCTAssertEqual(try TeX.markup("$\\\(name)$").count, 1, "\\\(name) is upright")
        }
    }

    func testUnknownCommandNamesItAndItsColumnAndSuggests() {
        XCTAssertThrowsError(try TeX.markup("$y = \\betta_1 x$")) { error in
            let e = error as! TeXError
            XCTAssertEqual(e.problem, .unknownCommand("betta"))
            XCTAssertEqual(e.column, 6)
            XCTAssertEqual(e.suggestion, "beta")
            XCTAssertEqual(e.description, """
                unknown TeX command '\\betta' at column 6 of label "$y = \\betta_1 x$"
                  $y = \\betta_1 x$
                       ^
                  did you mean '\\beta'?
                """)
        }
    }

    func testStructuralErrors() {
        XCTAssertThrowsError(try TeX.markup("slope $\\beta_1")) { XCTAssertEqual(($0 as! TeXError).problem, .unterminatedMath) }
        XCTAssertThrowsError(try TeX.markup("$x_{ij$")) { XCTAssertEqual(($0 as! TeXError).problem, .unbalancedBrace) }
        XCTAssertThrowsError(try TeX.markup("$\\hat$")) { XCTAssertEqual(($0 as! TeXError).problem, .missingArgument(command: "hat")) }
        XCTAssertThrowsError(try TeX.markup("$x}$")) { XCTAssertEqual(($0 as! TeXError).column, 3) }
    }

    func testDejaVuIsTheFontInUseAndEveryLabelGlyphExists() throws {
        XCTAssertEqual(FontSystem.shared.resolvedFamily("DejaVu Sans"), "DejaVu Sans")
        XCTAssertEqual(FontSystem.shared.resolvedFamily("DejaVu Math TeX Gyre"), "DejaVu Math TeX Gyre",
                       "install fonts-dejavu-extra (scripts/install-deps)")
        XCTAssertEqual(FontSystem.shared.resolvedFace("DejaVu Sans", italic: true)?.slanted, true,
                       "math italics need DejaVu Sans Oblique from fonts-dejavu-extra")
        for label in ReferenceFigures.texLabels {
            let markup = try TeX.markup(label)
            XCTAssertEqual(FontSystem.shared.unknownGlyphCount(markup: markup), 0, "\(label) has glyphs no font can draw")
        }
    }
}
