import XCTest

@testable import GLM

/// Expansions are checked against what R's `attr(terms(f), "term.labels")` prints
/// for the same formula (R 4.x).
final class FormulaTests: XCTestCase {
    private func labels(_ text: String) throws -> [String] {
        try Formula(text).terms.map(\.label)
    }

    private func failure(_ text: String) -> Diagnostic? {
        do {
            _ = try Formula(text)
            return nil
        } catch {
            return error as? Diagnostic
        }
    }

    func testMainEffectsAndIntercept() throws {
        let f = try Formula("y ~ x + group")
        XCTAssertEqual(f.response, .variable("y"))
        XCTAssertEqual(f.terms.map(\.label), ["x", "group"])
        XCTAssertTrue(f.hasIntercept)
        XCTAssertFalse(try Formula("y ~ 0 + x").hasIntercept)
        XCTAssertFalse(try Formula("y ~ x + 0").hasIntercept)
        XCTAssertFalse(try Formula("y ~ x - 1").hasIntercept)
        XCTAssertFalse(try Formula("y ~ -1 + x").hasIntercept)
        XCTAssertTrue(try Formula("y ~ 1 + x").hasIntercept)
        XCTAssertEqual(try labels("y ~ 1"), [])
    }

    func testStarExpandsInROrder() throws {
        XCTAssertEqual(try labels("y ~ a * b"), ["a", "b", "a:b"])
        XCTAssertEqual(try labels("y ~ a * b * c"), ["a", "b", "c", "a:b", "a:c", "b:c", "a:b:c"])
        // Terms sorted by order, factors inside a term by first appearance.
        XCTAssertEqual(try labels("y ~ a:b + a"), ["a", "a:b"])
        XCTAssertEqual(try labels("y ~ b:a + a"), ["a", "b:a"])
        XCTAssertEqual(try labels("y ~ a + b:a"), ["a", "a:b"])
        XCTAssertEqual(try labels("y ~ x * group"), ["x", "group", "x:group"])
    }

    func testParenthesesPowersNestingAndRemoval() throws {
        XCTAssertEqual(try labels("y ~ (a + b):c"), ["a:c", "b:c"])
        XCTAssertEqual(try labels("y ~ (a + b + c)^2"), ["a", "b", "c", "a:b", "a:c", "b:c"])
        XCTAssertEqual(try labels("y ~ a/b"), ["a", "a:b"])
        XCTAssertEqual(try labels("y ~ a*b - a:b"), ["a", "b"])
        XCTAssertEqual(try labels("y ~ a + a"), ["a"])
    }

    func testComputedTermsUseRLabels() throws {
        XCTAssertEqual(try labels("y ~ x + I(x^2)"), ["x", "I(x^2)"])
        XCTAssertEqual(try labels("y ~ I(x*z) + I(2 * x - 1)"), ["I(x * z)", "I(2 * x - 1)"])
        XCTAssertEqual(try labels("y ~ log(x) + I((x + 1)^3)"), ["log(x)", "I((x + 1)^3)"])
        XCTAssertEqual(try Formula("log(y) ~ x").response?.label, "log(y)")
        XCTAssertEqual(try Formula("y ~ I(x^2):g").variables, ["y", "x", "g"])
    }

    func testBacktickNamesPrintAsR() throws {
        let f = try Formula("`work hours` ~ `lot size` + dose.mg")
        XCTAssertEqual(f.response?.label, "`work hours`")
        XCTAssertEqual(f.terms.map(\.label), ["`lot size`", "dose.mg"])
        XCTAssertEqual(f.variables, ["work hours", "lot size", "dose.mg"])
    }

    func testSyntaxErrorsPointAtTheToken() {
        let trailing = failure("y ~ x +")
        XCTAssertEqual(trailing?.excerpt?.offset, 7)
        XCTAssertEqual(trailing?.category, .badFormula)
        XCTAssertTrue(trailing?.message.contains("found the end of the formula") ?? false)

        let doubled = failure("y ~ x + * z")
        XCTAssertEqual(doubled?.excerpt?.offset, 8)
        XCTAssertEqual(doubled?.description, """
            expected a column name, 0, 1, '(' or I(...), found '*'
                y ~ x + * z
                        ^
            """)

        let unclosed = failure("y ~ (a + b:c")
        XCTAssertEqual(unclosed?.excerpt?.offset, 12)
        XCTAssertTrue(unclosed?.message.contains("')'") ?? false)

        let noTilde = failure("y = x")
        XCTAssertEqual(noTilde?.excerpt?.offset, 2)

        let number = failure("y ~ 2 + x")
        XCTAssertEqual(number?.excerpt?.offset, 4)
        XCTAssertNotNil(number?.suggestion)

        let function = failure("y ~ lg(x)")
        XCTAssertEqual(function?.excerpt?.offset, 4)
        XCTAssertEqual(function?.excerpt?.length, 2)
        XCTAssertEqual(function?.suggestion, "did you mean log(...)?")

        // Functions R accepts but glmviz does not fit are named for what they are in R.
        let spline = failure("y ~ ns(x, 3)")
        XCTAssertEqual(spline?.excerpt?.offset, 4)
        XCTAssertEqual(spline?.message, "ns() is not supported in glmviz formulas (in R it makes natural cubic splines from the splines package)")
        XCTAssertEqual(spline?.suggestion, "use poly(x, k) or I(x^2) terms")
        let random = failure("y ~ x + (1 | subject)")
        XCTAssertEqual(random?.excerpt?.offset, 11)
        XCTAssertTrue(random?.message.contains("lme4") ?? false)
        XCTAssertTrue(failure("y ~ x + Error(subject)")?.message.contains("aov()") ?? false)

        let backtick = failure("y ~ `lot size + x")
        XCTAssertEqual(backtick?.excerpt?.offset, 4)

        let stray = failure("y ~ x)")
        XCTAssertEqual(stray?.excerpt?.offset, 5)
        XCTAssertEqual(failure("y ~ x $ z")?.excerpt?.offset, 6)
        XCTAssertEqual(failure("y ~ x^z")?.excerpt?.offset, 6)
        XCTAssertEqual(failure("")?.category, .badFormula)
    }

    func testDescriptionPrintsExpandedFormula() throws {
        XCTAssertEqual(try Formula("y ~ a*b").description, "y ~ a + b + a:b")
        XCTAssertEqual(try Formula("y ~ x - 1").description, "y ~ 0 + x")
    }
}
