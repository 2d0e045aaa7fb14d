import Foundation
import XCTest
@testable import Lessons

/// Checks at the spec's boundary: inline data that would poison a fit, files
/// that are not text, and spec file names that cannot name an output folder.
final class ReliabilitySpecTests: XCTestCase {
    func spec(columns: String) -> String {
        """
        title: Inline
        data:
          columns:
        \(columns)
        models:
          m: y ~ x
        figures:
          f:
            kind: scatter-fit
        """
    }

    func refusal(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> LessonError? {
        do {
            _ = try LessonSpecParser.parse(yaml: yaml, file: "inline.yaml", name: "inline", baseDirectory: nil)
            XCTFail("expected the spec to be refused", file: file, line: line)
            return nil
        } catch {
            return error as? LessonError
        }
    }

    func testNonFiniteInlineValuesAreRefusedAtTheCell() {
        for (word, column) in [(".nan", 19), (".inf", 19), ("-.inf", 19), (".NaN", 19), ("-inf", 19), ("1e999", 19)] {
            let error = refusal(spec(columns: "    x: [1, 2, 3]\n    y: [2.5, 3.5, \(word)]"))
            XCTAssertEqual(error?.message, "column 'y' holds '\(word)', which is not a finite number", word)
            XCTAssertEqual(error?.line, 5, word)
            XCTAssertEqual(error?.column, column, word)
            XCTAssertEqual(error?.category, .badSpec, word)
        }
    }

    func testAWordAmongNumbersIsRefusedButAColumnOfWordsIsCategorical() throws {
        let error = refusal(spec(columns: "    x: [1, 2, 3, 4]\n    y: [2.5, oops, 3.5, 4.5]"))
        XCTAssertEqual(error?.message, "column 'y' holds numbers but this value is not one (3 of its 4 values are numbers)")
        XCTAssertEqual(error?.column, 14)

        let parsed = try LessonSpecParser.parse(
            yaml: spec(columns: "    x: [1, 2, 3, 4]\n    y: [1, 2, 3, 5]\n    g: [a, b, '3', c]"),
            file: "inline.yaml", name: "inline", baseDirectory: nil)
        guard case .inline(let columns, _)? = parsed.data else { return XCTFail("expected inline data") }
        XCTAssertEqual(columns.map(\.name), ["x", "y", "g"])
        guard case .categorical(let labels) = columns[2].values else { return XCTFail("g must be categorical") }
        XCTAssertEqual(labels, ["a", "b", "3", "c"])
    }

    func testSpecFilesThatAreNotTextAreRefusedByName() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("glmviz-specfiles-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let binary = folder.appendingPathComponent("image.yaml")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]).write(to: binary)
        XCTAssertThrowsError(try LessonCatalogue.readFile(binary.path)) {
            XCTAssertEqual(($0 as? LessonError)?.description, "\(binary.path):1:1: the spec is binary, not YAML text")
        }
        let latin1 = folder.appendingPathComponent("latin1.yaml")
        try (Data("title: Caf".utf8) + Data([0xE9])).write(to: latin1)
        XCTAssertThrowsError(try LessonCatalogue.readFile(latin1.path)) {
            XCTAssertEqual(($0 as? LessonError)?.message, "the spec is not UTF-8 text")
        }
        for name in ["..", "."] {
            let file = folder.appendingPathComponent("\(name).yaml")
            try Data("title: T\n".utf8).write(to: file)
            XCTAssertThrowsError(try LessonCatalogue.readFile(file.path), name) {
                let error = $0 as? LessonError
                XCTAssertEqual(error?.category, .badSpec)
                XCTAssertEqual(error?.message, "the file name leaves no usable lesson name (the name becomes the output folder)")
            }
        }
    }
}

/// Hints written for `glmviz fit` must not send a spec author to options a spec
/// cannot give.
final class ReliabilityLessonHintTests: XCTestCase {
    func testCommandLineOptionsAreDroppedFromHints() {
        XCTAssertEqual(LessonError.withoutCommandLineOptions(
            "use a numeric column, or read it with --numeric g if it holds numbers"), "use a numeric column")
        XCTAssertEqual(LessonError.withoutCommandLineOptions(
            "fix the cell, leave it empty or write NA for a missing value; if the column really is categorical, declare it so (--categorical y)"),
            "fix the cell, leave it empty or write NA for a missing value")
        XCTAssertEqual(LessonError.withoutCommandLineOptions("did you mean \"x\"?"), "did you mean \"x\"?")
        XCTAssertNil(LessonError.withoutCommandLineOptions("pass --categorical y"))
        XCTAssertNil(LessonError.withoutCommandLineOptions(nil))
    }
}
