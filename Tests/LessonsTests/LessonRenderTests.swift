import Foundation
import GLM
import Plot
import XCTest
@testable import Lessons

/// Every bundled lesson renders, its numbers are the fit's, and no figure has
/// overlapping or clipped text.
final class LessonRenderTests: XCTestCase {
    var outputRoot: URL!
    let catalogue = LessonCatalogue(workingDirectory: "/nonexistent")

    override func setUpWithError() throws {
        outputRoot = FileManager.default.temporaryDirectory
            .appendingPathComponent("glmviz-render-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: outputRoot)
    }

    func prepared(_ name: String) throws -> PreparedLesson {
        try PreparedLesson(catalogue.source(for: name).parse())
    }

    func testEveryLessonRendersEveryFigureInEveryFormat() throws {
        let renderer = LessonRenderer(outputRoot: outputRoot)
        let names = catalogue.names
        let results = renderer.render(names: names, from: catalogue)
        for (name, result) in zip(names, results) {
            let rendered = try result.get()
            let spec = try catalogue.source(for: name).parse()
            // Images (a GIF only for kinds that animate), then the course exports.
            let images = spec.figures.flatMap { figure in
                spec.formats.filter { $0 != .gif || figure.kind.animates }.map { "\(figure.id).\($0.rawValue)" }
            }
            let exports = spec.figures.flatMap { figure in
                ["\(figure.id).myst.md"] + ([.designMatrix, .coefficientTable, .equation].contains(figure.kind) ? ["\(figure.id).tex"] : [])
            }
            let expected = images + exports + ["fits.json"]
            XCTAssertEqual(rendered.files, expected, name)
            for file in expected {
                let path = outputRoot.appendingPathComponent("\(name)/\(file)").path
                let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
                XCTAssertGreaterThan(size, 100, "\(name)/\(file)")
            }
        }
        // No staging folders are left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: outputRoot.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [])
    }

    func testNoFigureHasOverlappingOrClippedText() throws {
        for name in catalogue.names {
            let lesson = try prepared(name)
            for figure in lesson.spec.figures {
                let drawing = try FigureFactory.make(figure, model: lesson.model(for: figure))
                let layout = try drawing.layout()
                let overlaps = layout.overlappingText().map { "'\($0.0.text)' × '\($0.1.text)'" }
                XCTAssertEqual(overlaps, [], "\(name)/\(figure.id)")
                XCTAssertEqual(layout.textOutsideCanvas().map(\.text), [], "\(name)/\(figure.id)")
            }
        }
    }

    func testTolucaFitIsKutnersAndFitsJSONHoldsIt() throws {
        let lesson = try prepared("simple-regression")
        let fit = lesson.models[0].fit
        // Kutner, Nachtsheim, Neter & Li, Applied Linear Statistical Models, §1.6 and Table 2.1:
        // b0 = 62.37, b1 = 3.5702, MSE = 2,384, s{b1} = 0.3470, t* = 10.29.
        XCTAssertEqual(fit.coefficients[0].estimate, 62.37, accuracy: 0.005)
        XCTAssertEqual(fit.coefficients[1].estimate, 3.5702, accuracy: 0.00005)
        XCTAssertEqual(fit.sigmaSquared!, 2384, accuracy: 0.5)
        XCTAssertEqual(fit.coefficients[1].standardError!, 0.3470, accuracy: 0.00005)
        XCTAssertEqual(fit.coefficients[1].t!, 10.29, accuracy: 0.005)

        struct Report: Decodable {
            struct Row: Decodable { let term: String; let estimate: Double; let std_error: Double?; let p: Double? }
            let coefficients: [Row]
            let sigma: Double?
            let n: Int
        }
        let reports = try JSONDecoder().decode([String: Report].self, from: lesson.fitsJSON())
        let hours = try XCTUnwrap(reports["hours"])
        XCTAssertEqual(hours.coefficients.map(\.term), ["(Intercept)", "lot_size"])
        // The JSON text is the shortest decimal that reads back as the same double;
        // allow one unit in the last place for the platform's decimal reader.
        func same(_ a: Double?, _ b: Double?, _ what: String) {
            guard let a, let b else { return XCTAssertTrue(a == nil && b == nil, what) }
            XCTAssertEqual(a, b, accuracy: 2 * b.ulp, what)
        }
        for (row, coefficient) in zip(hours.coefficients, fit.coefficients) {
            same(row.estimate, coefficient.estimate, "estimate \(row.term)")
            same(row.std_error, coefficient.standardError, "SE \(row.term)")
            same(row.p, coefficient.p, "p \(row.term)")
        }
        same(hours.sigma, fit.sigma, "sigma")
        XCTAssertEqual(hours.n, 25)
    }

    func testInterpretingParametersQuotesTheTextsEstimatesExactly() throws {
        let lesson = try prepared("interpreting-parameters")
        let continuous = lesson.models.first { $0.spec.name == "continuous" }!
        let dummy = lesson.models.first { $0.spec.name == "dummy" }!
        XCTAssertEqual(continuous.estimate("dose")!, -5.344, accuracy: 1e-12)
        XCTAssertEqual(dummy.design.columnNames, ["(Intercept)", "grouppatient"])
        XCTAssertEqual(dummy.estimate("grouppatient")!, 7.940, accuracy: 1e-12)
        XCTAssertEqual(continuous.fit.sigma!, 6, accuracy: 1e-12)
    }

    func testCategoricalDesignsAreTheTextsMatrices() throws {
        let lesson = try prepared("categorical-predictors")
        let diagnosis = lesson.models.first { $0.spec.name == "diagnosis" }!.design
        XCTAssertEqual(diagnosis.columnNames, ["(Intercept)", "diagnosispatient"])
        XCTAssertEqual(diagnosis.x, Matrix(rows: [[1, 1], [1, 1], [1, 1], [1, 0], [1, 0], [1, 0]]))
        let blood = lesson.models.first { $0.spec.name == "blood-type" }!.design
        XCTAssertEqual(blood.columnNames, ["(Intercept)", "bloodA", "bloodB", "bloodAB"])
        XCTAssertEqual(blood.x.row(0), [1, 1, 0, 0])   // A
        XCTAssertEqual(blood.x.row(2), [1, 0, 1, 0])   // B
        XCTAssertEqual(blood.x.row(4), [1, 0, 0, 1])   // AB
        XCTAssertEqual(blood.x.row(6), [1, 0, 0, 0])   // O, the reference
    }

    func testRenderingIsDeterministic() throws {
        let source = try catalogue.source(for: "interpreting-parameters")
        let first = LessonRenderer(outputRoot: outputRoot.appendingPathComponent("a"))
        let second = LessonRenderer(outputRoot: outputRoot.appendingPathComponent("b"))
        let a = try first.render(source), b = try second.render(source)
        for file in a.files {
            XCTAssertEqual(try Data(contentsOf: a.directory.appendingPathComponent(file)),
                           try Data(contentsOf: b.directory.appendingPathComponent(file)), file)
        }
    }

    func testAnInvalidSpecWritesNothingAndKeepsPreviousOutputs() throws {
        let renderer = LessonRenderer(outputRoot: outputRoot)
        let good = try catalogue.source(for: "inference")
        _ = try renderer.render(good)
        let marker = outputRoot.appendingPathComponent("inference/t-distribution.png")
        let before = try Data(contentsOf: marker)

        var broken = good
        broken.text = good.text.replacingOccurrences(of: "term: grouppatient", with: "term: grouppatiant")
        XCTAssertThrowsError(try renderer.render(broken)) { error in
            XCTAssertEqual((error as? LessonError)?.category, .badSpec)
            XCTAssertEqual((error as? LessonError)?.suggestion, "did you mean 'grouppatient'?")
        }
        XCTAssertEqual(try Data(contentsOf: marker), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outputRoot.path).sorted(), ["inference", "manifest.json"])
    }

