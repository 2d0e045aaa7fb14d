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
    static let knownViolations: [String] = [
        "design-long-levels/design-long-levels: title \"The design matrix of a trial with four treatment arms, dummy coded against the waiting list\" leaves the canvas",
        "dummy-five-thousand/dummy-five-thousand: data label \"β̂0 + β̂1 = 52.000\" covers data mark (0.0324675, 53.7311)",
        "dummy-five-thousand/dummy-five-thousand: annotation \"β̂1 = Ȳdrug − Ȳplacebo = 2.000\" covers data mark (0.0566176, 69.9068)",
        "dummy-long-levels/dummy-long-levels: data label \"β̂0 = 42.000\" crosses the y axis line",
        "dummy-long-levels/dummy-long-levels: data label \"β̂0 + β̂1 = 49.940\" covers data mark (-0.0190105, 50.167)",
        "dummy-long-levels/dummy-long-levels: tick label \"healthy control participants = 0\" overlaps tick label \"patients with schizophrenia = 1\"",
        "dummy-long-levels/dummy-long-levels: title \"Mean symptom scores of healthy controls and of patients with schizophrenia\" leaves the canvas",
        "dummy-long-levels/dummy-long-levels: annotation \"β̂1 = Ȳpatients with schizophrenia − Ȳhealthy control participants = 7.940\" leaves the canvas",
        "dummy-long-levels/dummy-long-levels: annotation \"β̂1 = Ȳpatients with schizophrenia − Ȳhealthy control participants = 7.940\" covers data mark (0.995062, 59.9925)",
        "dummy-million/dummy-million: data label \"β̂1 = 350000.000\" leaves the canvas",
        "dummy-million/dummy-million: data label \"β̂0 = 1200000.000\" crosses the y axis line",
        "dummy-million/dummy-million: data label \"β̂0 + β̂1 = 1550000.000\" covers data mark (-0.0173874, 1.58393e+06)",
        "dummy-million/dummy-million: data label \"β̂0 + β̂1 = 1550000.000\" crosses the y axis line",
        "dummy-million/dummy-million: annotation \"β̂1 = Ȳprivate − Ȳpublic = 350000.000\" covers data mark (1.05671, 1.91204e+06)",
        "plane-long-labels/plane-long-labels: axis title \"Hours of revision in the last week\" leaves the canvas",
        "plane-long-labels/plane-long-labels: axis title \"Hours of revision in the last week\" overlaps axis title \"score\"",
        "plane-long-labels/plane-long-labels: axis title \"Hours of sleep the night before\" leaves the canvas",
        "plane-long-labels/plane-long-labels: title \"Exam score from revision time and the hours of sleep the night before the exam\" leaves the canvas",
        "plane-long-labels/plane-long-labels: title \"Exam score from revision time and the hours of sleep the night before the exam\" overlaps legend \"Fitted plane\"",
        "probability-five-thousand/probability-five-thousand: annotation \"Y ∼ 𝒩(β0 + β1x, σ)\" covers data mark (13.5363, 23.0821)",
        "probability-five-thousand/probability-five-thousand: annotation \"β̂0 = 5.000,  β̂1 = 0.7000\" overlaps legend \"E(Y) = β0 + β1x\"",
        "probability-five-thousand/probability-five-thousand: annotation \"β̂0 = 5.000,  β̂1 = 0.7000\" overlaps legend \"Normal density of Y at x\"",
        "probability-five-thousand/probability-five-thousand: annotation \"β̂0 = 5.000,  β̂1 = 0.7000\" covers data mark (16.7605, 21.5522)",
        "probability-five-thousand/probability-five-thousand: annotation \"σ̂ = 2.000\" covers data mark (13.6518, 21.28)",
        "probability-long-title/probability-long-title: title \"The normal probability model behind a simple regression of weekly sleep on daily caffeine intake\" leaves the canvas",
        "scatter-long-titles/scatter-long-titles: axis title \"Hours spent revising in the week before the examination\" leaves the canvas",
        "scatter-long-titles/scatter-long-titles: title \"How the number of hours spent revising in the week before the exam relates to the final exam score\" leaves the canvas",
        "t-small-df1/t-small-df1: data label \"observed t = 0.100\" overlaps data label \"p/2 = 0.468\"",
        "t-ten-df1/t-ten-df1: data label \"p/2 = 0.032\" crosses the y axis line",
        "t-ten-df1/t-ten-df1: data label \"p/2 = 0.032\" leaves the canvas",
        "t-ten-df2/t-ten-df2: data label \"p/2 = 0.005\" crosses the y axis line",
        "t-ten-df2/t-ten-df2: data label \"p/2 = 0.005\" leaves the canvas",
        "t-ten-df2/t-ten-df2: title \"The null distribution of t with two degrees of freedom and an observed t of ten\" leaves the canvas",
        "t-thirty-df2/t-thirty-df2: data label \"p/2 = 0.0006\" crosses the y axis line",
        "t-thirty-df2/t-thirty-df2: data label \"p/2 = 0.0006\" leaves the canvas",
    ]

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
                if let width = figure.integer("width") { widths.insert(width) }
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
