import Foundation
import XCTest
@testable import Lessons

/// A formula error in a spec names the spec's own line and column of the
/// character at fault, whatever YAML style holds the formula; where that column
/// cannot be known there is none rather than a wrong one.
final class FormulaSourceTests: XCTestCase {
    /// The spec location of character `offset` of model `m`'s formula.
    private func place(_ models: String, _ offset: Int) throws -> String? {
        let yaml = "title: Demo\ndata:\n  builtin: toluca\nmodels:\n" + models
            + "figures:\n  f:\n    kind: scatter-fit\n    model: " + (models.hasPrefix("  m:") ? "m" : "m0") + "\n"
        let spec = try InlineSpec.parse(yaml)
        return spec.models[0].formulaSource.location(ofCharacter: offset).map { "\($0.line):\($0.column)" }
    }

    /// Positions counted by hand in each spec; "l" of "lotsize" is the character
    /// the formula parser would mark.
    func testEveryStyleMapsToTheSpecsLineAndColumn() throws {
        // Plain: `  m: ` puts the formula at column 6; "lotsize" is its 14th character.
        XCTAssertEqual(try place("  m: work_hours ~ lotsize\n", 13), "5:19")
        // Single-quoted: the quote shifts by one; a doubled quote is one character.
        XCTAssertEqual(try place("  m: 'work_hours ~ lot''size'\n", 16), "5:23")
        XCTAssertEqual(try place("  m: 'work_hours ~ lot''size'\n", 17), "5:25")
        // Double-quoted: \u006C is one character at its backslash.
        XCTAssertEqual(try place("  m: \"work_hours ~ \\u006Cotsize + x\"\n", 13), "5:20")
        XCTAssertEqual(try place("  m: \"work_hours ~ \\u006Cotsize + x\"\n", 23), "5:35")
        // An escaped line break joins the next line's text.
        XCTAssertEqual(try place("  m: \"work_hours ~ \\\n    lotsize\"\n", 13), "6:5")
        // Literal block: the next line, past the indentation.
        XCTAssertEqual(try place("  m: |\n    work_hours ~ lotsize\n", 13), "6:18")
        // Folded block: a more-indented line keeps its break (at the end of line 6)
        // and its extra indentation, so "lotsize" is the 16th character.
        XCTAssertEqual(try place("  m: >-\n    work_hours ~\n      lotsize\n", 15), "7:7")
        XCTAssertEqual(try place("  m: >-\n    work_hours ~\n      lotsize\n", 12), "6:17")
        XCTAssertEqual(try place("  m: >-\n    work_hours ~\n    lotsize\n", 13), "7:5")
        // A plain scalar over two lines, and a formula under a 'formula' key.
        XCTAssertEqual(try place("  m: work_hours ~\n    lotsize\n", 13), "6:5")
        // A blank line in a folded block is a line feed: "lotsize" is the 18th character.
        XCTAssertEqual(try place("  m:\n    formula: >\n      work_hours ~ x +\n\n      lotsize\n", 17), "9:7")
        // The caret after the end of the formula.
        XCTAssertEqual(try place("  m: y ~ x + (g\n", 10), "5:16")
    }

    /// CRLF line breaks count as one break, as libyaml counts them.
    func testCRLFCountsAsOneLineBreak() throws {
        let crlf = "title: Demo\r\ndata:\r\n  builtin: toluca\r\nmodels:\r\n  m: >-\r\n    y ~\r\n      lotsize\r\n"
            + "figures:\r\n  f:\r\n    kind: scatter-fit\r\n"
        let spec = try InlineSpec.parse(crlf)
        // "y ~", the kept break and two spaces of extra indentation, then "lotsize".
        XCTAssertEqual(spec.models[0].formulaSource.location(ofCharacter: 6).map { "\($0.line):\($0.column)" }, "7:7")
    }

    /// An explicit indentation indicator is not followed: no column is claimed.
    func testAnIndentationIndicatorGivesNoColumn() throws {
        XCTAssertNil(try place("  m: |2-\n    work_hours ~ lotsize\n", 13))
    }

    /// Finding the places costs the formula's length, once per model: a 100 000-
    /// character formula and 5 000 models take well under the 2 s a test allows.
    func testPlacesTakeLinearTime() throws {
        let started = Date()
        let long = "y ~ x" + String(repeating: " + x", count: 25_000)
        XCTAssertEqual(try place("  m: \(long)\n", long.count - 1), "5:\(5 + long.count)")
        let models = (0..<5_000).map { "  m\($0): 'y ~ x'\n" }.joined()
        XCTAssertEqual(try place(models, 4), "5:12")  // "  m0: '" is seven columns
        XCTAssertLessThan(Date().timeIntervalSince(started), 2)
    }
}
