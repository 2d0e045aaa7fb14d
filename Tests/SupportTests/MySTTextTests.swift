import Support
import XCTest

/// `MySTText`: backslash escapes from CommonMark 0.31 §2.4, block starts from
/// §4–5, and MyST's directive options (a YAML block of `:key: value` lines,
/// myst-parser "Directives" documentation).
final class MySTTextTests: XCTestCase {
    func testOptionValuesArePlainOrOneQuotedYAMLLine() {
        XCTAssertEqual(MySTText.optionValue("simple-reg"), "simple-reg")
        XCTAssertEqual(MySTText.optionValue("Toluca lot size, work hours (n = 25)"), "\"Toluca lot size, work hours (n = 25)\"")
        XCTAssertEqual(MySTText.optionValue("a\n:name: evil"), "\"a :name: evil\"")
        XCTAssertEqual(MySTText.optionValue("| block"), "\"| block\"")
        XCTAssertEqual(MySTText.optionValue("say \"hi\" \\ # no comment"), "\"say \\\"hi\\\" \\\\ # no comment\"")
        XCTAssertEqual(MySTText.optionValue("  two\r\n\r\nlines \u{2028} "), "two lines")
    }

    func testParagraphsAreOneLineWithMarkupEscaped() {
        XCTAssertEqual(MySTText.paragraph("costs $5 *each* [see] <b>"), "costs \\$5 \\*each\\* \\[see\\] \\<b\\>")
        XCTAssertEqual(MySTText.paragraph("first\n\nsecond\r\n```\n:::"), "first second \\`\\`\\` :::")
        XCTAssertEqual(MySTText.paragraph("{math}`x` and {{ sub }}"), "\\{math\\}\\`x\\` and \\{\\{ sub \\}\\}")
    }

    func testBlockMarkersAtTheStartAreEscaped() {
        XCTAssertEqual(MySTText.paragraph("# heading"), "\\# heading")
        XCTAssertEqual(MySTText.paragraph("- item"), "\\- item")
        XCTAssertEqual(MySTText.paragraph("% comment"), "\\% comment")
        XCTAssertEqual(MySTText.paragraph("(label)="), "\\(label)=")
        XCTAssertEqual(MySTText.paragraph("+++"), "\\+++")
        XCTAssertEqual(MySTText.paragraph(":::{note}"), "\\:::\\{note\\}")
        XCTAssertEqual(MySTText.paragraph("    indented"), "indented")
        XCTAssertEqual(MySTText.paragraph("12. not a list, 3. either"), "12\\. not a list, 3. either")
        XCTAssertEqual(MySTText.paragraph("7) nor this"), "7\\) nor this")
    }

    func testArgumentsStayOnTheFenceLine() {
        XCTAssertEqual(MySTText.argument("fig.png"), "fig.png")
        XCTAssertEqual(MySTText.argument("a`b\nc%d"), "a%60b%0Ac%25d")
    }

    func testNoHostileSampleBreaksALine() {
        for sample in HostileText.samples {
            for text in [MySTText.optionValue(sample), MySTText.paragraph(sample), MySTText.argument(sample)] {
                XCTAssertFalse(text.unicodeScalars.contains { [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains($0.value) },
                               sample.debugDescription)
                XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
                               sample.debugDescription)
            }
        }
    }
}
