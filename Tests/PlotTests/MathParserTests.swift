@testable import Plot
import XCTest

/// The TeX subset read into a tree: each construct the chapter writes becomes
/// the node the layout engine and the flat markup both start from.
final class MathParserTests: XCTestCase {
    private func math(_ s: String) throws -> [MathNode] { try TeX.parseMath(s) }
    private func x(_ c: String) -> MathNode { .symbol(c, .ordinary, italic: true) }

    func testFractionRadicalAndScriptsBecomeNodes() throws {
        XCTAssertEqual(try math("\\frac{a+b}{c}"),
                       [.fraction(numerator: [x("a"), .symbol("+", .binary, italic: false), x("b")], denominator: [x("c")])])
        XCTAssertEqual(try math("\\sqrt[3]{x}"), [.radical([x("x")], index: [.symbol("3", .ordinary, italic: false)])])
        XCTAssertEqual(try math("x_i^2"), [.scripts(MathScripts(nucleus: x("x"), lower: [x("i")], upper: [.symbol("2", .ordinary, italic: false)]))])
        XCTAssertEqual(try math("X'"), [.scripts(MathScripts(nucleus: x("X"), lower: nil, upper: [.symbol("′", .ordinary, italic: false)], upperFirst: true))])
    }

    /// amsmath.sty (\\extra@, \\extrap@): `\\dots` and `\\cdots` end with `\\,`
    /// before the end of the math or a closing delimiter, not before a comma
    /// or another atom; `\\cdots` before a comma too.
    func testAmsmathThinSpaceAfterDots() throws {
        let low = MathNode.symbol("…", .inner, italic: false)
        let centred = MathNode.symbol("⋯", .inner, italic: false)
        XCTAssertEqual(try math("a\\dots"), [x("a"), low, .space(.thin)])
        XCTAssertEqual(try math("(a\\dots)"), [.symbol("(", .open, italic: false), x("a"), low, .space(.thin), .symbol(")", .close, italic: false)])
        XCTAssertEqual(try math("\\dots, a"), [low, .symbol(",", .punctuation, italic: false), x("a")])
        XCTAssertEqual(try math("\\dots a"), [low, x("a")])
        XCTAssertEqual(try math("\\cdots, a"), [centred, .space(.thin), .symbol(",", .punctuation, italic: false), x("a")])
    }

    func testOperatorsDelimitersAndEnvironments() throws {
        guard case .scripts(let sum) = try math("\\sum_{i=1}^n")[0] else { return XCTFail("\\sum with limits is a scripted node") }
        XCTAssertEqual(sum.nucleus, .largeOperator("∑", limits: true))
        XCTAssertEqual(try math("\\int")[0], .largeOperator("∫", limits: false))
        XCTAssertEqual(try math("\\left( x \\right]"), [.delimited(left: "(", body: [x("x")], right: "]")])
        XCTAssertEqual(try math("\\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix}"),
                       [.matrix(.bracket, rows: [[[x("a")], [x("b")]], [[x("c")], [x("d")]]])])
        XCTAssertEqual(try math("\\begin{align} y &= a \\\\ &= b \\end{align}"),
                       [.align(rows: [[[x("y")], [.symbol("=", .relation, italic: false), x("a")]],
                                      [[], [.symbol("=", .relation, italic: false), x("b")]]])])
        XCTAssertEqual(try math("\\underset{\\text{Data}}{\\mathbf{Y}}"),
                       [.limits(base: [.styled(.bold, [x("Y")])], under: [.text("Data")], over: nil)])
        XCTAssertEqual(try math("\\widehat{xy}")[0], .accent(mark: "\u{0302}", wide: true, base: [x("x"), x("y")]))
        XCTAssertEqual(try math("a\\,b~c"), [x("a"), .space(.thin), x("b"), .space(.nonBreaking), x("c")])
    }

    func testEnvironmentErrorsNameTheColumnAndSuggest() {
        XCTAssertThrowsError(try TeX.markup("$\\begin{bmatrx} a \\end{bmatrx}$")) { error in
            let e = error as! TeXError
            XCTAssertEqual(e.problem, .unknownCommand("bmatrx"))
            XCTAssertEqual(e.column, 2)
            XCTAssertEqual(e.suggestion, "begin{bmatrix}")
        }
        XCTAssertThrowsError(try TeX.markup("$\\begin{matrix} a & b$")) { error in
            XCTAssertEqual((error as! TeXError).problem, .unexpectedCharacter("$"))
        }
    }

    /// Flat markup is written from the tree: R² has no gap (TeX's italic
    /// correction of R is 0.008 em), `~` is a space, a compound fraction keeps
    /// its parentheses.
    func testFlatMarkupFromTheTree() throws {
        XCTAssertEqual(try TeX.markup("$R^2$"), "<i>R</i><sup>2</sup>")
        XCTAssertEqual(try TeX.markup("$\\sigma^2$"), "<i>σ</i>\u{200A}<sup>2</sup>")
        XCTAssertEqual(try TeX.markup("$a~b$"), "<i>a</i>\u{00A0}<i>b</i>")
        // The flat form of two-dimensional math, which labels fall back to
        // without a math font and text extraction reads.
        let flat = TeXMarkup(mathFont: "DejaVu Math TeX Gyre")
        XCTAssertEqual(flat.list(try math("\\frac{a+b}{c}")), "(<i>a</i> + <i>b</i>)/<i>c</i>")
        XCTAssertEqual(flat.list(try math("\\begin{pmatrix} 1 & 2 \\end{pmatrix}")), "(1 2)")
    }
}
