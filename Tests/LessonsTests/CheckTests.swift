import Foundation
import Plot
import XCTest
@testable import Lessons

/// `glmviz check` on a rendered course: each way committed outputs go wrong is
/// reported against the right lesson, figure and file, and nothing else is.
final class CheckTests: XCTestCase {
    var workspace: CheckWorkspace!

    override func setUpWithError() throws {
        workspace = try CheckWorkspace()
        try workspace.render()
    }

    override func tearDown() { workspace.remove() }

    func testUntouchedTreePassesAndARenderOnTheSameMachineIsByteIdentical() throws {
        let result = workspace.check()
        XCTAssertEqual(result.summaries, [])
        XCTAssertTrue(result.passed)
        XCTAssertEqual(result.exitStatus, 0)
        XCTAssertEqual(result.lessons, workspace.catalogue.names)
        XCTAssertGreaterThan(result.filesCompared, 20)
        XCTAssertEqual(result.filesIdentical, result.filesCompared, "same machine, same bytes")
        // The fresh render's manifest is the committed one, byte for byte.
        XCTAssertEqual(try Data(contentsOf: result.freshRoot.appendingPathComponent("manifest.json")),
                       try Data(contentsOf: workspace.url("manifest.json")))
    }

    func testAlteredPNGFailsNamingItsFigureWithTheShareOfPixelsAndLargestDelta() throws {
        var image = try workspace.image("toluca-local/scatter.png")
        // An 80×80 black square (40×40 display pixels at density 2): what a
        // moved legend or a new mark looks like.
        for y in 100..<180 { for x in 200..<280 { let i = (y * image.width + x) * 4; image.pixels.replaceSubrange(i..<i + 4, with: [0, 0, 0, 255]) } }
        try workspace.write(image, to: "toluca-local/scatter.png")

        let result = workspace.check()
        XCTAssertEqual(result.summaries, ["differs toluca-local/scatter.png [scatter]"])
        XCTAssertEqual(result.exitStatus, 1)
        let message = result.problems[0].message
        let share = 100 * Double(6400) / Double(image.width * image.height)
        XCTAssertTrue(message.hasPrefix(String(format: "%.2f%% of pixels differ, max Δ 255", share))
                      || message.hasPrefix(String(format: "%.1f%% of pixels differ, max Δ 255", share)), message)
        let diff = try XCTUnwrap(result.diffImages["toluca-local"]?["scatter.diff.png"])
        // The square is ink the committed image has and the fresh render has
        // not: removed, vermilion (213, 94, 0), not the blue of added ink.
        XCTAssertEqual(diff[220, 120].0, 213, "removed ink is vermilion in the diff image")
        XCTAssertEqual(diff[220, 120].1, 94)
        XCTAssertEqual(diff[220, 120].2, 0)
    }

    func testDeletedSVGIsReportedMissing() throws {
        try FileManager.default.removeItem(at: workspace.url("simple-regression/simple-reg.svg"))
        let result = workspace.check()
        XCTAssertEqual(result.summaries, ["missing simple-regression/simple-reg.svg [simple-reg]"])
    }

    func testAChangedDataValueFailsTheFiguresItFeedsAndMarksTheLessonStale() throws {
        // Run 2 of Kutner's Table 1.1 took 121 hours; make it 321.
        try workspace.edit(workspace.lessons.appendingPathComponent("toluca.csv"), replacing: "30,121", with: "30,321")
        let result = workspace.check()
        XCTAssertEqual(result.summaries, [
            "stale toluca-local []",
            "differs toluca-local/scatter.png [scatter]",
            "differs toluca-local/scatter.svg [scatter]",
            "differs toluca-local/table.png [table]",
            "differs toluca-local/table.svg [table]",
            // The MyST snippets' alt texts state the fit; the table's LaTeX holds the numbers.
            "differs toluca-local/scatter.myst.md [scatter]",
            "differs toluca-local/table.myst.md [table]",
            "differs toluca-local/table.tex [table]",
            "differs toluca-local/fits.json [scatter,table]",
        ])
        XCTAssertTrue(result.problems[0].message.contains("lessons/toluca-local.yaml or its data changed"), result.problems[0].message)
        XCTAssertTrue(result.problems[1].message.contains("of pixels differ"), result.problems[1].message)
        // Kutner's b0 = 62.37 is what the committed numbers hold.
        XCTAssertTrue(result.problems[8].message.hasPrefix("model 'hours' coefficients[(Intercept)].estimate is 62.3658"),
                      result.problems[8].message)
    }

