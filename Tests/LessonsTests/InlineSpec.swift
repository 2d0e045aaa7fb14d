import XCTest
@testable import Lessons

/// Helpers for tests that read a spec from a string: no base directory, so
/// nothing is read from disk or written.
enum InlineSpec {
    static func parse(_ yaml: String) throws -> LessonSpec {
        try LessonSpecParser.parse(yaml: yaml, file: "demo.yaml", name: "demo", baseDirectory: nil)
    }

    /// The error `yaml` is refused with; the calling test fails when the spec is
    /// accepted or refused with anything but a `LessonError`.
    static func refusal(_ yaml: String, file: StaticString, line: UInt) -> LessonError? {
        do {
            _ = try parse(yaml)
            XCTFail("expected the spec to be refused", file: file, line: line)
        } catch let error as LessonError {
            return error
        } catch {
            XCTFail("unexpected error type \(error)", file: file, line: line)
        }
        return nil
    }
}
