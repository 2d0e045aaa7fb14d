import XCTest
@testable import Lessons
import Plot

/// A lesson's `labels:` give the words a reader sees for columns, levels and
/// design columns; without them a dummy column shows its level, the variable
/// named beside it, never R's run-together `bloodAB`.
final class DisplayNamesTests: XCTestCase {
    /// The chapter's blood-type design: O the reference, A, B and AB against it.
    private let bloodType = """
        title: Blood type
        models:
          blood:
            formula: score ~ blood
            reference: {blood: O}
            levels: {blood: [A, B, AB, O]}
            data:
              columns:
                blood: [A, A, B, B, AB, AB, O, O]
                score: [11.2, 12.0, 9.4, 10.1, 13.3, 12.5, 8.6, 9.5]
                work_hours: [1, 2, 3, 4, 5, 6, 7, 8]
        figures:
          table: {kind: coefficient-table, model: blood}

        """

    func testWithoutLabelsADummyColumnShowsItsVariableAndLevel() throws {
        let model = try PreparedLesson(InlineSpec.parse(bloodType)).models[0]
        XCTAssertEqual(model.design.columnNames, ["(Intercept)", "bloodA", "bloodB", "bloodAB"])
        XCTAssertEqual((0..<4).map(model.names.term), ["(Intercept)", "blood: A", "blood: B", "blood: AB"])
        XCTAssertEqual((0..<4).map(model.names.header), ["(Intercept)", "A", "B", "AB"])
        XCTAssertEqual(model.names.variable("work_hours"), "work_hours")
    }

    func testLabelsNameColumnsLevelsAndDesignColumns() throws {
        let spec = bloodType + """
            labels:
              blood: Blood type
              bloodAB: Type AB
              score: Score
              (Intercept): Intercept
            """
        let model = try PreparedLesson(InlineSpec.parse(spec)).models[0]
        XCTAssertEqual((0..<4).map(model.names.term), ["Intercept", "Blood type: A", "Blood type: B", "Type AB"])
        XCTAssertEqual(model.names.level("AB", of: "blood"), "Type AB")
        XCTAssertEqual(model.names.variable("score"), "Score")
    }

    func testTheCoefficientTableAndItsLaTeXUseTheDisplayNames() throws {
        let lesson = try PreparedLesson(InlineSpec.parse(bloodType + "labels: {blood: Blood type}\n"))
        let figure = try FigureFactory.make(lesson.spec.figures[0], model: lesson.models[0])
        let cells = try figure.layout().textBoxes.map(\.text)
        XCTAssertTrue(cells.contains("Blood type: AB"), "\(cells)")
        XCTAssertFalse(cells.contains("bloodAB"))
        let tex = try LaTeXCoefficientTable(lesson.models[0], level: 0.95).text
        XCTAssertTrue(tex.contains("Blood type: AB &"), tex)
        // fits.json keeps R's names, for programs that compare with R.
        XCTAssertTrue(String(decoding: try lesson.fitsJSON(), as: UTF8.self).contains("\"bloodAB\""))
    }

    func testAnAxisTitleDefaultsToTheColumnsLabel() throws {
        let lesson = try PreparedLesson(InlineSpec.parse("""
            title: Toluca
            data: {builtin: toluca}
            labels: {lot_size: Lot size, work_hours: Work hours}
            models:
              m: {formula: work_hours ~ lot_size}
            figures:
              f: {kind: scatter-fit, model: m}
            """))
        let figure = try FigureFactory.make(lesson.spec.figures[0], model: lesson.models[0])
        let titles = try figure.layout().textBoxes.filter { $0.role == .axisTitle }.map(\.text)
        XCTAssertEqual(Set(titles), ["Lot size", "Work hours"])
    }

    func testALabelForNothingIsRefusedWithTheNearestName() throws {
        do {
            _ = try PreparedLesson(InlineSpec.parse(bloodType + "labels:\n  blodAB: Type AB\n"))
            XCTFail("expected a refusal")
        } catch let error as LessonError {
            XCTAssertEqual(error.line, 15)
            XCTAssertEqual(error.column, 3)
            XCTAssertTrue(error.message.contains("'blodAB'"), error.message)
            XCTAssertEqual(error.suggestion, "did you mean 'bloodAB'?")
        }
    }

    func testALabelMustBeOneLineOfText() {
        let error = InlineSpec.refusal(bloodType + "labels:\n  blood: [A, B]\n", file: #filePath, line: #line)
        XCTAssertEqual(error?.line, 15)
    }

    /// A long level sits under "Dummy j", broken between words, so its column
    /// is as narrow as its words allow.
    func testALongLevelIsWrappedUnderItsDummyHeader() throws {
        XCTAssertEqual(DummyCodingFigure.wrapped("selective serotonin reuptake inhibitor", width: 18),
                       "selective\nserotonin reuptake\ninhibitor")
        XCTAssertEqual(DummyCodingFigure.wrapped("supercalifragilisticexpialidocious", width: 18), "supercalifragilisticexpialidocious")
        let lesson = try PreparedLesson(InlineSpec.parse("""
            title: Arms
            models:
              m:
                formula: y ~ arm
                reference: {arm: waiting list control}
                data:
                  columns:
                    arm: [waiting list control, waiting list control, cognitive behavioural therapy, cognitive behavioural therapy]
                    y: [1, 2, 4, 5]
            figures:
              coding: {kind: dummy-coding}
            """))
        let table = try XCTUnwrap(try FigureFactory.make(lesson.spec.figures[0], model: lesson.models[0]) as? Table)
        XCTAssertEqual(table.header, ["arm", "Dummy 1:\ncognitive\nbehavioural\ntherapy"])
        XCTAssertEqual(try table.layout().violations(), [])
    }
}
