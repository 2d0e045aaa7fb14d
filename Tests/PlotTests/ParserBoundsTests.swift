import Foundation
@testable import Plot
import TestSupport
import XCTest

/// Labels come from lesson specs in pull requests: the TeX subset must refuse
/// nesting it cannot afford with a message, never exhaust a stack or memory, and
/// take time in proportion to the label. Limits are tested at ten times their
/// value; timings compare the fastest of several runs at a size and at twice it.
final class TeXParserBoundsTests: XCTestCase {
    private let limit = TeX.maximumNesting

    private func refusal(_ label: String) -> TeXError? {
        do {
            _ = try TeX.markup(label)
            XCTFail("accepted a label nested past the limit")
            return nil
        } catch {
            return error as? TeXError
        }
    }

    private static func superscripts(_ depth: Int) -> String {
        "$x" + String(repeating: "^{x", count: depth) + String(repeating: "}", count: depth) + "$"
    }

    /// Superscripts, bare braces, accents without braces and command arguments are
    /// each refused at ten times the limit, at the character that crosses it.
    func testNestingTenTimesTheLimitIsRefusedAtTheCrossingCharacter() {
        let depth = 10 * limit
        let cases: [(label: String, column: Int)] = [
            (Self.superscripts(depth), 3 * (limit + 1) + 1),
            ("$" + String(repeating: "{", count: depth) + "x" + String(repeating: "}", count: depth) + "$", 1 + limit + 1),
            ("$" + String(repeating: "\\hat ", count: depth) + "x$", 5 * (limit + 1) + 2),
            // The first argument of the 33rd \frac is the first thing 33 levels deep.
            ("$" + String(repeating: "\\frac{1}{", count: depth) + "x" + String(repeating: "}", count: depth) + "$",
             9 * limit + 7),
            ("$" + String(repeating: "\\sqrt{", count: depth) + "x" + String(repeating: "}", count: depth) + "$",
             6 * (limit + 1) + 1),
        ]
        for (label, column) in cases {
            let started = Date()
            let refused = refusal(label)
            XCTAssertLessThan(Date().timeIntervalSince(started), 2)
            XCTAssertEqual(refused?.problem, .nestedTooDeep(limit: 32), String(label.prefix(12)))
            XCTAssertEqual(refused?.column, column, String(label.prefix(12)))
        }
    }

    /// The message states the limit, the column and a fix, and shows a long label
    /// once, as a window around the caret.
    func testTheMessageNamesTheLimitAndTheColumn() {
        let refused = refusal(Self.superscripts(320))
        let lines = refused?.description.components(separatedBy: "\n") ?? []
        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(
            lines.first,
            "braces, scripts and command arguments nest more than 32 levels deep at column 100 of a 1283-character label")
        // 33 columns before the caret (the window keeps a third of 100 before it).
        XCTAssertEqual(lines[1], "  …" + String(Array(Self.superscripts(320))[66..<166]) + "…")
        XCTAssertEqual(lines[2], "  " + String(repeating: " ", count: 34) + "^")
        XCTAssertEqual(lines[3], "  hint: flatten the label; a label may nest at most 32 levels")
    }

    /// The report's hang: 8 000 nested superscripts held 7.1 GB after 120 s
    /// (Pango's cost for nested spans grows with the square of the depth).
    func testTheReportedHangIsRefusedAtOnce() {
        let started = Date()
        XCTAssertEqual(refusal(Self.superscripts(8_000))?.problem, .nestedTooDeep(limit: 32))
        XCTAssertLessThan(Date().timeIntervalSince(started), 2)
    }

    /// At the limit the label translates, and Pango lays it out quickly, on a
    /// thread with a 512 KiB stack.
    func testTheLimitIsTypesetOnASmallStack() throws {
        let label = Self.superscripts(limit)
        let result = SmallStack.run(bytes: 512 * 1024) {
            do {
                let markup = try TeX.markup(label)
                let sheet = LabelSheet(labels: [label])
                let started = Date()
                _ = try sheet.layout()
                return ["\(markup.components(separatedBy: "<sup>").count - 1) superscripts",
                        Date().timeIntervalSince(started) < 2 ? "laid out in under 2 s" : "slow"]
            } catch {
                return ["\(error)"]
            }
        }
        XCTAssertEqual(result, ["32 superscripts", "laid out in under 2 s"])
    }

    /// Carets under a label count terminal columns: 漢 takes two.
    func testTheCaretAlignsByDisplayWidth() {
        let refused = try? TeX.markup("漢字 $\\foo$")
        XCTAssertNil(refused)
        do {
            _ = try TeX.markup("漢字 $\\foo$")
        } catch let error as TeXError {
            let lines = error.description.components(separatedBy: "\n")
            XCTAssertEqual(lines[1], "  漢字 $\\foo$")
            XCTAssertEqual(lines[2], "        ^")  // 2 + 2×2 + 1 + 1 columns before '\'
        } catch {
            XCTFail("\(error)")
        }
    }

    /// The fuzzers' worst cases for labels, at half a size and at twice it: a
    /// label four times as long takes about four times as long (linear), never
    /// sixteen (quadratic). The bound of 8 sits between the two with a factor of
    /// two for a busy shared machine on either side. Sizes are chosen so that a
    /// run takes 50–500 ms in a debug build.
    func testTranslationTimeGrowsLinearly() {
        let nearLimit = "{" + String(repeating: "x^{", count: limit - 2) + "y" + String(repeating: "}", count: limit - 2) + "}"
        let workloads: [(name: String, label: (Int) -> String, size: Int)] = [
            ("superscripts nested to the limit, repeated", { n in "$" + String(repeating: nearLimit, count: n) + "$" }, 1_200),
            ("superscripts past the limit", { n in Self.superscripts(n) }, 100_000),
            ("braces past the limit", { n in "$" + String(repeating: "{", count: n) + "$" }, 200_000),
            ("flat math", { n in "$" + String(repeating: "x_1^2 + \\beta ", count: n) + "$" }, 10_000),
            ("flat text", { n in String(repeating: "Work hours & <more> ", count: n) }, 40_000),
            ("text arguments", { n in "$" + String(repeating: "\\text{a {b} c}", count: n) + "$" }, 10_000),
        ]
        for workload in workloads {
            let small = workload.label(workload.size / 2), large = workload.label(2 * workload.size)
            let (once, fourTimes) = Timing.fastest({ _ = try? TeX.markup(small) }, { _ = try? TeX.markup(large) })
            XCTAssertLessThan(fourTimes, 8 * once + 0.01, "\(workload.name): \(once) s, then \(fourTimes) s at four times the size")
        }
    }
}