    func testASpecEditThatChangesNoOutputIsStale() throws {
        try workspace.edit(workspace.lessons.appendingPathComponent("toluca-local.yaml"),
                           replacing: "title: Toluca from a local file", with: "title: Toluca, from a local file")
        let result = workspace.check(["toluca-local"])
        XCTAssertEqual(result.summaries, ["stale toluca-local []"])
        XCTAssertEqual(result.filesIdentical, result.filesCompared)
    }

    func testOrphanedFilesFoldersAndManifestEntriesAreReported() throws {
        try Data("old".utf8).write(to: workspace.url("inference/t-distribution-old.png"))
        try FileManager.default.createDirectory(at: workspace.url("retired-lesson"), withIntermediateDirectories: false)
        try ManifestStore(root: workspace.output).update { manifest in
            manifest.lessons["retired-lesson"] = manifest.lessons["inference"]
        }
        let result = workspace.check()
        XCTAssertEqual(result.summaries, [
            "orphaned inference/t-distribution-old.png []",
            "orphaned retired-lesson []",
            "manifest manifest.json []",
        ])
        XCTAssertTrue(result.problems[2].message.contains("'retired-lesson', which is no longer a lesson"))
    }

    func testAChangedFittedNumberNamesTheModelKeyPathAndItsFigures() throws {
        try workspace.edit(workspace.url("simple-regression/fits.json"), replacing: "\"estimate\" : 3.57", with: "\"estimate\" : 3.58")
        let result = workspace.check()
        XCTAssertEqual(result.summaries, ["differs simple-regression/fits.json [simple-reg,simple-reg-residuals,simple-reg-table]"])
        XCTAssertTrue(result.problems[0].message.hasPrefix("model 'hours' coefficients[lot_size].estimate is 3.58"),
                      result.problems[0].message)
        XCTAssertTrue(result.problems[0].line(outputRoot: "output").hasPrefix(
            "differs: output/simple-regression/fits.json (figures simple-reg, simple-reg-residuals, simple-reg-table): model 'hours'"))
        // The review page lists every number that changed, committed → fresh.
        let changes = try XCTUnwrap(result.fitsChanges["simple-regression"])
        XCTAssertEqual(changes, ["model 'hours' coefficients[lot_size].estimate is 3.58020202020202, "
                                 + "the fresh fit gives 3.57020202020202 (relative difference 0.0028)"])
        let report = workspace.root.appendingPathComponent("check-report")
        try CheckReportWriter.write(result, outputRoot: "output", committedRoot: workspace.output, to: report)
        let page = try String(contentsOf: report.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<li>model &#39;hours&#39; coefficients[lot_size].estimate is 3.58020202020202, the fresh fit gives 3.57020202020202"), page)
    }

    func testAChangeWithinTheTolerancesStillFailsTheManifestHash() throws {
        var image = try workspace.image("simple-regression/simple-reg.png")
        image.pixels[0] = image.pixels[0] &- 3
        try workspace.write(image, to: "simple-regression/simple-reg.png")
        let result = workspace.check(["simple-regression"])
        XCTAssertEqual(result.summaries, ["manifest simple-regression/simple-reg.png [simple-reg]"])
        XCTAssertTrue(result.problems[0].message.contains("changed after rendering"))
    }

    func testABrokenSpecKeepsItsExitStatusAndTheOtherLessonsAreStillChecked() throws {
        try workspace.edit(workspace.lessons.appendingPathComponent("toluca-local.yaml"),
                           replacing: "work_hours ~ lot_size", with: "work_hours ~ lot_sise")
        let result = workspace.check()
        XCTAssertEqual(result.errors.count, 1)
        XCTAssertEqual(result.exitStatus, LessonExitStatus.badInput)
        XCTAssertTrue(result.errors[0].description.hasSuffix("lessons/toluca-local.yaml:6:27: in the formula of model 'hours': no column named \"lot_sise\" in toluca.csv — did you mean \"lot_size\"?"), result.errors[0].description)
        XCTAssertEqual(result.summaries, [], "the lesson that failed is not also called orphaned")
        XCTAssertEqual(Set(result.lessons), Set(workspace.catalogue.names).subtracting(["toluca-local"]))
    }

    func testAMissingManifestIsAProblem() throws {
        try FileManager.default.removeItem(at: workspace.url("manifest.json"))
        let result = workspace.check(["inference"])
        XCTAssertEqual(result.summaries, ["manifest manifest.json []"])
    }

    func testReportFolderHoldsTheFreshRenderDiffImagesAndBothReports() throws {
        var image = try workspace.image("inference/t-distribution.png")
        for i in stride(from: 0, to: image.pixels.count / 3, by: 4) { image.pixels[i] = 0 }
        try workspace.write(image, to: "inference/t-distribution.png")
        let result = workspace.check()
        let report = workspace.root.appendingPathComponent("check-report")
        try CheckReportWriter.write(result, outputRoot: "output", committedRoot: workspace.output, to: report)

        let written = try FileManager.default.contentsOfDirectory(atPath: report.appendingPathComponent("inference").path).sorted()
        XCTAssertEqual(written, ["fits.json", "t-distribution.committed.png", "t-distribution.diff.png", "t-distribution.myst.md",
                                 "t-distribution.png", "t-distribution.svg"])
        XCTAssertEqual(try Data(contentsOf: report.appendingPathComponent("inference/t-distribution.committed.png")),
                       try Data(contentsOf: workspace.url("inference/t-distribution.png")))
        // The review page shows the three images side by side and names the command that accepts them.
        let page = try String(contentsOf: report.appendingPathComponent("index.html"), encoding: .utf8)
        for source in ["inference/t-distribution.committed.png", "inference/t-distribution.png", "inference/t-distribution.diff.png"] {
            XCTAssertTrue(page.contains("<img src=\"\(source)\""), "the review page does not show \(source)")
        }
        XCTAssertTrue(page.contains("<code>glmviz check --update inference</code>"))
        XCTAssertTrue(page.contains("<code>glmviz check --update inference/t-distribution</code>"), "accepts the figure alone")
        XCTAssertEqual(try Data(contentsOf: report.appendingPathComponent("inference/t-distribution.png")),
                       try Data(contentsOf: result.freshRoot.appendingPathComponent("inference/t-distribution.png")))
        let text = try String(contentsOf: report.appendingPathComponent("report.txt"), encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("differs: output/inference/t-distribution.png (figure t-distribution): "), text)
        XCTAssertTrue(text.hasSuffix("glmviz check: 1 problem in output (\(result.lessons.count) lessons, "
                                     + "\(result.filesCompared) files compared, \(result.filesIdentical) byte-identical)\n"), text)

        struct Document: Decodable {
            struct Problem: Decodable { let kind: String; let lesson: String; let figures: [String]; let file: String }
            let passed: Bool
            let problems: [Problem]
        }
        let document = try JSONDecoder().decode(Document.self, from: Data(contentsOf: report.appendingPathComponent("report.json")))
        XCTAssertFalse(document.passed)
        XCTAssertEqual(document.problems.map(\.figures), [["t-distribution"]])
        XCTAssertEqual(document.problems.map(\.file), ["inference/t-distribution.png"])
    }
}