    func testFormulaErrorsPointIntoTheSpec() throws {
        var source = try catalogue.source(for: "simple-regression")
        source.text = source.text.replacingOccurrences(of: "formula: work_hours ~ lot_size", with: "formula: work_hours ~ lot_sise")
        XCTAssertThrowsError(try LessonRenderer(outputRoot: outputRoot).render(source)) { error in
            let error = error as? LessonError
            XCTAssertEqual(error?.line, 10)
            XCTAssertEqual(error?.column, 27, "the caret sits on 'lot_sise' inside the formula")
            XCTAssertEqual(error?.category, .badSpec)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: outputRoot.appendingPathComponent("simple-regression").path))
    }

    func testUnwritableOutputIsReportedAsSuch() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("glmviz-not-a-folder-\(getpid())")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        XCTAssertThrowsError(try LessonRenderer(outputRoot: file).render(catalogue.source(for: "inference"))) { error in
            XCTAssertEqual((error as? LessonError)?.category, .cannotCreateOutput)
        }
    }
}

/// Data given by path is read relative to the spec, and its problems name the CSV.
final class LessonDataTests: XCTestCase {
    func testCSVDataIsReadRelativeToTheSpecAndItsErrorsNameTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glmviz-csv-\(getpid())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = """
            title: CSV
            data: {csv: data/d.csv}
            models:
              m: y ~ x
            figures:
              f: {kind: coefficient-table}
            """
        try spec.write(to: folder.appendingPathComponent("l.yaml"), atomically: true, encoding: .utf8)
        try "x,y\n1,2\n2,4.5\n3,5.9\n4,8.2\n".write(to: folder.appendingPathComponent("data/d.csv"), atomically: true, encoding: .utf8)
        let source = try LessonCatalogue().source(for: folder.appendingPathComponent("l.yaml").path)
        let lesson = try PreparedLesson(source.parse())
        XCTAssertEqual(lesson.models[0].fit.coefficients.map(\.term), ["(Intercept)", "x"])
        // numpy.polyfit([1, 2, 3, 4], [2, 4.5, 5.9, 8.2], 1) gives slope 2.0, intercept 0.15.
        XCTAssertEqual(lesson.models[0].estimate("x")!, 2.0, accuracy: 1e-12)
        XCTAssertEqual(lesson.models[0].estimate("(Intercept)")!, 0.15, accuracy: 1e-12)

