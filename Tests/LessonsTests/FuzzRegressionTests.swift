import XCTest
@testable import Lessons

/// Inputs the spec-reader fuzzer (fuzz/, target `spec`) once crashed on; each
/// must now be a clear error, never a trap.
final class FuzzRegressionTests: XCTestCase {
    /// Lone CRs are line breaks to libyaml, so the duplicate key is reported on a
    /// line that did not exist when the text was split on LF alone.
    func testDuplicateKeyAfterLoneCarriageReturnsIsAnError() {
        let yaml = "\r\r\r\r\r\ra: 1\na: 2\n"
        XCTAssertThrowsError(try LessonSpecParser.parse(yaml: yaml, file: "cr.yaml", name: "cr", baseDirectory: nil)) { error in
            let message = (error as? LessonError)?.description ?? "\(error)"
            XCTAssertTrue(message.contains("duplicate key 'a'"), message)
            XCTAssertTrue(message.hasPrefix("cr.yaml:8:1:"), message)
        }
    }

    func testDuplicateKeyWithWindowsLineEndsPointsAtTheRepeat() {
        let yaml = "title: x\r\ntitle: y\r\n"
        XCTAssertThrowsError(try LessonSpecParser.parse(yaml: yaml, file: "crlf.yaml", name: "crlf", baseDirectory: nil)) { error in
            let message = (error as? LessonError)?.description ?? "\(error)"
            XCTAssertTrue(message.hasPrefix("crlf.yaml:2:1: duplicate key 'title' (first given at line 1)"), message)
        }
    }

    func testDuplicateKeySearchStartingPastTheEndFindsNothing() {
        let found = LessonSpecParser.duplicateKeyLines("a", in: "a: 1", from: 40)
        XCTAssertNil(found.0)
        XCTAssertNil(found.1)
    }
}
