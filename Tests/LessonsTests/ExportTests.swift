import Foundation
import Support
import XCTest
@testable import Lessons

/// The files an author pastes into a course: MyST figure directives for every
/// figure, LaTeX for design matrices and coefficient tables, with the numbers
/// the lesson text quotes (Toluca: Kutner et al., Table 1.1 and §2.1).
final class ExportTests: XCTestCase {
    let catalogue = LessonCatalogue(workingDirectory: "/nonexistent")

    func exports(_ lesson: String) throws -> [String: String] {
        let prepared = try PreparedLesson(catalogue.source(for: lesson).parse())
        let drawings = try prepared.spec.figures.map { try FigureFactory.make($0, model: prepared.model(for: $0)) }
        let files = try LessonExports.files(for: prepared, drawings: drawings, formats: prepared.spec.formats)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.0, String(decoding: $0.1, as: UTF8.self)) })
    }

    func testEveryFigureOfEveryLessonHasAMySTSnippet() throws {
        for name in catalogue.names {
            let spec = try catalogue.source(for: name).parse()
            let files = try exports(name)
            for figure in spec.figures {
                let snippet = try XCTUnwrap(files["\(figure.id).myst.md"], "\(name)/\(figure.id)")
                XCTAssertTrue(snippet.hasPrefix("```{figure} \(figure.id)."), snippet)
                XCTAssertTrue(snippet.contains("\n:name: \(figure.referenceName)\n"), snippet)
                XCTAssertTrue(snippet.hasSuffix("\n```\n"), snippet)
            }
        }
    }

    /// The alt text, the figure's generated description, is a quoted YAML
    /// string because it has `:`, `=` and `+`; the caption is the body.
    func testMySTSnippetPointsAtTheAnimationAndCarriesTheCaption() throws {
        let snippet = try XCTUnwrap(try exports("probability-model")["simple-reg-prob.myst.md"])
        let caption = try XCTUnwrap(try catalogue.source(for: "probability-model").parse().figures[0].caption)
        let alt = "The fitted line of Work hours on Lot size (units), ŷ = 62.37 + 3.57x, with a normal density of "
            + "Work hours (σ̂ = 48.82) drawn sideways at Lot size (units) = 30, 60, 90 and 120, each centred on the line; "
            + "25 observations behind them."
        XCTAssertEqual(snippet, """
            ```{figure} simple-reg-prob.gif
            :name: simple-prob-fig
            :width: 760px
            :alt: "\(alt)"

            \(caption)
            ```

            """)
    }

    func testMySTEscapesMarkupInCaptions() {
        let snippet = MySTFigure(image: "a.png", name: "a", width: 700, caption: "costs $5 *each* [see] <b>")
        XCTAssertTrue(snippet.text.contains("\ncosts \\$5 \\*each\\* \\[see\\] \\<b\\>\n"), snippet.text)
        XCTAssertEqual(MySTFigure(image: "a.png", name: "a", width: 700, caption: nil).text,
                       "```{figure} a.png\n:name: a\n:width: 700px\n```\n")
    }

    func testTolucaCoefficientTableIsBooktabsWithKutnersNumbers() throws {
        let tex = try XCTUnwrap(try exports("simple-regression")["simple-reg-table.tex"])
        XCTAssertTrue(tex.contains("\\begin{tabular}{lrrrrr}\n\\toprule\n"), tex)
        // Kutner et al., §2.1–2.2 and Figure 2.2: b0 = 62.37 (s = 26.18), b1 = 3.5702
        // (s = 0.3470), T = 2.38 and 10.29, P = 0.026 and 0.000, MSE = 2384 → σ̂ = 48.82.
        // Intervals at the estimate's decimals; 62.37 and 26.18 padded to line up
        // on the point with 3.5702 and 0.3470.
        XCTAssertTrue(tex.contains("\n(Intercept) & $62.37\\phantom{00}$ & $26.18\\phantom{00}$ & $2.38$ & $0.026$ & $[8.21, 116.52]$ \\\\\n"), tex)
        // The lesson's labels name the rows.
        XCTAssertTrue(tex.contains("\nLot size & $3.5702$ & $0.3470$ & $10.29$ & $<0.001$ & $[2.8524, 4.2880]$ \\\\\n"), tex)
        XCTAssertTrue(tex.contains("$\\hat{\\sigma} = 48.82$, $R^2 = 0.822$, residual df $= 23$"), tex)
        XCTAssertTrue(tex.hasSuffix("\\bottomrule\n\\multicolumn{6}{l}{\\footnotesize $\\hat{\\sigma} = 48.82$, $R^2 = 0.822$, residual df $= 23$} \\\\\n\\end{tabular}\n"), tex)
    }

    func testDiagnosisDesignIsTheTextsBmatrix() throws {
        let tex = try XCTUnwrap(try exports("categorical-predictors")["design-diagnosis.tex"])
        XCTAssertTrue(tex.contains("% 6 rows; columns: (Intercept), diagnosispatient\n"), tex)
        // Three patients (dummy 1) then three controls (the reference, 0).
        XCTAssertTrue(tex.contains("""
            \\begin{bmatrix}
            1 & 1 \\\\
            1 & 1 \\\\
            1 & 1 \\\\
            1 & 0 \\\\
            1 & 0 \\\\
            1 & 0
            \\end{bmatrix}
            """), tex)
    }

    func testOnlyMatricesAndTablesGetLaTeX() throws {
        let files = try exports("categorical-predictors")
        XCTAssertEqual(files.keys.filter { $0.hasSuffix(".tex") }.sorted(),
                       ["design-blood-type.tex", "design-diagnosis.tex"])
    }

    func testLaTeXEscapingAndNumbers() {
        XCTAssertEqual(LaTeXText.escaped("group_b 50% & $x #1 {a} ~^\\"),
                       "group\\_b 50\\% \\& \\$x \\#1 \\{a\\} \\textasciitilde{}\\textasciicircum{}\\textbackslash{}")
        XCTAssertEqual(LaTeXText.entry(1), "1")
        XCTAssertEqual(LaTeXText.entry(-2), "-2")
        XCTAssertEqual(LaTeXText.entry(0.125), "0.125")
        XCTAssertEqual(LaTeXText.entry(1.0 / 3), "0.333333")
        XCTAssertEqual(LaTeXText.entry(1.5e-7), "1.5 \\times 10^{-7}")
        XCTAssertEqual(LaTeXText.entry(.nan), "\\mathrm{NA}")
        // Whole numbers are never rounded; others keep six significant digits.
        XCTAssertEqual(LaTeXText.entry(1_234_567), "1\\,234\\,567")
        XCTAssertEqual(LaTeXText.entry(-0.000123456789), "-1.23457 \\times 10^{-4}")
    }
}
