import Foundation
import XCTest

/// The layout verifier on the command line: `glmviz lesson` warns and exits 0,
/// `--layout-report` writes every figure's text boxes, and `glmviz check`
/// fails on a figure whose text collides, naming lesson, figure and both items.
final class LayoutCommandTests: XCTestCase {
    var folder: ScratchFolder!

    override func setUpWithError() throws {
        folder = try ScratchFolder()
        // Every cell number forced onto cells far narrower than the numbers.
        try folder.write(Data("""
            title: A crowded design matrix
            models:
              m:
                formula: y ~ x
                data:
                  generate:
                    n: 60
                    seed: 3
                    sigma: 1
                    predictors:
                      x: {distribution: normal, mean: 1000000, sd: 250000}
                    beta: {(Intercept): 1, x: 0.5}
            figures:
              crowded:
                kind: design-matrix
                options: {numbers: always, width: 300, height: 300}
                caption: Every number printed, whatever the room.
            formats: [png]

            """.utf8), to: "lessons/crowded.yaml")
    }

    override func tearDown() { folder.remove() }

    func testLessonWarnsAndWritesTheReportAndCheckFails() throws {
        let render = try GlmvizProcess.run(["lesson", "crowded", "--layout-report", "layout.json"], in: folder.url)
        XCTAssertEqual(render.status, 0, render.output)
        let warning = try XCTUnwrap(render.standardError.split(separator: "\n").first)
        XCTAssertTrue(warning.hasPrefix("warning: lesson crowded, figure crowded: cell number \""), String(warning))
        XCTAssertTrue(warning.contains("\" overlaps cell number \""), String(warning))

        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.url.appendingPathComponent("layout.json")))
        let figures = try XCTUnwrap(report as? [[String: Any]])
        XCTAssertEqual(figures.count, 1)
        let figure = figures[0]
        XCTAssertEqual(figure["lesson"] as? String, "crowded")
        XCTAssertEqual(figure["figure"] as? String, "crowded")
        XCTAssertEqual(figure["width"] as? Double, 300)
        let items = try XCTUnwrap(figure["items"] as? [[String: Any]])
        XCTAssertTrue(items.contains { $0["role"] as? String == "matrix label" && $0["text"] as? String == "x" })
        for item in items { XCTAssertEqual((item["bbox"] as? [Double])?.count, 4, "\(item)") }
        XCTAssertFalse((figure["violations"] as? [String] ?? []).isEmpty)

        let check = try GlmvizProcess.run(["check"], in: folder.url)
        XCTAssertEqual(check.status, 1, check.output)
        XCTAssertTrue(check.standardOutput.contains("layout: output/crowded/crowded (figure crowded): lesson crowded, figure crowded: cell number"),
                      check.output)
    }
}
