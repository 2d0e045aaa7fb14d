import Support
import XCTest

/// `LaTeXText`: what pdfTeX does with each character is from the TeXbook
/// (ch. 7–8: category codes, `^^` notation, `%` skipping to the end of the
/// line) and the LaTeX kernel's catcode table (invalid characters).
final class LaTeXTextTests: XCTestCase {
    func testRunningTextEscapesEverySpecialCharacter() {
        XCTAssertEqual(LaTeXText.escaped("group_b 50% & $x #1 {a} ~^\\"),
                       "group\\_b 50\\% \\& \\$x \\#1 \\{a\\} \\textasciitilde{}\\textasciicircum{}\\textbackslash{}")
        XCTAssertEqual(LaTeXText.escaped("\\input{/etc/passwd}"), "\\textbackslash{}input\\{/etc/passwd\\}")
        XCTAssertEqual(LaTeXText.escaped("a<b>c|d"), "a\\textless{}b\\textgreater{}c\\textbar{}d")
        XCTAssertEqual(LaTeXText.escaped("[5pt]*"), "{[}5pt{]}{*}")
    }

    func testRunningTextHasNoLineBreaksAndNoControlCharacters() {
        for lineBreak in HostileText.lineBreaks {
            XCTAssertEqual(LaTeXText.escaped("a\(lineBreak)b"), lineBreak == "\r\n" ? "a  b" : "a b", lineBreak.debugDescription)
        }
        // ^^ notation: NUL is ^^@, ESC is ^^[, DEL is ^^?, a C1 control is ^^9b.
        XCTAssertEqual(LaTeXText.escaped("\u{0}"), "\\textasciicircum{}\\textasciicircum{}@")
        XCTAssertEqual(LaTeXText.escaped("\u{1B}"), "\\textasciicircum{}\\textasciicircum{}{[}")
        XCTAssertEqual(LaTeXText.escaped("\u{1C}"), "\\textasciicircum{}\\textasciicircum{}\\textbackslash{}")
        XCTAssertEqual(LaTeXText.escaped("\u{7F}"), "\\textasciicircum{}\\textasciicircum{}?")
        XCTAssertEqual(LaTeXText.escaped("\u{9B}"), "\\textasciicircum{}\\textasciicircum{}9b")
        XCTAssertEqual(LaTeXText.escaped("a\tb"), "a\tb", "a tab is a space to TeX")
    }

    func testTeXCaretNotationInANameStaysText() {
        // ^^5c is TeX for a backslash; escaped carets cannot pair up.
        XCTAssertEqual(LaTeXText.escaped("^^5cinput"), "\\textasciicircum{}\\textasciicircum{}5cinput")
        XCTAssertEqual(LaTeXText.escaped("^^J"), "\\textasciicircum{}\\textasciicircum{}J")
    }

    func testCombiningMarksDoNotHideSpecialCharacters() {
        // "\\\u{301}" is one Character in Swift; TeX still sees a backslash.
        XCTAssertEqual(LaTeXText.escaped("\\\u{301}x{\u{301}"), "\\textbackslash{}\u{301}x\\{\u{301}")
    }

    func testLigaturesAreBroken() {
        XCTAssertEqual(LaTeXText.escaped("a--b---c"), "a-{}-b-{}-{}-c")
        XCTAssertEqual(LaTeXText.escaped("``x'' ,, !` ?`"), "`{}`x'{}' ,{}, !{}` ?{}`")
    }

    func testCommentKeepsEverythingOnOneLine() {
        for sample in HostileText.samples {
            let comment = LaTeXText.comment(sample)
            XCTAssertFalse(comment.unicodeScalars.contains { [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains($0.value) },
                           sample.debugDescription)
            XCTAssertFalse(comment.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" || (0x7F...0x9F).contains($0.value) },
                           sample.debugDescription)
        }
        XCTAssertEqual(LaTeXText.comment("y ~ x\n\\input{/etc/passwd}"), "y ~ x \\input{/etc/passwd}")
        XCTAssertEqual(LaTeXText.comment("y ~ x\r\n\\write18{touch pwned}"), "y ~ x  \\write18{touch pwned}")
        XCTAssertEqual(LaTeXText.comment("a\u{2028}b\u{85}c\u{0}d"), "a b c^^@d")
        XCTAssertEqual(LaTeXText.comment("50% {x} \\"), "50% {x} \\", "inside a comment only line ends matter")
    }
}
