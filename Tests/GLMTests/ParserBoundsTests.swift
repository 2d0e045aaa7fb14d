import Support
import Foundation
import TestSupport
import XCTest

@testable import GLM

/// Formulas from pull requests may be hostile: the parser must refuse nesting it
/// cannot afford with a message, never overflow a stack, and take time in
/// proportion to the text. Limits are tested at ten times their value; timings
/// compare the fastest of several runs at a size and at twice that size.
final class FormulaParserBoundsTests: XCTestCase {
    private let limit = Formula.maximumNesting

    private func refusal(_ text: String) -> Diagnostic? {
        do {
            _ = try Formula(text)
            XCTFail("accepted a formula nested past the limit")
            return nil
        } catch {
            return error as? Diagnostic
        }
    }

    static func nested(_ open: String, _ close: String, _ depth: Int, _ inner: String) -> String {
        String(repeating: open, count: depth) + inner + String(repeating: close, count: depth)
    }

    private func nested(_ open: String, _ close: String, _ depth: Int, inner: String = "x") -> String {
        Self.nested(open, close, depth, inner)
    }

    // MARK: Nesting at ten times the limit

    /// Parentheses, calls, signs and signed exponents each count as a level; at 10×
    /// the limit each is refused at the token that crosses it, quickly.
    func testNestingTenTimesTheLimitIsRefusedAtTheCrossingToken() throws {
        let depth = 10 * limit
        let cases: [(text: String, caretAt: Int)] = [
            ("y ~ " + nested("(", ")", depth), 4 + limit),
            ("y ~ " + nested("log(", ")", depth), 4 + 4 * limit),
            ("y ~ I(" + String(repeating: "-", count: depth) + "x)", 6 + limit - 1),
            ("y ~ I(x" + String(repeating: "^-x", count: depth) + ")", 7 + 3 * (limit - 1) + 1),
            ("y ~ I(" + nested("(", ")", depth) + ")", 6 + limit - 1),
            (nested("log(", ")", depth) + " ~ x", 4 * limit),
        ]
        for (text, caretAt) in cases {
            let started = Date()
            let refused = refusal(text)
            XCTAssertLessThan(Date().timeIntervalSince(started), 2, String(text.prefix(20)))
            XCTAssertEqual(refused?.category, .badFormula)
            XCTAssertEqual(
                refused?.message,
                "the formula nests more than 32 levels deep here (parentheses, function calls and signs inside one another)")
            XCTAssertEqual(refused?.suggestion, "simplify the expression: a formula may nest at most 32 levels")
            XCTAssertEqual(refused?.excerpt?.offset, caretAt, String(text.prefix(20)))
        }
    }

    /// The three crashes from the report: 2 800 parentheses, 10⁵ minus signs inside
    /// I() and 10⁴ nested log( each took the process down with SIGSEGV.
    func testTheReportedCrashesAreRefused() {
        for text in [
            "y ~ " + nested("(", ")", 2_800),
            "y ~ I(" + String(repeating: "-", count: 100_000) + "x)",
            "y ~ " + nested("log(", ")", 10_000),
        ] {
            XCTAssertTrue(refusal(text)?.message.hasPrefix("the formula nests more than 32 levels") ?? false)
        }
    }

    /// Exactly at the limit a formula is read, and its design built and freed, on a
    /// thread with a 512 KiB stack (the smallest worker stack the renderer may run
    /// on); ten times the limit is refused there too. Debug build, the larger frames.
    func testTheLimitFitsASmallThreadStack() throws {
        let limit = self.limit
        let outcome = SmallStack.run(bytes: 512 * 1024) {
            var outcome: [String] = []
            let nested = FormulaParserBoundsTests.nested
            do {
                let frame = try Frame(columns: [
                    (name: "y", column: .numeric([1, 2, 4, 3, 6])), (name: "x", column: .numeric([0.5, 1, 1.5, 2, 2.5])),
                ])
                let parens = try Formula("y ~ " + nested("(", ")", limit, "x"))
                outcome.append(parens.description)
                // abs( limit − 2 times, I( and the sign: exactly `limit` levels.
                let calls = try Design("y ~ " + nested("abs(", ")", limit - 2, "I(-x)"), frame: frame)
                outcome.append("\(calls.columnNames.count) columns, x[0,1] = \(calls.x[0, 1])")
                let signs = try Formula("y ~ I(" + String(repeating: "-", count: limit - 1) + "x)")
                outcome.append("\(signs.terms[0].label.count) characters")
            } catch {
                outcome.append("refused: \(error)")
            }
            do {
                _ = try Formula("y ~ " + nested("sqrt(", ")", 10 * limit, "x"))
                outcome.append("accepted")
            } catch {
                outcome.append((error as? Diagnostic)?.message ?? "\(error)")
            }
            return outcome
        }
        // abs(…abs(I(-x))…) is |−x| = x, so the design's column is x itself.
        XCTAssertEqual(outcome, [
            "y ~ x", "2 columns, x[0,1] = 0.5", "\(2 + (limit - 1) + 1 + 1) characters",
            "the formula nests more than 32 levels deep here (parentheses, function calls and signs inside one another)",
        ])
    }

    // MARK: Messages

    /// `.` over a column whose name holds a backtick: the caret is on the `.` the
    /// user wrote and the message names the column (it used to point into the
    /// tool's own expansion of `.`).
    func testDotOverABacktickColumnPointsAtTheDot() throws {
        let frame = try Frame(columns: [
            (name: "y", column: .numeric([1, 2, 3])), (name: "a`b", column: .numeric([2, 3, 5])),
        ])
        do {
            _ = try Design("y ~ x + .", frame: frame)
            XCTFail("accepted")
        } catch let error as Diagnostic {
            XCTAssertEqual(error.message, "'.' stands for column \"a`b\", whose name holds a backtick, which a formula cannot quote")
            XCTAssertEqual(error.description, """
                '.' stands for column "a`b", whose name holds a backtick, which a formula cannot quote
                    y ~ x + .
                            ^
                hint: rename the column without the backtick, or list the predictors instead of '.'
                """)
        }
    }

