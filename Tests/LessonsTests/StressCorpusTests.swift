import Foundation
import Plot
import XCTest
@testable import Lessons

/// Specs written as course authors write them, on data nobody tuned the
/// engine to (negative, huge and tiny values, long titles and level names,
/// three points and five thousand, tied x, extreme t and df, 500–700 px): each
/// figure must lay out with no layout violation, and so must the bundled lessons.
final class StressCorpusTests: XCTestCase {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("StressCorpus", isDirectory: true)

    /// Figures still drawn with violations, as `lesson/figure: violation`. The
    /// test fails when this list and the findings differ, in either direction,
    /// so a fix or a regression cannot go unnoticed.
    static let knownViolations: [String] = []

    func corpusFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: Self.corpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Every violation of every figure of a lesson, as `lesson/figure: violation`.
    func violations(of parsed: LessonSpec) throws -> [String] {
        let lesson = try PreparedLesson(parsed)
        return try lesson.drawings().flatMap { figure, drawing in
            try drawing.layout().violations().map { "\(parsed.name)/\(figure.id): \($0)" }
        }
    }

    func testTheCorpusCoversEveryKindAndEnoughSpecs() throws {
        let files = try corpusFiles()
        XCTAssertGreaterThanOrEqual(files.count, 30)
        var kinds = Set<FigureKind>(), widths = Set<Int>()
        for file in files {
            let spec = try parse(file)
            for figure in spec.figures {
                kinds.insert(figure.kind)
                if let width = figure.value(CommonFigureOptions.width) { widths.insert(width) }
            }
        }
        XCTAssertEqual(kinds, Set(FigureKind.allCases))
        XCTAssertEqual(widths, [500, 600, 700])
    }

    func testEveryCorpusFigureLaysOutCleanly() throws {
        var found: [String] = []
        for file in try corpusFiles() {
            do {
                found += try violations(of: parse(file))
            } catch {
                found.append("\(file.lastPathComponent): cannot be drawn: \(error)")
            }
        }
        XCTAssertEqual(found, Self.knownViolations, "\n" + found.joined(separator: "\n"))
    }

    func testEveryBundledLessonLaysOutCleanly() throws {
        let catalogue = LessonCatalogue()
        var found: [String] = []
        for name in catalogue.names {
            found += try violations(of: catalogue.source(for: name).parse())
        }
        XCTAssertEqual(found, [], "\n" + found.joined(separator: "\n"))
    }

    func parse(_ file: URL) throws -> LessonSpec {
        let name = file.deletingPathExtension().lastPathComponent
        return try LessonSpecParser.parse(yaml: String(contentsOf: file, encoding: .utf8), file: file.path, name: name,
                                          baseDirectory: Self.corpus.path)
    }
}
