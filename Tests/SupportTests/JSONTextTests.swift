import Foundation
import Support
import XCTest

/// `JSONText.quoted`: the string grammar of RFC 8259 §7, checked by reading
/// every result back with `JSONSerialization`.
final class JSONTextTests: XCTestCase {
    func testEscapes() {
        XCTAssertEqual(JSONText.quoted("a\"b\\c"), "\"a\\\"b\\\\c\"")
        XCTAssertEqual(JSONText.quoted("\n\r\t\u{8}\u{C}\u{0}\u{1F}\u{7F}"), "\"\\n\\r\\t\\b\\f\\u0000\\u001f\\u007f\"")
        XCTAssertEqual(JSONText.quoted("\u{2028}\u{2029}\u{85}"), "\"\\u2028\\u2029\\u0085\"")
        XCTAssertEqual(JSONText.quoted("β</script>"), "\"β</script>\"")
    }

    func testEveryHostileSampleReadsBackUnchanged() throws {
        for sample in HostileText.samples {
            let quoted = JSONText.quoted(sample)
            let value = try JSONSerialization.jsonObject(with: Data("[\(quoted)]".utf8)) as? [String]
            XCTAssertEqual(value.map { Array($0[0].unicodeScalars) }, Array(sample.unicodeScalars), quoted)
            XCTAssertFalse(quoted.unicodeScalars.contains { $0.value < 0x20 }, quoted)
        }
    }
}
