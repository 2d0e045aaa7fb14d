import Foundation
import GLM
import XCTest
@testable import Lessons

/// Numbers come out the same under a German locale (decimal comma) as under C:
/// in `glmviz fit`, `fits.json` and every figure.
final class ReliabilityLocaleTests: XCTestCase {
    /// A compiled de_DE.UTF-8 locale in a private folder (LOCPATH), so the test
    /// needs no system-wide locale generation.
    static let localeFolder: URL? = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glmviz-locales-\(getpid())")
        let compiled = folder.appendingPathComponent("de_DE.UTF-8")
        if FileManager.default.fileExists(atPath: compiled.path) { return folder }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let localedef = Process()
        localedef.executableURL = URL(fileURLWithPath: "/usr/bin/localedef")
        localedef.arguments = ["-i", "de_DE", "-f", "UTF-8", compiled.path]
        localedef.standardOutput = FileHandle.nullDevice
        localedef.standardError = FileHandle.nullDevice
        guard (try? localedef.run()) != nil else { return nil }
        localedef.waitUntilExit()
        return FileManager.default.fileExists(atPath: compiled.path) ? folder : nil
    }()

    var scratch: URL!

    override func setUpWithError() throws {
        guard Self.localeFolder != nil else {
            throw XCTSkip("localedef or the de_DE locale source is missing (Debian package 'locales')")
        }
        scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("glmviz-locale-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("lessons"),
                                                withIntermediateDirectories: true)
        try """
            x,y,g
            1.5,2.125,a
            2.25,3.875,b
            3.5,6.25,a
            4.75,8.5,b
            5.5,9.75,a
            6.25,12.5,b
            """.write(to: scratch.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        try """
            title: Locale
            data:
              csv: ../data.csv
            models:
              line: y ~ x
              groups: y ~ x + g
            figures:
              scatter:
                kind: scatter-fit
                model: line
                options:
                  title: 'slope 1.5 and $\\hat\\beta_1$'
              table:
                kind: coefficient-table
                model: groups
            formats: [png, svg, pdf]
            """.write(to: scratch.appendingPathComponent("lessons/locale.yaml"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    var german: [String: String] {
        ["LOCPATH": Self.localeFolder!.path, "LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8"]
    }

    func testTheGermanLocaleReallyUsesADecimalComma() throws {
        // Guards the tests below: they prove nothing if the locale did not load.
        let printf = Process()
        printf.executableURL = URL(fileURLWithPath: "/usr/bin/printf")
        printf.arguments = ["%.1f", "1,5"]
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in german { environment[key] = value }
        printf.environment = environment
        let pipe = Pipe()
        printf.standardOutput = pipe
        try printf.run()
        printf.waitUntilExit()
        XCTAssertEqual(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self), "1,5")
    }

    func testFitOutputIsTheSameUnderAGermanLocale() throws {
        for arguments in [["fit", "data.csv", "y ~ x + g"], ["fit", "data.csv", "y ~ x + g", "--json"]] {
            let plain = try GlmvizProcess.run(arguments, in: scratch, environment: ["LC_ALL": "C"])
            let localized = try GlmvizProcess.run(arguments, in: scratch, environment: german)
            XCTAssertEqual(plain.status, 0, plain.standardError)
            XCTAssertEqual(localized.standardOutput, plain.standardOutput, arguments.joined(separator: " "))
            XCTAssertTrue(plain.standardOutput.contains("."))
        }
    }

    func testLessonFilesAreByteIdenticalUnderAGermanLocale() throws {
        let plain = try GlmvizProcess.run(["lesson", "lessons/locale.yaml", "--out", "c"], in: scratch,
                                          environment: ["LC_ALL": "C"])
        let localized = try GlmvizProcess.run(["lesson", "lessons/locale.yaml", "--out", "de"], in: scratch,
                                              environment: german)
        XCTAssertEqual(plain.status, 0, plain.standardError)
        XCTAssertEqual(localized.status, 0, localized.standardError)
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("c/locale").path)
        XCTAssertEqual(Set(names), ["scatter.png", "scatter.svg", "scatter.pdf", "table.png", "table.svg", "table.pdf",
                                    "scatter.myst.md", "table.myst.md", "table.tex", "fits.json", ".glmviz-output.json"])
        for name in names {
            let a = try Data(contentsOf: scratch.appendingPathComponent("c/locale/\(name)"))
            let b = try Data(contentsOf: scratch.appendingPathComponent("de/locale/\(name)"))
            XCTAssertEqual(a, b, "\(name) differs between LC_ALL=C and LC_ALL=de_DE.UTF-8")
        }
    }

    /// A host program that calls setlocale (a GUI, a notebook kernel) must not
    /// change what the library writes either.
    func testTheLibraryIgnoresTheProcessLocale() throws {
        let source = try LessonCatalogue(workingDirectory: scratch.path).source(for: "locale")
        let lesson = try PreparedLesson(try source.parse())
        let figure = try FigureFactory.make(lesson.spec.figures[0], model: lesson.model(for: lesson.spec.figures[0]))
        let plainJSON = try lesson.fitsJSON()
        let plainSVG = try figure.svgData()
        func summary() throws -> String {
            let frame = try Frame.read(csv: scratch.appendingPathComponent("data.csv").path)
            let design = try Design("y ~ x + g", frame: frame)
            return DesignSummary(design: design, fit: try design.fit(), contrasts: [], source: "data.csv").text
        }
        let plainSummary = try summary()

        setenv("LOCPATH", Self.localeFolder!.path, 1)
        guard setlocale(LC_ALL, "de_DE.UTF-8") != nil else { return XCTFail("de_DE.UTF-8 did not load") }
        defer { setlocale(LC_ALL, "C"); unsetenv("LOCPATH") }
        XCTAssertEqual(String(cString: localeconv().pointee.decimal_point), ",")

        XCTAssertEqual(try lesson.fitsJSON(), plainJSON)
        let localizedSVG = try figure.svgData()
        if localizedSVG != plainSVG {
            let a = String(decoding: plainSVG, as: UTF8.self).split(separator: "\n")
            let b = String(decoding: localizedSVG, as: UTF8.self).split(separator: "\n")
            let line = zip(a, b).first { $0 != $1 }
            XCTFail("the SVG changes under de_DE: \(line.map { "\($0.0)\n  became \($0.1)" } ?? "length differs")")
        }
        XCTAssertEqual(try summary(), plainSummary)
        XCTAssertTrue(plainSummary.contains("Residual standard error: 0."), plainSummary)
        let again = try PreparedLesson(try source.parse())
        XCTAssertEqual(try again.fitsJSON(), plainJSON)
    }
}