        try "x,y\n1,2\n2\n".write(to: folder.appendingPathComponent("data/d.csv"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PreparedLesson(source.parse())) { error in
            let error = error as? LessonError
            XCTAssertEqual(error?.category, .badData)
            XCTAssertEqual(error?.file, "data/d.csv")
            XCTAssertEqual(error?.line, 3)
        }

        try FileManager.default.removeItem(at: folder.appendingPathComponent("data/d.csv"))
        XCTAssertThrowsError(try PreparedLesson(source.parse())) { error in
            let error = error as? LessonError
            XCTAssertEqual(error?.category, .missingInput)
            XCTAssertEqual(error?.line, 2)
            XCTAssertEqual(error?.column, 13, "points at the path in the spec")
        }
    }
}

/// The committed `output/` must match what the lessons produce now; here the
/// fitted numbers (pixels are compared with a tolerance by `glmviz check`).
final class CommittedOutputTests: XCTestCase {
    func testCommittedFitsMatchAFreshFit() throws {
        let output = BundledLessonTests.repositoryRoot.appendingPathComponent("output")
        let catalogue = LessonCatalogue(workingDirectory: "/nonexistent")
        for name in catalogue.names {
            let committed = try JSONSerialization.jsonObject(
                with: Data(contentsOf: output.appendingPathComponent("\(name)/fits.json")))
            let fresh = try JSONSerialization.jsonObject(with: PreparedLesson(catalogue.source(for: name).parse()).fitsJSON())
            assertClose(committed, fresh, path: name)
        }
    }

    /// Walks two JSON trees; numbers agree to 1e-12 relative, everything else exactly.
    func assertClose(_ a: Any, _ b: Any, path: String, file: StaticString = #filePath, line: UInt = #line) {
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            XCTAssertEqual(Set(x.keys), Set(y.keys), "\(path): keys differ; rerun 'glmviz lesson --all'", file: file, line: line)
            for (key, value) in x { if let other = y[key] { assertClose(value, other, path: "\(path).\(key)") } }
        case let (x as [Any], y as [Any]):
            XCTAssertEqual(x.count, y.count, "\(path): lengths differ", file: file, line: line)
            for (i, pair) in zip(x, y).enumerated() { assertClose(pair.0, pair.1, path: "\(path)[\(i)]") }
        case let (x as NSNumber, y as NSNumber) where !(a is Bool):
            let u = x.doubleValue, v = y.doubleValue
            XCTAssertEqual(u, v, accuracy: 1e-12 * max(1, abs(v)), "\(path): committed \(u), fresh \(v)", file: file, line: line)
        default:
            XCTAssertEqual("\(a)", "\(b)", "\(path)", file: file, line: line)
        }
    }
}

/// The dummy-coding tables are the lesson text's tables.
final class DummyCodingTests: XCTestCase {
    func testBloodTypeTableIsTheTexts() throws {
        let lesson = try PreparedLesson(LessonCatalogue(workingDirectory: "/nonexistent")
            .source(for: "categorical-predictors").parse())
        let figure = lesson.spec.figures.first { $0.id == "dummy-blood-type" }!
        let table = try XCTUnwrap(DummyCodingFigure.make(FigureContext(figure: figure, model: lesson.model(for: figure))) as? Table)
        XCTAssertEqual(table.header, ["Blood type", "Dummy 1: A", "Dummy 2: B", "Dummy 3: AB"])
        XCTAssertEqual(table.rows, [["A", "1", "0", "0"], ["B", "0", "1", "0"], ["AB", "0", "0", "1"],
                                    ["O (reference)", "0", "0", "0"]])
    }
}
