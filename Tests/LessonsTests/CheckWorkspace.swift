import Foundation
import Plot
import XCTest
import Support
@testable import Lessons

/// A throwaway course folder: `lessons/`, a committed `output/` rendered from
/// them, and a scratch folder for the check's fresh renders. Tests change the
/// committed outputs or the specs and check again; the repository's own
/// `output/` is never touched.
struct CheckWorkspace {
    let root: URL
    var lessons: URL { root.appendingPathComponent("lessons") }
    var output: URL { root.appendingPathComponent("output") }
    var catalogue: LessonCatalogue { LessonCatalogue(workingDirectory: root.path) }

    /// The Toluca data as a local CSV (so a test can change one value) with one
    /// scatter figure and one table. The course's `lessons/` also holds a copy
    /// of every bundled lesson, as a course built on them would.
    static let tolucaSpec = """
        title: Toluca from a local file
        data:
          csv: toluca.csv
        models:
          hours:
            formula: work_hours ~ lot_size
        figures:
          scatter:
            kind: scatter-fit
            model: hours
          table:
            kind: coefficient-table
            model: hours
        formats: [png, svg]

        """

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("glmviz-check-\(getpid())-\(UInt32.random(in: 0...UInt32.max))", isDirectory: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("lessons"), withIntermediateDirectories: true)
        try Self.tolucaSpec.write(to: lessons.appendingPathComponent("toluca-local.yaml"), atomically: true, encoding: .utf8)
        try XCTUnwrap(BundledResources.dataset(named: "toluca")).write(to: lessons.appendingPathComponent("toluca.csv"))
        for name in BundledResources.lessonNames {
            try XCTUnwrap(BundledResources.lessonText(named: name))
                .write(to: lessons.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8)
        }
        // The scanner images the fMRI lessons on volumes read (`../data/…`), as a course built on them keeps them.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("data"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: BundledLessonTests.repositoryRoot.appendingPathComponent("data/haxby2001-sub001"),
                                         to: root.appendingPathComponent("data/haxby2001-sub001"))
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Renders `names` (every lesson when nil) into the committed `output/`.
    func render(_ names: [String]? = nil) throws {
        let names = names ?? catalogue.names
        for result in LessonRenderer(outputRoot: output).render(names: names, from: catalogue) { _ = try result.get() }
    }

    func check(_ names: [String]? = nil, options: CheckOptions = CheckOptions()) -> CheckResult {
        let scratch = root.appendingPathComponent("fresh-\(UInt32.random(in: 0...UInt32.max))", isDirectory: true)
        return OutputChecker(outputRoot: output, options: options).check(names: names, catalogue: catalogue, scratch: scratch)
    }

    func url(_ relative: String) -> URL { output.appendingPathComponent(relative) }

    func image(_ relative: String) throws -> RGBAImage { try RGBAImage(contentsOf: url(relative)) }

    func write(_ image: RGBAImage, to relative: String) throws {
        try AtomicFile.write(image.pngData(), to: url(relative))
    }

    /// Replaces the first occurrence of `old` in a text file.
    func edit(_ file: URL, replacing old: String, with new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let range = try XCTUnwrap(text.range(of: old), "'\(old)' is not in \(file.lastPathComponent)")
        try text.replacingCharacters(in: range, with: new).write(to: file, atomically: true, encoding: .utf8)
    }
}

extension CheckResult {
    /// Problems as `kind file [figures]`, the parts a test asserts on.
    var summaries: [String] {
        problems.map { "\($0.kind.rawValue) \($0.file) [\($0.figures.joined(separator: ","))]" }
    }
}
