import Foundation
import TestSupport
import XCTest
@testable import Lessons

/// Specs and committed outputs that nest without end are refused in glmviz's
/// words, at ten times each limit, quickly and without exhausting a stack.
final class SpecNestingTests: XCTestCase {
    private func spec(description: String) -> String {
        "title: Demo\ndescription: \(description)\ndata:\n  builtin: toluca\n"
            + "models:\n  m: work_hours ~ lot_size\nfigures:\n  f:\n    kind: scatter-fit\n"
    }

    /// Flow lists and compact block lists at ten times the limit: libyaml's own
    /// text ("set with yaml_set_max_nest_level()") never reaches the user.
    func testYAMLNestedTenTimesTheLimitIsRefusedInGlmvizWords() {
        let depth = 10 * LessonSpecParser.maximumNesting
        // In a flow collection libyaml's scanner runs ahead of its parser, so the
        // refusal is reported where the run of brackets starts; in block style at
        // the 200th level.
        let cases: [(yaml: String, line: Int, column: Int)] = [
            (spec(description: String(repeating: "[", count: depth) + String(repeating: "]", count: depth)), 2, 15),
            (spec(description: "\n" + String(repeating: "- ", count: depth) + "x"), 3, 399),
        ]
        for (yaml, line, column) in cases {
            let started = Date()
            let error = InlineSpec.refusal(yaml, file: #filePath, line: #line)
            XCTAssertLessThan(Date().timeIntervalSince(started), 2)
            XCTAssertEqual(error?.description,
                           "demo.yaml:\(line):\(column): lists and mappings nest more than 200 levels deep — "
                               + "a lesson spec needs only a few levels; remove the extra brackets or indentation")
        }
    }

    /// Just under the limit the spec is read (and refused for its type, as a
    /// description must be text) on a 512 KiB thread: composing and freeing the
    /// nodes recurses once per level.
    func testYAMLJustUnderTheLimitIsReadOnASmallStack() {
        let depth = LessonSpecParser.maximumNesting - 10
        let yaml = spec(description: String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        let outcome = SmallStack.run(bytes: 512 * 1024) {
            do {
                _ = try InlineSpec.parse(yaml)
                return "accepted"
            } catch {
                return "\(error)"
            }
        }
        XCTAssertEqual(outcome, "demo.yaml:2:14: expected 'description' (text), found a list")
    }

    /// A committed fits.json nested past the limit is refused with its line and
    /// column before it is decoded, at ten times the limit and at 10⁵ levels.
    func testFitsJSONNestedPastTheLimitIsRefusedWithItsPlace() throws {
        let fresh = Data(#"{"m": {"sigma": 1.5}}"#.utf8)
        for depth in [10 * JSONNesting.maximumDepth, 100_000] {
            let committed = Data(("{\n  \"m\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n}").utf8)
            let started = Date()
            XCTAssertThrowsError(try FitsComparison.differences(committed: committed, fresh: fresh, relativeTolerance: 1e-9)) {
                // The object's brace is the first level, so the 64th bracket crosses.
                XCTAssertEqual("\($0)", "lists and objects nest more than 64 levels deep at line 2, column 71")
            }
            XCTAssertLessThan(Date().timeIntervalSince(started), 2)
        }
        // Brackets inside strings are text, not nesting.
        let text = Data(("{\"m\": {\"note\": \"" + String(repeating: "[", count: 1_000) + "\"}}").utf8)
        XCTAssertEqual(try FitsComparison.differences(committed: text, fresh: fresh, relativeTolerance: 1e-9).count, 2)
    }
}
