import Foundation
import XCTest
@testable import Lessons

/// The lessons in `lessons/` are the course; the copies bundled in the binary
/// must match them, and every one must parse and find its data.
final class BundledLessonTests: XCTestCase {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let expectedFigures: [String: [String]] = [
        "simple-regression": ["simple-reg", "simple-reg-table", "simple-reg-residuals"],
        "probability-model": ["simple-reg-prob"],
        "multiple-regression": ["reg-plane"],
        "interpreting-parameters": ["reg-continuous", "reg-dummy"],
        "categorical-predictors": ["dummy-diagnosis", "design-diagnosis", "design-blood-type", "dummy-blood-type", "means-blood-type", "orthogonality-blood-type"],
        "inference": ["t-distribution"],
        "fmri-whole-brain": ["slice-map", "slice-map-fdr", "slice-peak", "brain-map", "brain-vt"],
        "fmri-events-to-regressors": ["nitime-hrf", "nitime-convolution", "nitime-design", "nitime-fit", "nitime-autocorrelation"],
        "fmri-block-design": ["haxby-convolution", "haxby-design", "haxby-fit", "haxby-autocorrelation", "haxby-table"],
        "glm-equations": ["simple-regression-model", "probability-model", "multiple-regression-model", "hypotheses", "system-of-equations", "matrix-form", "prediction", "data-prediction-error", "dummy-design", "estimation", "estimates-diagnosis"],
    ]

    /// The compiled-in lessons and datasets are generated from `lessons/` and
    /// `data/`; this fails while the generated file is stale.
    func testEmbeddedCopiesMatchTheLessonsFolder() throws {
        let folder = Self.repositoryRoot.appendingPathComponent("lessons")
        let local = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        XCTAssertEqual(BundledResources.lessonNames, local, "run scripts/embed-lessons")
        for name in local {
            let text = try String(contentsOf: folder.appendingPathComponent("\(name).yaml"), encoding: .utf8)
            XCTAssertEqual(BundledResources.lessonText(named: name), text, "\(name).yaml differs from its embedded copy: run scripts/embed-lessons")
        }
    }

