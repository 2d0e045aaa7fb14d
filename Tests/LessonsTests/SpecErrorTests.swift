import XCTest
@testable import Lessons

/// Each class of spec error must name the file, line and column, say what was
/// expected, and suggest a fix when one is known.
final class SpecErrorTests: XCTestCase {
    static let valid = """
        title: Demo
        data:
          builtin: toluca
        models:
          hours: work_hours ~ lot_size
        figures:
          simple-reg:
            kind: scatter-fit
            options:
              residuals: true
        """

    func parse(_ yaml: String) throws -> LessonSpec {
        try InlineSpec.parse(yaml)
    }

    func error(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> LessonError? {
        InlineSpec.refusal(yaml, file: file, line: line)
    }

    func testValidSpecParses() throws {
        let spec = try parse(Self.valid)
        XCTAssertEqual(spec.title, "Demo")
        XCTAssertEqual(spec.models.map(\.formula), ["work_hours ~ lot_size"])
        XCTAssertEqual(spec.figures.first?.kind, .scatterFit)
        XCTAssertEqual(spec.figures.first?.model, "hours")
        XCTAssertEqual(spec.figures.first?.value(ScatterFitFigure.residuals), true)
        XCTAssertEqual(spec.formats, [.png, .svg])
    }

    func testAFigureIdTooLongForAFileNameIsRefused() {
        let id = String(repeating: "f", count: 250)
        let e = error(Self.valid.replacingOccurrences(of: "  simple-reg:", with: "  \(id):"))
        XCTAssertEqual(e?.description, "demo.yaml:7:3: figure id 'ffffffffffffffffffffffff…' is 250 characters long; "
                       + "at most 200 (it becomes a file name) — choose a shorter name")
        XCTAssertNoThrow(try parse(Self.valid.replacingOccurrences(of: "  simple-reg:", with: "  \(id.prefix(200)):")))
    }

    func testMisspeltKindSuggestsNearest() {
        let e = error(Self.valid.replacingOccurrences(of: "kind: scatter-fit", with: "kind: scater-fit"))
        XCTAssertEqual(e?.description, "demo.yaml:8:11: unknown figure kind 'scater-fit' — did you mean 'scatter-fit'?")
        XCTAssertEqual(e?.category, .badSpec)
    }

    func testUnknownTopLevelKeySuggestsNearest() {
        let e = error(Self.valid.replacingOccurrences(of: "title:", with: "titel:"))
        XCTAssertEqual(e?.line, 1)
        XCTAssertEqual(e?.column, 1)
        XCTAssertEqual(e?.message, "unknown key 'titel' in the lesson spec")
        XCTAssertEqual(e?.suggestion, "did you mean 'title'?")
    }

    func testUnknownOptionSuggestsNearest() {
        let e = error(Self.valid.replacingOccurrences(of: "residuals: true", with: "residual: true"))
        XCTAssertEqual(e?.line, 10)
        XCTAssertEqual(e?.column, 7)
        XCTAssertEqual(e?.suggestion, "did you mean 'residuals'?")
    }

    func testWrongValueType() {
        let e = error(Self.valid.replacingOccurrences(of: "residuals: true", with: "residuals: often"))
        XCTAssertEqual(e?.description, "demo.yaml:10:18: expected option 'residuals' (true or false), found 'often'")
    }

    func testOptionOutOfRange() {
        let e = error(Self.valid.replacingOccurrences(of: "residuals: true", with: "width: 1000000"))
        XCTAssertEqual(e?.message, "option 'width' must be between 200 and 4000, found 1000000")
    }

    func testMissingRequiredKey() {
        let e = error(Self.valid.replacingOccurrences(of: "title: Demo\n", with: ""))
        XCTAssertEqual(e?.message, "missing required key 'title' in the lesson spec")
        XCTAssertEqual(e?.line, 1)
    }

    func testMalformedYAMLHasPosition() {
        let e = error("title: Demo\ndata:\n  builtin: [toluca\nmodels: {}\n")
        XCTAssertEqual(e?.category, .badSpec)
        XCTAssertNotNil(e?.line)
        XCTAssertTrue(e?.message.hasPrefix("this is not valid YAML") ?? false, e?.message ?? "")
    }

    func testEmptyAndBinaryAndNonMappingSpecs() {
        XCTAssertEqual(error("")?.message,
                       "the spec is empty; expected a mapping with 'title', 'data', 'models' and 'figures'")
        XCTAssertEqual(error("ti\u{0}tle")?.message, "the spec is binary, not YAML text")
        XCTAssertEqual(error("- a\n- b\n")?.message,
                       "expected the lesson spec (a mapping of keys to values), found a list")
    }

    func testUnknownModelReferenceSuggestsNearest() {
        let yaml = Self.valid.replacingOccurrences(of: "kind: scatter-fit", with: "kind: scatter-fit\n    model: hour")
        let e = error(yaml)
        XCTAssertEqual(e?.line, 9)
        XCTAssertEqual(e?.suggestion, "did you mean 'hours'?")
    }

    func testDuplicateKey() {
        let e = error(Self.valid + "\ntitle: Again")
        XCTAssertEqual(e?.line, 11)
        XCTAssertEqual(e?.column, 1)
        XCTAssertEqual(e?.description, "demo.yaml:11:1: duplicate key 'title' (first given at line 1) — keep only one")
    }

    func testUnknownFormatAndBuiltin() {
        XCTAssertEqual(error(Self.valid + "\nformats: [png, svgz]")?.suggestion, "did you mean 'svg'?")
        XCTAssertEqual(error(Self.valid.replacingOccurrences(of: "builtin: toluca", with: "builtin: tolucca"))?.suggestion,
                       "did you mean 'toluca'?")
    }

    func testFigureIdMustBeAFileName() {
        let e = error(Self.valid.replacingOccurrences(of: "simple-reg:", with: "../escape:"))
        XCTAssertEqual(e?.line, 7)
        XCTAssertTrue(e?.message.contains("may only use letters, digits") ?? false)
    }

    func testFormulaWithoutTilde() {
        let e = error(Self.valid.replacingOccurrences(of: "hours: work_hours ~ lot_size",
                                                      with: "hours: {formula: 'work_hours lot_size'}"))
        XCTAssertEqual(e?.line, 5)
        XCTAssertEqual(e?.column, 20, "points at the formula itself")
        XCTAssertEqual(e?.suggestion, "write it like 'work_hours ~ lot_size'")
    }

    func testModelWithoutAnyData() {
        let e = error(Self.valid.replacingOccurrences(of: "data:\n  builtin: toluca\n", with: ""))
        XCTAssertEqual(e?.line, 3)
        XCTAssertTrue(e?.message.hasPrefix("model 'hours' has no data") ?? false)
    }

    func testFormulaLocationPointsInsideQuotes() throws {
        let spec = try parse(Self.valid.replacingOccurrences(of: "hours: work_hours ~ lot_size",
                                                             with: "hours: {formula: \"work_hours ~ lot_size\"}"))
        XCTAssertEqual(spec.models[0].formulaLocation, SourceLocation(file: "demo.yaml", line: 5, column: 21))
    }
}
