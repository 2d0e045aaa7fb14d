import XCTest
@testable import Lessons

/// One lesson, one set of symbols: the chapter's y, x, ŷ and β̂ unless the
/// spec's `notation:` asks for Kutner's Y, X, Ŷ or for b₀, b₁.
final class NotationTests: XCTestCase {
    private let base = """
        title: Toluca
        data: {builtin: toluca}
        models:
          m: {formula: work_hours ~ lot_size}
        figures:
          t: {kind: coefficient-table, model: m}

        """

    func testTheDefaultIsTheChaptersNotation() throws {
        // glm-framework.md writes y_{i} = \beta_{0} + \beta_{1}x_{i} + \epsilon_{i} and \hat{\beta}_{1}.
        let notation = try InlineSpec.parse(base).notation
        XCTAssertEqual(notation.response, "y")
        XCTAssertEqual(notation.fitted, "\\hat{y}")
        XCTAssertEqual(notation.predictor(), "x")
        XCTAssertEqual(notation.predictor(2), "x_{2}")
        XCTAssertEqual(notation.estimate(1), "\\hat{\\beta}_{1}")
        XCTAssertEqual(notation.expectation, "E(y)")
        XCTAssertEqual(notation.fittedEquation(intercept: "62.37", terms: [("+ 3.57", "x")]), "\\hat{y} = 62.37 + 3.57x")
    }

    func testUpperCaseAndBEstimates() throws {
        let notation = try InlineSpec.parse(base + "notation: {case: upper, estimates: b}\n").notation
        XCTAssertEqual(notation.fitted, "\\hat{Y}")
        XCTAssertEqual(notation.predictor(1), "X_{1}")
        XCTAssertEqual(notation.estimate(0), "b_{0}")
        XCTAssertEqual(notation.expectation, "E(Y)")
    }

    func testTheCoefficientTableHeaderFollowsTheNotation() throws {
        let lesson = try PreparedLesson(InlineSpec.parse(base + "notation: {estimates: b}\n"))
        let figure = try FigureFactory.make(lesson.spec.figures[0], model: lesson.models[0])
        let headers = try figure.layout().textBoxes.filter { $0.role == .tableHeader }.map(\.plainText)
        XCTAssertTrue(headers.contains("b"), "\(headers)")
        XCTAssertFalse(headers.contains("β̂"))
        XCTAssertTrue(try LaTeXCoefficientTable(lesson.models[0], level: 0.95).text.contains("Term & $b$ & SE"))
    }

    func testAPAPValuesInTheTableItsLaTeXAndTheTFigure() throws {
        // Toluca: p = 0.026 for the intercept, p < 0.001 for lot size (Kutner Figure 2.2).
        let spec = base + "  tdist: {kind: t-distribution, model: m, options: {term: (Intercept)}}\n"
            + "notation: {p-values: apa}\n"
        let lesson = try PreparedLesson(InlineSpec.parse(spec))
        let table = try FigureFactory.make(lesson.spec.figures[0], model: lesson.models[0])
        let cells = try table.layout().textBoxes.map(\.plainText)
        XCTAssertTrue(cells.contains(".026"), "\(cells)")
        XCTAssertTrue(cells.contains("< .001"), "\(cells)")
        let tex = try LaTeXCoefficientTable(lesson.models[0], level: 0.95).text
        XCTAssertTrue(tex.contains("& $.026$ &") && tex.contains("& $<.001$ &"), tex)
        let t = try FigureFactory.make(lesson.spec.figures[1], model: lesson.models[0])
        let texts = try t.layout().textBoxes.map(\.plainText)
        XCTAssertTrue(texts.contains { $0.contains("two-sided p = .026") }, "\(texts)")
    }

