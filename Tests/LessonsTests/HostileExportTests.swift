import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GLM
import Plot
import Support
import XCTest
@testable import Lessons

/// Names that are TeX, HTML or Markdown, written through every exporter. The
/// LaTeX exports are also compiled with `pdflatex -no-shell-escape` where TeX
/// Live is installed (scripts/install-deps installs it): the run must succeed,
/// read no file a name names, run nothing, and the PDF must show each name as
/// typed.
final class HostileExportTests: XCTestCase {
    /// Defined by the wrapper document as an error: if any name text were read
    /// as TeX, compiling would stop with it.
    static let tripwire = "\\glmvizinjected"

    static let formula = "y ~ x\n\(tripwire)\n\\input{/etc/hostname}\r\\write18{touch pwned}\u{2028}\\immediate\\write18{touch pwned2}"

    static let columnNames = [
        "(Intercept)", "\\input{/etc/hostname}", "\\write18{touch pwned}", "a\n\(tripwire)", "b\r\(tripwire)",
        "50% & $x$ #1 {a} ~^_", "[5pt]*", "^^5c\(tripwire.dropFirst())", "x--y ``q'' <b>|</b>",
        "\u{0}\u{1B}\u{7F}\u{85}", "c\u{0C}\(tripwire)", "} \(tripwire) {",
    ]

    /// A small design with these names: 16 rows, each column a different
    /// pattern, y close to 1 + 2·(second column).
    static func fit(level: Double = 0.95) throws -> Fit {
        let n = 16, p = columnNames.count
        var columns = [[Double]](repeating: [], count: p)
        for j in 0..<p {
            columns[j] = (0..<n).map { i -> Double in
                if j == 0 { return 1 }
                let pattern = (i * (j + 3) + j * j) % 7
                return Double(pattern) + Double(i * j) / 10
            }
        }
        let y = (0..<n).map { i -> Double in 1 + 2 * columns[1][i] + Double((i * 5) % 3) / 10 }
        return try Fit(x: Matrix(columns: columns), y: y, columnNames: columnNames, hasIntercept: true, confidenceLevel: level)
    }

    static func designMatrix() -> String {
        LaTeXDesignMatrix(modelName: "m\n\(tripwire)", formula: formula, columnNames: columnNames,
                          rows: [[1, 0.5, -2, 1.5e-7, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]]).text
    }

    static func coefficientTable() throws -> String {
        let fit = try fit()
        return LaTeXCoefficientTable(modelName: "m\r\(tripwire)", formula: formula, level: 0.9, fit: fit,
                                     intervals: try Self.fit(level: 0.9)).text
    }

    // MARK: without TeX