    func testEmbeddedDatasetsMatchTheDataFolder() throws {
        let folder = Self.repositoryRoot.appendingPathComponent("data")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }.sorted()
        XCTAssertEqual(BundledResources.datasetNames, names, "run scripts/embed-lessons")
        XCTAssertEqual(Set(names), Set(DataSpec.builtinNames), "every bundled dataset is a 'builtin' name")
        for name in names {
            let bytes = try Data(contentsOf: folder.appendingPathComponent("\(name).csv"))
            XCTAssertEqual(BundledResources.dataset(named: name), bytes, "data/\(name).csv differs: run scripts/embed-lessons")
        }
    }

    func testEveryLessonParsesWithTheExpectedFigures() throws {
        XCTAssertEqual(Set(BundledResources.lessonNames), Set(Self.expectedFigures.keys))
        for (name, figures) in Self.expectedFigures {
            let spec = try LessonCatalogue(workingDirectory: "/nonexistent").source(for: name).parse()
            XCTAssertEqual(spec.figures.map(\.id), figures, name)
            XCTAssertFalse(spec.title.isEmpty)
            XCTAssertTrue(spec.figures.allSatisfy { ($0.caption ?? "").count > 40 }, "\(name) needs captions")
        }
    }

    func testEveryModelFindsItsData() throws {
        for name in BundledResources.lessonNames {
            let spec = try LessonCatalogue(workingDirectory: "/nonexistent").source(for: name).parse()
            for model in spec.models {
                let frame = try DataResolver.frame(for: model, in: spec)
                XCTAssertGreaterThan(frame.rowCount, 2, "\(name)/\(model.name)")
            }
        }
    }

    func testTolucaIsKutnersTable() throws {
        let spec = try LessonCatalogue(workingDirectory: "/nonexistent").source(for: "simple-regression").parse()
        let frame = try DataResolver.frame(for: spec.models[0], in: spec)
        // Kutner et al., Table 1.1: 25 runs, lot sizes 20–120, mean hours 312.28.
        XCTAssertEqual(frame.rowCount, 25)
        XCTAssertEqual(frame["lot_size"]?.numericValues?.min(), 20)
        XCTAssertEqual(frame["lot_size"]?.numericValues?.max(), 120)
        XCTAssertEqual(frame["work_hours"]!.numericValues!.reduce(0, +) / 25, 312.28, accuracy: 1e-9)
    }

    func testDiagnosisDataIsThreePatientsThenThreeControls() throws {
        let spec = try LessonCatalogue(workingDirectory: "/nonexistent").source(for: "categorical-predictors").parse()
        let frame = try DataResolver.frame(for: spec.model(named: "diagnosis")!, in: spec)
        XCTAssertEqual((0..<6).map { frame["diagnosis"]?.label(at: $0) },
                       ["patient", "patient", "patient", "control", "control", "control"])
        let blood = try DataResolver.frame(for: spec.model(named: "blood-type")!, in: spec)
        XCTAssertEqual(blood["blood"]?.levels, ["A", "B", "AB", "O"], "the model's level order, not R's sorted one")
        XCTAssertEqual(spec.model(named: "blood-type")?.levelOrder["blood"], ["A", "B", "AB", "O"])
        XCTAssertEqual(spec.model(named: "blood-type")?.referenceLevels["blood"], "O")
    }

    func testLocalLessonsFolderTakesPrecedence() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("glmviz-catalogue-\(getpid())")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("lessons"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try SpecErrorTests.valid.replacingOccurrences(of: "title: Demo", with: "title: Local override")
            .write(to: directory.appendingPathComponent("lessons/inference.yaml"), atomically: true, encoding: .utf8)
        let catalogue = LessonCatalogue(workingDirectory: directory.path)
        let source = try catalogue.source(for: "inference")
        XCTAssertEqual(try source.parse().title, "Local override")
        // Messages name it from the working directory (the package here).
        XCTAssertEqual(source.file, directory.appendingPathComponent("lessons/inference.yaml").standardizedFileURL.path)
        XCTAssertFalse(source.isBundled)
        XCTAssertTrue(try catalogue.source(for: "simple-regression").isBundled)
    }

    func testUnknownLessonSuggestsNearest() {
        XCTAssertThrowsError(try LessonCatalogue(workingDirectory: "/nonexistent").source(for: "simple-regresion")) { error in
            XCTAssertEqual((error as? LessonError)?.category, .missingInput)
            XCTAssertEqual((error as? LessonError)?.suggestion, "did you mean 'simple-regression'?")
        }
        XCTAssertThrowsError(try LessonCatalogue().source(for: "/nonexistent/x.yaml")) { error in
            XCTAssertEqual((error as? LessonError)?.category, .missingInput)
        }
    }
}

/// The full example in docs/lesson-spec.md must stay a working spec that
/// gives the numbers its captions quote.
final class DocumentedExampleTests: XCTestCase {
    func testTheFullExampleParsesAndQuotesItsEstimatesExactly() throws {
        let doc = try String(contentsOf: BundledLessonTests.repositoryRoot.appendingPathComponent("docs/lesson-spec.md"),
                             encoding: .utf8)
        let start = try XCTUnwrap(doc.range(of: "```yaml\n"))
        let end = try XCTUnwrap(doc.range(of: "\n```", range: start.upperBound..<doc.endIndex))
        let yaml = String(doc[start.upperBound..<end.lowerBound])
        let spec = try LessonSpecParser.parse(yaml: yaml, file: "lesson-spec.md", name: "example", baseDirectory: nil)
        let lesson = try PreparedLesson(spec)
        XCTAssertEqual(lesson.models[0].estimate("dose")!, -5.344, accuracy: 1e-12)
        XCTAssertEqual(lesson.models[1].estimate("grouppatient")!, 7.940, accuracy: 1e-12)
    }
}