    func testDigitsSetTheSignificantDigitsOfEveryLabel() throws {
        // Toluca: b₀ = 62.366, b₁ = 3.5702 (Kutner Table 2.1): 62.37 + 3.57x at
        // four significant digits, 62.4 + 3.57x at three.
        let spec = base.replacingOccurrences(of: "t: {kind: coefficient-table, model: m}",
                                             with: "s: {kind: scatter-fit, model: m, options: {annotate: [equation, slope]}}")
        // At six, 3.57020 drops the zero that carries no information.
        for (digits, equation) in [(4, "ŷ = 62.37 + 3.57x"), (3, "ŷ = 62.4 + 3.57x"), (6, "ŷ = 62.3659 + 3.5702x")] {
            let lesson = try PreparedLesson(InlineSpec.parse(spec + "notation: {digits: \(digits)}\n"))
            let figure = try FigureFactory.make(lesson.spec.figures[0], model: lesson.models[0])
            let texts = try figure.layout().textBoxes.map(\.plainText)
            XCTAssertTrue(texts.contains(equation), "\(digits): \(texts)")
            XCTAssertTrue(texts.contains { $0.hasPrefix("β̂") && $0.contains("3.57") }, "\(digits): \(texts)")
            XCTAssertTrue(try lesson.spec.figures[0].altText(model: lesson.models[0]).contains(equation))
        }
        let error = InlineSpec.refusal(base + "notation: {digits: 12}\n", file: #filePath, line: #line)
        XCTAssertEqual(error?.message, "'digits' (significant digits of the numbers in figure labels) is a whole number from 2 to 8, found 12")
    }

    func testALessonCanFixTheDecimalsOfEachTableQuantity() throws {
        // Toluca (Kutner Figure 2.2): b₁ = 3.5702, s{b₁} = 0.3470, t = 10.29 by
        // default; at two, three and one decimals 3.57, 0.347 and 10.3, and the
        // interval [2.8524, 4.2880] at the estimate's two, [2.85, 4.29].
        let lesson = try PreparedLesson(InlineSpec.parse(base + "notation: {decimals: {estimates: 2, standard-errors: 3, t: 1}}\n"))
        let tex = try LaTeXCoefficientTable(lesson.models[0], level: 0.95).text
        XCTAssertTrue(tex.contains("work\\_size & $3.57$ & $0.347$ & $10.3$ & $<0.001$ & $[2.85, 4.29]$")
                      || tex.contains("lot\\_size & $3.57$ & $0.347$ & $10.3$ & $<0.001$ & $[2.85, 4.29]$"), tex)
        let cells = try FigureFactory.make(lesson.spec.figures[0], model: lesson.models[0]).layout().textBoxes.map(\.plainText)
        XCTAssertTrue(cells.contains("3.57") && cells.contains("0.347") && cells.contains("10.3"), "\(cells)")
        let error = InlineSpec.refusal(base + "notation: {decimals: {estimate: 2}}\n", file: #filePath, line: #line)
        XCTAssertEqual(error?.suggestion, "did you mean 'estimates'?")
    }

    func testAnUnknownChoiceIsRefusedWithTheChoices() {
        let error = InlineSpec.refusal(base + "notation: {case: capital}\n", file: #filePath, line: #line)
        XCTAssertEqual(error?.line, 7)
        XCTAssertEqual(error?.column, 18)
        XCTAssertEqual(error?.message, "'case' is 'lower' (y, x, ŷ: the chapter's) or 'upper' (Y, X, Ŷ), found 'capital'")
        let key = InlineSpec.refusal(base + "notation: {estimate: b}\n", file: #filePath, line: #line)
        XCTAssertEqual(key?.suggestion, "did you mean 'estimates'?")
    }
}

/// A figure's `name:` is the label a book cross-references it by.
final class FigureReferenceNameTests: XCTestCase {
    private let spec = """
        title: Toluca
        data: {builtin: toluca}
        models:
          m: {formula: work_hours ~ lot_size}
        figures:
          simple-reg:
            kind: scatter-fit
            name: simple-fig
            caption: Work hours against lot size.
          table: {kind: coefficient-table}

        """

    func testTheSnippetIsNamedAsTheChapterRefersToIt() throws {
        // The chapter refers to the figure as {numref}`simple-fig`.
        let lesson = try PreparedLesson(InlineSpec.parse(spec))
        let drawings = try lesson.spec.figures.map { try FigureFactory.make($0, model: lesson.model(for: $0)) }
        let files = Dictionary(uniqueKeysWithValues: try LessonExports.files(for: lesson, drawings: drawings, formats: [.png]))
        let snippet = String(decoding: try XCTUnwrap(files["simple-reg.myst.md"]), as: UTF8.self)
        XCTAssertTrue(snippet.contains("\n:name: simple-fig\n"), snippet)
        let table = String(decoding: try XCTUnwrap(files["table.myst.md"]), as: UTF8.self)
        XCTAssertTrue(table.contains("\n:name: table\n"), "without a name the id names it")
    }

    func testTwoFiguresMayNotShareAName() {
        let error = InlineSpec.refusal(spec.replacingOccurrences(of: "table: {kind: coefficient-table}",
                                                                 with: "table: {kind: coefficient-table, name: simple-fig}"),
                                       file: #filePath, line: #line)
        XCTAssertEqual(error?.line, 10)
        XCTAssertEqual(error?.message, "figures 'simple-reg' and 'table' have the same cross-reference name 'simple-fig'; a book could not tell which one {numref} means")
    }

    func testANameWithSpacesIsRefused() {
        let error = InlineSpec.refusal(spec.replacingOccurrences(of: "name: simple-fig", with: "name: simple fig"),
                                       file: #filePath, line: #line)
        XCTAssertEqual(error?.line, 8)
        XCTAssertEqual(error?.column, 11)
    }
}