    func testNameTextOnlyEverStandsInCommentsOrEscaped() throws {
        for tex in [Self.designMatrix(), try Self.coefficientTable()] {
            let lines = tex.components(separatedBy: "\n")
            // Only LF ends a line in what we write; no CR or other break survives.
            XCTAssertFalse(tex.unicodeScalars.contains { [0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains($0.value) })
            XCTAssertFalse(tex.contains("\u{0}"))
            for line in lines where !line.hasPrefix("%") {
                XCTAssertFalse(line.contains(Self.tripwire), line)
                XCTAssertFalse(line.contains("\\input"), line)
                XCTAssertFalse(line.contains("\\write18"), line)
            }
        }
    }

    func testDesignMatrixCommentsHoldTheFormulaOnOneLine() {
        let lines = Self.designMatrix().components(separatedBy: "\n")
        XCTAssertEqual(lines[0], "% Design matrix X of model 'm \\glmvizinjected': y ~ x \\glmvizinjected \\input{/etc/hostname} "
                       + "\\write18{touch pwned} \\immediate\\write18{touch pwned2}")
        XCTAssertTrue(lines[1].hasPrefix("% 2 rows; columns: (Intercept), \\input{/etc/hostname}, \\write18{touch pwned}, a \\glmvizinjected, "), lines[1])
        XCTAssertEqual(lines[2], "% Needs \\usepackage{amsmath}.")
        XCTAssertEqual(lines[3], "\\setcounter{MaxMatrixCols}{12}")
    }

    func testCoefficientTableEscapesTermNames() throws {
        let tex = try Self.coefficientTable()
        XCTAssertTrue(tex.hasPrefix("% Fitted coefficients of model 'm \\glmvizinjected': y ~ x \\glmvizinjected"), tex)
        XCTAssertTrue(tex.contains("\n\\textbackslash{}input\\{/etc/hostname\\} & $"), tex)
        XCTAssertTrue(tex.contains("\na \\textbackslash{}glmvizinjected & $"), tex)
        XCTAssertTrue(tex.contains("\n{[}5pt{]}{*} & $"), tex)
        XCTAssertTrue(tex.contains("\n\\} \\textbackslash{}glmvizinjected \\{ & $"), tex)
        XCTAssertTrue(tex.contains("90\\,\\% CI"), tex)
    }

    func testMySTAndHTMLFromHostileCaptions() {
        let caption = "ok\n:name: evil\n```\n\n# title\n</figure><script>x</script>"
        let snippet = MySTFigure(image: "f.png", name: "f", width: 10, caption: caption).text
        XCTAssertEqual(snippet, """
            ```{figure} f.png
            :name: f
            :width: 10px
            :alt: "ok :name: evil ``` # title </figure><script>x</script>"

            ok :name: evil \\`\\`\\` \\# title \\</figure\\>\\<script\\>x\\</script\\>
            ```

            """)
    }

    /// Figure labels are Plot's TeX subset: a name must come out of it as typed
    /// (Pango markup escaped), not as math and not with doubled backslashes.
    func testNamesInFigureLabelsPrintAsTyped() throws {
        for name in ["a\\b", "$x$", "\\$", "cost $5 \\input{x}", "a\\"] {
            XCTAssertEqual(try TeX.markup(CoefficientTableFigure.texEscaped(name)), XMLText.escaped(name), name)
        }
    }

    /// cairo draws text in an SVG as glyph outlines, and glmviz writes nothing
    /// into the SVG itself but renumbered ids: names never appear as text, and
    /// the file stays well-formed XML.
    func testSVGHoldsNoNameText() throws {
        let name = "]]></svg><script>alert(1)</script>\u{0}&amp;"
        let table = Table(title: CoefficientTableFigure.texEscaped(name), header: ["Term"],
                          rows: [[CoefficientTableFigure.texEscaped(name)]])
        let svg = try table.sized().svgData()
        let text = String(decoding: svg, as: UTF8.self)
        for fragment in ["script", "alert", "]]>", "&amp;amp;"] {
            XCTAssertFalse(text.contains(fragment), fragment)
        }
        let parser = XMLParser(data: Data(svg))
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }

    // MARK: with TeX Live

    /// The bundled lessons' LaTeX and the hostile exports above, each compiled.
    func testEveryLaTeXExportCompilesAndNoNameRunsAsTeX() throws {
        guard let pdflatex = Self.which("pdflatex") else {
            throw XCTSkip("pdflatex is not on PATH; scripts/install-deps installs texlive-latex-base and texlive-latex-recommended")
        }
        var exports: [(String, String)] = [("hostile-design", Self.designMatrix()), ("hostile-table", try Self.coefficientTable())]
        let catalogue = LessonCatalogue(workingDirectory: "/nonexistent")
        for name in catalogue.names {
            let prepared = try PreparedLesson(catalogue.source(for: name).parse())
            let drawings = try prepared.spec.figures.map { try FigureFactory.make($0, model: prepared.model(for: $0)) }
            for (file, data) in try LessonExports.files(for: prepared, drawings: drawings, formats: prepared.spec.formats)
            where file.hasSuffix(".tex") {
                exports.append(("\(name)/\(file)", String(decoding: data, as: UTF8.self)))
            }
        }
        XCTAssertGreaterThanOrEqual(exports.count, 5)
        for (label, tex) in exports {
            let run = try Self.compile(tex, pdflatex: pdflatex)
            defer { try? FileManager.default.removeItem(at: run.directory) }
            XCTAssertEqual(run.status, 0, "\(label): pdflatex failed\n\(run.log.suffix(1500))")
            XCTAssertFalse(run.filesRead.contains("/etc/hostname"), "\(label): a name was \\input")
            XCTAssertFalse(run.log.contains("runsystem"), "\(label): a name reached \\write18")
            for file in ["pwned", "pwned2"] {
                XCTAssertFalse(FileManager.default.fileExists(atPath: run.directory.appendingPathComponent(file).path), label)
            }
            if label.hasPrefix("hostile-table"), let text = run.pdfText {
                // Every term prints as typed (pdftotext splits table cells by spaces).
                for name in ["\\input{/etc/hostname}", "\\write18{touch pwned}", "50% & $x$ #1 {a} ~^_", "[5pt]*",
                             "a \\glmvizinjected", "x--y ``q'' <b>|</b>", "} \\glmvizinjected {"] {
                    XCTAssertTrue(text.contains(name), "\(label): \(name.debugDescription) not in the PDF text:\n\(text)")
                }
            }
        }
    }

    struct Compilation {
        var directory: URL
        var status: Int32
        var log: String
        /// Every file TeX opened for reading, from its `-recorder` list.
        var filesRead: String
        /// The PDF's text, when pdftotext is installed; spaces folded.
        var pdfText: String?
    }

    /// The wrapper a course would use: T1 fonts so `\`, `{`, `<` are real glyphs
    /// in the PDF text, the packages the exports ask for, and the tripwire.
    static let wrapper = """
        \\documentclass{article}
        \\usepackage[T1]{fontenc}
        \\usepackage{amsmath}
        \\usepackage{booktabs}
        \\input{glyphtounicode}\\pdfgentounicode=1
        \\newcommand\\glmvizinjected{\\GenericError{}{glmviz test: text from a name was read as TeX}{}{}}
        \\begin{document}
        \\input{export}
        \\end{document}

        """

    static func compile(_ tex: String, pdflatex: String) throws -> Compilation {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glmviz-tex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(tex.utf8).write(to: directory.appendingPathComponent("export.tex"))
        try Data(wrapper.utf8).write(to: directory.appendingPathComponent("main.tex"))
        let status = try run(pdflatex, ["-no-shell-escape", "-halt-on-error", "-interaction=nonstopmode", "-recorder", "main.tex"],
                             in: directory)
        let log = (try? String(contentsOf: directory.appendingPathComponent("main.log"), encoding: .isoLatin1)) ?? ""
        let files = (try? String(contentsOf: directory.appendingPathComponent("main.fls"), encoding: .isoLatin1)) ?? ""
        var text: String?
        if status == 0, let pdftotext = which("pdftotext"),
           try run(pdftotext, ["-enc", "UTF-8", "main.pdf", "main.txt"], in: directory) == 0 {
            let raw = (try? String(contentsOf: directory.appendingPathComponent("main.txt"), encoding: .utf8)) ?? ""
            text = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        return Compilation(directory: directory, status: status, log: log, filesRead: files, pdfText: text)
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], in directory: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static func which(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
