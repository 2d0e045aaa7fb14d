import Support
import XCTest

/// `XMLText` and `HTMLText`: the characters XML 1.0 allows (§2.2 Char) and the
/// five that start markup (§2.4), and HTML's parse errors for controls and
/// noncharacters (HTML Living Standard §13.2.3.5).
final class MarkupTextTests: XCTestCase {
    func testMarkupCharactersBecomeReferences() {
        XCTAssertEqual(XMLText.escaped("</script><b a=\"1\" c='2'>&amp;"),
                       "&lt;/script&gt;&lt;b a=&quot;1&quot; c=&#39;2&#39;&gt;&amp;amp;")
        XCTAssertEqual(XMLText.escaped("]]>"), "]]&gt;")
        XCTAssertEqual(HTMLText.escaped("<img src=x onerror=alert(1)>"), "&lt;img src=x onerror=alert(1)&gt;")
    }

    func testAQuoteWithACombiningMarkStillCannotCloseAnAttribute() {
        XCTAssertEqual(HTMLText.escaped("\"\u{301} onload=x"), "&quot;\u{301} onload=x")
        XCTAssertEqual(XMLText.attribute("<\u{338}"), "&lt;\u{338}")
    }

    func testCharactersXMLForbidsBecomeReplacementCharacters() {
        XCTAssertEqual(XMLText.escaped("a\u{0}b\u{1}c\u{0B}d\u{0C}e\u{7F}f\u{85}g\u{9B}h"),
                       "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g\u{FFFD}h")
        XCTAssertEqual(XMLText.escaped("i" + HostileText.noncharacters + "j"), "i\u{FFFD}\u{FFFD}\u{FFFD}j")
        XCTAssertEqual(XMLText.escaped("a\u{2028}b\u{2029}c\u{FEFF}𝔁"), "a\u{2028}b\u{2029}c\u{FEFF}𝔁")
    }

    func testLineBreaksSurviveParsing() {
        XCTAssertEqual(XMLText.escaped("a\tb\nc\rd\r\ne"), "a\tb\nc&#13;d&#13;\ne")
        XCTAssertEqual(XMLText.attribute("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d")
    }

    func testLinksArePercentEncodedSegments() {
        XCTAssertEqual(HTMLText.link("my lesson", "fig#1.png"), "my%20lesson/fig%231.png")
        XCTAssertEqual(HTMLText.link("β", "a.png"), "%CE%B2/a.png")
        XCTAssertEqual(HTMLText.link("\"><script>", "../x"), "%22%3E%3Cscript%3E/..%2Fx")
        XCTAssertEqual(HTMLText.link("a\u{0}\n"), "a%00%0A")
    }

    func testNoHostileSampleLeavesAMarkupCharacter() {
        for sample in HostileText.samples {
            for escaped in [XMLText.escaped(sample), XMLText.attribute(sample), HTMLText.escaped(sample)] {
                XCTAssertFalse(escaped.unicodeScalars.contains { "<>\"'".unicodeScalars.contains($0) }, sample.debugDescription)
                // Every & starts one of the references the escaper writes.
                let ampersands = escaped.unicodeScalars.split(separator: "&", omittingEmptySubsequences: false).dropFirst()
                XCTAssertTrue(ampersands.allSatisfy { after in
                    ["amp;", "lt;", "gt;", "quot;", "#"].contains { after.starts(with: $0.unicodeScalars) }
                }, escaped)
            }
        }
    }
}