    /// A file wider than the term limit under `.`: one short message with the count,
    /// not the expanded formula (which was 1.1 MB of standard error).
    func testAVeryWideDotIsRefusedInAFewLines() throws {
        let columns = 20_000
        let frame = try Frame(columns: (0..<columns).map { (name: "column_number_\($0)", column: Column.numeric([1, 2])) })
        do {
            _ = try Design("column_number_0 ~ .", frame: frame)
            XCTFail("accepted")
        } catch let error as Diagnostic {
            XCTAssertEqual(error.description, """
                '.' stands for 19999 columns here, more than the 4096 terms a formula may have
                    column_number_0 ~ .
                                      ^
                hint: list the predictors you need instead of '.'
                """)
        }
    }

    /// A message about a column that came from `.` keeps the text the user wrote.
    func testColumnsFromTheDotAreReportedAtTheDot() throws {
        let frame = try Frame(columns: [
            (name: "g", column: .categorical(["a", "b", "a"])), (name: "y", column: .numeric([1, 2, 3])),
        ])
        do {
            _ = try Design("g ~ .", frame: frame)
            XCTFail("accepted")
        } catch let error as Diagnostic {
            XCTAssertEqual(error.excerpt?.text, "g ~ .")
        }
        XCTAssertEqual(try Design("y ~ .", frame: frame).columnNames, ["(Intercept)", "gb"])
    }

    /// Carets count terminal columns: CJK and emoji take two, a combining mark none
    /// (widths from Unicode's East_Asian_Width and Emoji_Presentation properties).
    func testCaretsAlignByDisplayWidth() {
        let cases: [(text: String, offset: Int, length: Int, carets: String)] = [
            ("y ~ 漢字 + x$", 11, 1, "             ^"),       // 4 + 2×2 + 5 columns before '$'
            ("y ~ 漢字", 4, 2, "    ^^^^"),
            ("y ~ e\u{301} + 😀", 8, 1, "        ^^"),             // é is one column, 😀 two
            ("y ~ a\u{200B}b + $", 10, 1, "         ^"),          // zero-width space takes none
            ("y ~\tx +\n z", 10, 1, "          ^"),                // tab and line break shown as one space
        ]
        for (text, offset, length, carets) in cases {
            let shown = CaretExcerpt.lines(text: text, offset: offset, length: length)
            XCTAssertEqual(shown.carets, carets, text)
            XCTAssertFalse(shown.text.contains("\n") || shown.text.contains("\t"))
        }
    }

    /// A long formula is shown as a window around the caret, at most 100 columns
    /// plus the two ellipses.
    func testALongFormulaIsShownAsAWindow() {
        let text = "y ~ " + Array(repeating: "x", count: 5_000).joined(separator: " + ") + " + (z"
        let error = refusalOrNil(text)
        let lines = error?.description.components(separatedBy: "\n") ?? []
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[1], "    …" + String(text.suffix(100)))
        XCTAssertEqual(lines[2], "    " + String(repeating: " ", count: 101) + "^")
    }

    private func refusalOrNil(_ text: String) -> Diagnostic? {
        do { _ = try Formula(text); return nil } catch { return error as? Diagnostic }
    }

    // MARK: Linear time

    /// The fuzzers' worst cases, each at half a size and at twice it: an input
    /// four times as long takes about four times as long (linear), never sixteen
    /// (quadratic). The fastest of seven runs (the one least disturbed by other
    /// work on a shared machine), against a bound of 8 that leaves a factor of
    /// two for noise on either side. Sizes are chosen so that a run takes
    /// 50–500 ms in a debug build.
    func testParsingTimeGrowsLinearly() throws {
        let frame = try Frame(columns: [
            (name: "y", column: .numeric([1, 2, 4, 3, 6])), (name: "x", column: .numeric([0.5, 1, 1.5, 2, 2.5])),
        ])
        let near = nested("(", ")", limit - 1)
        let workloads: [(name: String, text: (Int) -> String, size: Int)] = [
            ("groups nested to the limit", { n in "y ~ " + Array(repeating: near, count: n).joined(separator: " + ") }, 1_000),
            ("parentheses past the limit", { n in "y ~ " + self.nested("(", ")", n) }, 200_000),
            ("a long + chain", { n in "y ~ x" + String(repeating: " + x", count: n) }, 20_000),
            ("a long - chain", { n in "y ~ x" + String(repeating: " + x - x", count: n) }, 10_000),
            ("a ^ chain in I()", { n in "y ~ I(x" + String(repeating: "^x", count: n) + ")" }, 10_000),
            ("a sum in I()", { n in "y ~ I(x" + String(repeating: "+x", count: n) + ")" }, 10_000),
            ("a long name list", { n in "y ~ " + (0..<n).map { "v\($0)" }.joined(separator: " + ") }, 2_000),
        ]
        for workload in workloads {
            let work: (String) -> Void = { text in
                guard let formula = try? Formula(text) else { return }
                _ = formula.description
                _ = formula.variables
                _ = try? Design(formula: formula, frame: frame)
            }
            let small = workload.text(workload.size / 2), large = workload.text(2 * workload.size)
            let (once, fourTimes) = Timing.fastest({ work(small) }, { work(large) })
            XCTAssertLessThan(fourTimes, 8 * once + 0.01, "\(workload.name): \(once) s, then \(fourTimes) s at four times the size")
        }
    }
}
